// POST /collectif/mon-portrait/statut (demande=publication|retrait): she asks for publication (a coordinator then
// validates it: she never publishes herself), withdraws her published portrait at once, or cancels her request.
#include "store/portraits.hpp"
#include "web/collective_support.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/portrait_support.hpp"

namespace passerelles::web {

http::Response my_portrait_status_update(Ctx& c) {
  auto me = my_membership(c);
  if (!me) return not_a_member(c);
  auto p = my_portrait(c, *me);
  std::string wanted = c.req.form("demande");
  if (wanted != "publication" && wanted != "retrait") return c.bad_request("Demande inconnue : rien n’a été modifié.");
  if (!p) return c.bad_request("Enregistrez d’abord votre portrait.");
  std::string status, state;
  if (wanted == "publication") {
    status = "submitted";
    state = "demande";
  } else {
    status = p->status == "submitted" ? "draft" : "unpublished";
    state = p->status == "submitted" ? "annule" : "retire";
  }
  PortraitNotices notices;
  if (status == "submitted" && !me->consents_to("job"))
    notices.status_error =
        "Pour demander la publication, acceptez au moins la publication de votre métier dans votre "
        "profil (rubrique « Ce que j’accepte de publier »).";
  if (notices.status_error.empty()) {
    auto r = store::set_portrait_status(c.app.store, me->territory_id, p->id, status, author_of(c));
    if (r.ok()) return http::Response::redirect("/collectif/mon-portrait?etat=" + state);
    notices.status_error = wanted == "publication" ? "Votre portrait est déjà publié ou en attente de validation."
                                                   : "Votre portrait n’est ni publié ni en attente de validation.";
  }
  p->consents = me->consents;
  return my_portrait_page(c, *me, *p, typed_of(*p), {}, 422, notices);
}

}  // namespace passerelles::web
