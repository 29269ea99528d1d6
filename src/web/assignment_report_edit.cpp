// GET /collectif/interventions/{id}/compte-rendu: the one-minute report of her intervention (the real audience,
// how long, a highlight), prefilled with the class the teacher announced.
#include "web/assignment_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response assignment_report_edit(Ctx& c) {
  http::Response refusal;
  auto a = my_assignment(c, refusal);
  if (!a) return refusal;
  store::InterventionReport r;
  r.girls = a->request.girls;
  r.boys = a->request.boys;
  r.teachers = 1;
  return assignment_report_page(c, *a, r, {}, 200);
}

}  // namespace passerelles::web
