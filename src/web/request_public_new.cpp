// GET /demandes/nouvelle: the teacher's request form, without an account (?territoire=slug looks for her school in
// that territory only); ?etat=envoyee is the page shown once it is sent: « Vérifiez votre messagerie ».
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_new(Ctx& c) {
  std::string state = c.req.query("etat");
  if (state == "envoyee" || state == "sans-mail") {
    Data d;
    d.set("mail_failed", state == "sans-mail");
    return c.page("request_sent", "Vérifiez votre messagerie", d);
  }
  RequestForm f;
  f.territory = c.req.query("territoire");
  f.kind = "talk";
  f.needed = "1";
  return request_new_page(c, f, {}, 200);
}

}  // namespace passerelles::web
