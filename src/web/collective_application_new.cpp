// GET /collectif/rejoindre: the public « rejoindre le collectif » form (territory, names, e-mail, job, domain,
// motivation); after sending, ?etat=envoyee thanks her.
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response collective_application_new(Ctx& c) {
  domain::Ambassador a;
  return application_page(c, a, c.req.query("territoire"), {}, 200, collective_notice(c.req.query("etat")));
}

}  // namespace passerelles::web
