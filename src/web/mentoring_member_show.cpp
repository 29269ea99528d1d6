// GET /collectif/parrainage: the signed-in ambassador's mentoring: the open programmes of her territory to join
// (when her profile offers to mentor), her pairs. An account that is not a member gets the explanation.
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_member_show(Ctx& c) {
  std::string msg = c.req.query("msg");
  return member_mentoring_page(c,
                               msg == "rejoint"  ? "Vous êtes marraine de ce programme. Merci !"
                               : msg == "quitte" ? "Vous avez quitté ce programme."
                                                 : "",
                               {}, 200);
}

}  // namespace passerelles::web
