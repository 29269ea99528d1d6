// GET /parrainage/etablissements?school=…&programme=ID: <option> elements for the school datalist of the
// application form (htmx): the schools of the programme's territory matching the words typed.
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/event_public_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

http::Response mentoring_school_options(Ctx& c) {
  std::vector<std::string> departments;
  if (auto p = store::programme_public(c.app.store, parse_id(c.req.query("programme"))))
    if (auto t = store::territory_by_id(c.app.store, p->territory_id)) departments = t->departments;
  return school_options_response(c, departments, c.req.query("school"));
}

}  // namespace passerelles::web
