// GET /enquetes/{id}/qr.svg | qr.png | carte.pdf | diapo.png: the link's QR code as SVG or PNG, the printable
// card (A5 PDF) and the slide to project (1920×1080 PNG).
#include "domain/action.hpp"
#include "report/qr.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/survey_support.hpp"

namespace passerelles::web {

http::Response survey_link_asset(Ctx& c) {
  if (!c.territory_id()) return directory_without_territory(c);
  auto l = store::survey_link_by_id(c.app.store, c.territory_id(), c.req.param_id("id"));
  if (!l) return c.not_found();
  std::string url = survey_short_url(c, l->token);
  std::string what = c.req.path.substr(c.req.path.rfind('/') + 1);
  report::SurveyCard card;
  card.title = l->questionnaire_title;
  card.subtitle = std::string(domain::action_kind_label(l->action_kind));
  if (!l->action_place.empty()) card.subtitle += " — " + l->action_place;
  card.url = url;
  card.hint = "Scanne le code ou tape l’adresse. Anonyme : ni nom, ni compte. Moins d’une minute.";
  http::Response r;
  std::string base = "questionnaire-" + l->token;
  if (what == "qr.svg") {
    r = http::Response::text(report::qr_svg(url, "QR code du questionnaire : " + url, 10));
    r.content_type = "image/svg+xml";
  } else if (what == "qr.png") {
    r = http::Response::text(report::qr_png(url, 12));
    r.content_type = "image/png";
  } else if (what == "carte.pdf") {
    r = http::Response::text(report::survey_card_pdf(card));
    r.content_type = "application/pdf";
    r.header("Content-Disposition", "attachment; filename=\"" + base + "-carte.pdf\"");
  } else if (what == "diapo.png") {
    r = http::Response::text(report::survey_slide_png(card));
    r.content_type = "image/png";
    r.header("Content-Disposition", "attachment; filename=\"" + base + "-diapo.png\"");
  } else {
    return c.not_found();
  }
  r.header("Cache-Control", "private, max-age=300");
  return r;
}

}  // namespace passerelles::web
