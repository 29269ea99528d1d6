// POST /p/{token}: a group checks itself in with its booking code (case ignored) and the counts that came, on the
// event's day (Paris time); store::check_in records it in the event's action. Errors come back next to the fields
// (unknown code, not today, cancelled); success shows "Bienvenue !" and, when the action has an open survey link,
// its short link and QR code so that the pupils can answer.
#include <algorithm>
#include <cctype>

#include "domain/text.hpp"
#include "report/qr.hpp"
#include "store/events.hpp"
#include "store/surveys.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

namespace {

constexpr std::size_t kCodeLength = 6;

// "Bienvenue !" with what was recorded, and the survey of the event's action when one collects answers.
http::Response welcome_page(Ctx& c, const domain::Event& e, const store::AttendanceMark& m) {
  Data d;
  d.set("event", event_data(e));
  std::vector<std::string> parts;
  auto add = [&](int n, const char* one, const char* many) {
    if (n > 0) parts.push_back(std::to_string(n) + " " + (n == 1 ? one : many));
  };
  add(m.girls, "fille", "filles");
  add(m.boys, "garçon", "garçons");
  add(m.adults, "adulte accompagnateur", "adultes accompagnateurs");
  add(m.people, "personne", "personnes");
  d.set("counts", domain::join(parts, ", "));
  if (e.action_id) {
    auto links = store::survey_links_of_action(c.app.store, e.territory_id, e.action_id);
    auto live = std::find_if(links.begin(), links.end(), [](const auto& l) { return l.phase != "closed"; });
    if (live != links.end()) {
      Data survey;
      std::string url = survey_short_url(c, live->token);
      survey.set("url", url);
      survey.set("qr_svg", report::qr_svg(url, "QR code du questionnaire : " + url, 6));
      d.set("survey", survey);
    }
  }
  return c.page("checkin_done", "Bienvenue !", d);
}

}  // namespace

http::Response checkin_create(Ctx& c) {
  auto e = store::event_by_checkin_token(c.app.store, c.req.params["token"]);
  if (!e || !domain::event_is_public(e->status)) return c.not_found();
  domain::Errors errors;
  std::string code = domain::trim(c.req.form("code"));
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char ch) { return std::toupper(ch); });
  bool alnum = std::all_of(code.begin(), code.end(), [](unsigned char ch) { return std::isalnum(ch); });
  if (code.size() != kCodeLength || !alnum)
    errors["code"] = "Le code compte 6 lettres ou chiffres : il figure dans l’e-mail reçu à l’inscription.";
  store::AttendanceMark m;
  m.attended = true;
  const std::pair<const char*, int*> counts[] = {
      {"girls", &m.girls}, {"boys", &m.boys}, {"adults", &m.adults}, {"people", &m.people}};
  for (const auto& [name, into] : counts)
    if (!read_count(c.req, name, *into)) errors[name] = "Indiquez un nombre entier de 0 à 1 000.";
  if (!errors.count("girls") && !errors.count("boys") && !errors.count("adults") && !errors.count("people") &&
      m.girls + m.boys + m.adults + m.people == 0)
    errors["counts"] = "Indiquez combien de personnes sont venues.";
  if (!errors.empty()) return checkin_page(c, *e, errors, 422);
  auto saved = store::check_in(c.app.store, e->checkin_token, code, m, plan_today());
  if (!saved.ok()) {
    domain::Errors shown = saved.errors;
    if (shown.empty()) shown["code"] = "Ce pointage n’a pas pu être enregistré.";
    return checkin_page(c, *e, shown, saved.status == store::WriteResult::Status::conflict ? 409 : 422);
  }
  auto fresh = store::event_by_checkin_token(c.app.store, e->checkin_token);
  return welcome_page(c, fresh ? *fresh : *e, m);
}

}  // namespace passerelles::web
