// POST /collectif/interventions/{id}/compte-rendu: her report; it becomes a validated action counted by the
// indicators (one per request: a pair's second report adds nothing). French errors next to each field (422).
#include "web/assignment_support.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/plan_support.hpp"

namespace passerelles::web {

http::Response assignment_report_create(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  store::InterventionReport r;
  domain::Errors typed;
  auto number = [&](const char* field, int& out, const char* message) {
    out = parse_int(c.req.form(field), -1);
    if (out < 0) typed[field] = message;
  };
  number("girls", r.girls, "Indiquez le nombre de filles présentes (un nombre entier, 0 s’il n’y en avait pas).");
  number("boys", r.boys, "Indiquez le nombre de garçons présents (un nombre entier, 0 s’il n’y en avait pas).");
  number("teachers", r.teachers, "Indiquez le nombre d’adultes présents (un nombre entier, 0 s’il n’y en avait pas).");
  number("duration_minutes", r.duration_minutes, "Indiquez la durée en minutes (un nombre entier).");
  r.highlight = c.req.form("highlight");
  if (!typed.empty()) return assignment_report_page(c, *a, r, typed, 422);
  auto saved = store::report_assignment(c.app.store, a->id, r, author_of(c), plan_today());
  if (!saved.ok()) return assignment_report_page(c, *a, r, saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/interventions?msg=compte-rendu");
}

}  // namespace passerelles::web
