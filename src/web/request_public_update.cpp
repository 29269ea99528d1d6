// POST /demandes/{token}/modifier: saves the teacher's changes (French messages next to the fields and nothing
// changed when refused, 422; a request no longer waiting, 409). Days an ambassador already holds must stay.
#include "store/accounts.hpp"
#include "store/requests.hpp"
#include "web/directory_support.hpp"
#include "web/handlers.hpp"
#include "web/request_support.hpp"

namespace passerelles::web {

http::Response request_public_update(Ctx& c) {
  const std::string& token = c.req.params.at("token");
  auto before = store::request_by_token(c.app.store, token);
  if (!before) return request_private(c.not_found());
  RequestForm form = request_form_of(c.req);
  domain::Errors errors;
  domain::InterventionRequest r = request_checked(c, form, errors);
  if (!errors.empty()) return request_edit_page(c, *before, form, errors, 422);
  auto saved = store::update_request(c.app.store, token, r, store::now_unix());
  if (saved.status == store::WriteResult::Status::not_found) return request_private(c.not_found());
  if (!saved.ok()) return request_edit_page(c, *before, form, request_form_errors(saved.errors), status_of(saved));
  return request_private(http::Response::redirect("/demandes/" + token + "?etat=modifiee"));
}

}  // namespace passerelles::web
