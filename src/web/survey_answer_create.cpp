// POST /q/{token}: stores one anonymous answer for the link's current phase — with the day only, no address, no
// agent, no account — then marks the phase as answered in a cookie scoped to the link (no identifier in it).
#include <algorithm>

#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_answer_create(Ctx& c) {
  auto l = store::survey_link_by_token(c.app.store, c.req.params["token"]);
  if (!l) return c.not_found();
  auto q = store::questionnaire_by_id(c.app.store, l->territory_id, l->questionnaire_id);
  if (!q) return c.not_found();
  if (std::string notice = survey_closed_notice(c, l->token, l->phase); !notice.empty())
    return survey_form_page(c, *l, *q, nullptr, {}, 409, notice, false);

  domain::SurveySubmission sub;
  auto form = http::parse_form(c.req.body);
  domain::Errors e = domain::parse_submission(*q, form, sub);
  if (q->audience != "pupils") {
    sub.gender.clear();
    sub.level.clear();
  }
  if (!q->pre_post) sub.code.clear();
  if (sub.phase != l->phase)
    e["phase"] = l->phase == "closed" ? "Ce questionnaire est fermé : il ne reçoit plus de réponse."
                                      : "Le questionnaire a changé d’étape pendant que tu répondais : vérifie tes "
                                        "réponses et envoie-les à nouveau.";
  bool answered_any = std::any_of(sub.answers.begin(), sub.answers.end(), [](const auto& a) { return a.answered; });
  if (e.empty() && !answered_any) e["phase"] = "Réponds à au moins une question avant d’envoyer.";
  if (!e.empty()) {
    sub.phase = l->phase;
    return survey_form_page(c, *l, *q, &sub, e, 422, "", true);
  }
  auto saved = store::insert_survey_response(c.app.store, l->id, sub, domain::paris_day(store::now_unix()));
  if (!saved.ok()) return survey_form_page(c, *l, *q, &sub, saved.errors, 422, "", l->phase != "closed");
  auto done = phases_answered(c, l->token);
  done.push_back(l->phase);
  http::Response r = http::Response::redirect("/q/" + l->token + "?merci=1");
  r.header("Set-Cookie", answered_cookie(c, l->token, done));
  return r;
}

}  // namespace passerelles::web
