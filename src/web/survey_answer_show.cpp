// GET /q/{token}: the anonymous answer form of a survey link, for the phase the link collects now. No account,
// no session, no cookie but the link's own "already answered" marker. Tokens are accepted in any case.
#include <algorithm>
#include <cctype>

#include "domain/text.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

namespace {

std::string upper(std::string s) {
  for (auto& ch : s) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

}  // namespace

http::Response survey_answer_show(Ctx& c) {
  std::string token = upper(c.req.params["token"]);
  if (token != c.req.params["token"] && domain::is_survey_token(token))
    return http::Response::redirect("/q/" + token, 301);
  // One indexed query says whether the form as first shown is already rendered (a class scans at once).
  auto stamp = store::survey_form_stamp(c.app.store, token);
  if (!stamp) return c.not_found();
  std::string notice = survey_closed_notice(c, token, stamp->phase);
  if (c.req.query("merci") == "1" && stamp->phase != "closed")
    notice = stamp->phase == "pre" ? "Merci, ta réponse est enregistrée ! Après l’intervention, réponds à nouveau "
                                     "avec le même lien (et le même code secret si tu en as choisi un)."
                                   : "Merci, ta réponse est enregistrée !";
  const std::string key = token + "|" + stamp->version;
  if (notice.empty()) {
    if (auto hit = c.app.survey_forms.get(key, 0)) {
      http::Response r = http::Response::html(**hit);
      r.header("Cache-Control", "no-store");
      return r;
    }
  }
  auto l = store::survey_link_by_token(c.app.store, token);
  if (!l) return c.not_found();
  auto q = store::questionnaire_by_id(c.app.store, l->territory_id, l->questionnaire_id);
  if (!q) return c.not_found();
  http::Response r = survey_form_page(c, *l, *q, nullptr, {}, 200, notice, notice.empty());
  // Kept only when it was rendered for the version read above (the link may have moved on in between).
  if (notice.empty() && l->phase == stamp->phase)
    c.app.survey_forms.put(key, 0, std::make_shared<const std::string>(r.body));
  return r;
}

}  // namespace passerelles::web
