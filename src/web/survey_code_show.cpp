// GET /q: where a pupil types the 6-character code shown in class when she cannot scan the QR code;
// GET /q?code=K7M2PQ goes to that questionnaire.
#include <cctype>

#include "domain/survey.hpp"
#include "domain/text.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response survey_code_show(Ctx& c) {
  std::string raw = domain::trim(c.req.query("code")), code;
  for (char ch : raw)
    if (ch != ' ' && ch != '-') code += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  std::string error;
  if (!raw.empty()) {
    if (domain::is_survey_token(code)) return http::Response::redirect("/q/" + code);
    error = "Ce code n’existe pas : il compte 6 lettres ou chiffres, comme affiché au tableau (par exemple K7M2PQ).";
  }
  Data d;
  d.set("css_survey", c.app.assets.url("/static/survey.css"));
  if (!error.empty()) d.set("error", error);
  d.set("code", raw);
  http::Response r = http::Response::html(c.app.templates.render("survey_code", d), error.empty() ? 200 : 422);
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace passerelles::web
