// GET /parrainage/binomes/{id}: the coordinator's view of a pair of her territory: the logged messages, meetings,
// feedback, and the forms to write, log a meeting or end the pair.
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_pair_show(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  std::string msg = c.req.query("msg");
  std::string notice = msg == "message"     ? "Message envoyé."
                       : msg == "rencontre" ? "Rencontre enregistrée."
                       : msg == "termine"   ? "Binôme terminé."
                                            : "";
  return pair_page(c, *pair, true, notice, {}, 200);
}

}  // namespace passerelles::web
