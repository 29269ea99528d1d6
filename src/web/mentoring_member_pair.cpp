// GET /collectif/parrainage/binomes/{id}: the mentor's pair: her mentee's first name and initial, class and
// domains (never a contact), the logged messages, meetings and feedback; POST …/bilan: her feedback.
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_member_pair_show(Ctx& c) {
  auto pair = my_pair_of_url(c);
  if (!pair) return c.not_found();
  std::string msg = c.req.query("msg");
  return pair_page(c, *pair, false,
                   msg == "message"     ? "Message envoyé."
                   : msg == "rencontre" ? "Rencontre enregistrée."
                   : msg == "bilan"     ? "Merci pour votre bilan !"
                                        : "",
                   {}, 200);
}

http::Response mentoring_member_feedback(Ctx& c) {
  auto pair = my_pair_of_url(c);
  if (!pair) return c.not_found();
  auto saved = store::add_feedback(c.app.store, pair->id, c.req.form("phase"), "mentor",
                                   parse_int(c.req.form("rating"), 0), c.req.form("comment"), store::now_unix());
  if (!saved.ok()) return pair_page(c, *pair, false, "", saved.errors, status_of(saved));
  return http::Response::redirect("/collectif/parrainage/binomes/" + std::to_string(pair->id) + "?msg=bilan");
}

}  // namespace passerelles::web
