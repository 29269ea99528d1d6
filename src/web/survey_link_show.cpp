// GET /enquetes/{id}: a survey link of my territory, to show in class — the QR code, the short link in large
// type, the phase it collects (switch from "avant" to "après" at the end of the action, then close), the
// numbers of answers, the printable card and the slide, and the results.
#include "report/qr.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_link_show(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto l = store::survey_link_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!l) return c.not_found();
  Data d;
  std::string url = survey_short_url(c, l->token);
  d.set("id", std::to_string(l->id));
  d.set("action_id", std::to_string(l->action_id));
  d.set("title", l->questionnaire_title);
  d.set("url", url);
  d.set("token", l->token);
  d.set("qr_svg", report::qr_svg(url, "QR code du questionnaire : " + url, 6));
  d.set("phase_label", std::string(domain::survey_phase_label(l->phase)));
  d.set("pre_post", l->pre_post);
  d.set("n_pre", std::to_string(l->responses_pre));
  d.set("n_post", std::to_string(l->responses_post));
  d.set("n_single", std::to_string(l->responses_single));
  d.set("can_survey", can_run_surveys(c));
  List phases;
  auto add = [&](const char* code, const char* label) {
    if (l->phase == code) return;
    Data p;
    p.set("code", code);
    p.set("label", label);
    phases.push_back(p);
  };
  if (l->pre_post) {
    add("pre", "Recueillir les réponses d’avant l’action");
    add("post", "Passer aux réponses d’après l’action");
  } else {
    add("single", "Rouvrir le questionnaire");
  }
  add("closed", "Fermer le questionnaire");
  d.set("phases", phases);
  d.set("closed", l->phase == "closed");
  return c.page("survey_link", l->questionnaire_title, d);
}

}  // namespace passerelles::web
