// GET /parrainage/suivi/{token}: the mentee's private page: her status in words; once paired (and only past the
// consent gate) her mentor's first name and job, the pair's logged messages with a form to write, the meetings,
// the feedback forms; her orientation choice; « retirer ma candidature ». Unknown tokens are 404.
#include "store/mentoring.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_follow_show(Ctx& c) {
  auto a = store::mentee_application_by_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  std::string msg = c.req.query("msg");
  std::string notice = msg == "envoyee"
                           ? "Votre candidature est envoyée. Gardez l’adresse de cette page : elle est personnelle."
                       : msg == "message"     ? "Message envoyé."
                       : msg == "orientation" ? "Votre choix d’orientation est enregistré."
                       : msg == "bilan"       ? "Merci pour votre bilan !"
                       : msg == "retiree"     ? "Votre candidature est retirée."
                                              : "";
  return follow_page(c, *a, notice, {}, 200);
}

}  // namespace passerelles::web
