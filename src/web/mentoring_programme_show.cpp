// GET /parrainage/programmes/{id}: a programme of my territory — mentors with capacity and load, applications by
// status, the proposals of the last matching run to accept or discard, the pairs. Another territory's id is 404.
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

namespace {
std::string notice_of(const std::string& msg, const http::Request& r) {
  if (msg == "cree") return "Programme créé.";
  if (msg == "modifie") return "Programme enregistré.";
  if (msg == "appariement")
    return "Appariement terminé : " + r.query("propositions") + " proposition(s), " + r.query("restantes") +
           " candidature(s) sans marraine.";
  if (msg == "accepte") return "Binôme accepté : la marraine et la filleule sont prévenues par e-mail.";
  if (msg == "retire") return "Proposition retirée.";
  if (msg == "marraine") return "Marraine ajoutée.";
  if (msg == "marraine-retiree") return "Marraine retirée du programme.";
  if (msg == "accord") return "Accord parental sur papier enregistré.";
  return "";
}
}  // namespace

http::Response mentoring_programme_show(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto p = programme_of_url(c);
  if (!p) return c.not_found();
  return programme_page(c, *p, notice_of(c.req.query("msg"), c.req), {}, 200);
}

}  // namespace passerelles::web
