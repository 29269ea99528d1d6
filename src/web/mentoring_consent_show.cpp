// GET /parrainage/consentement/{token}: what the guardian agrees to (the programme, the logged channel, what the
// mentor sees) and the button to give consent (a POST: a GET changes nothing); POST records it (email_link).
#include "domain/plan.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

namespace {
http::Response consent_page(Ctx& c, const domain::mentoring::Application& a, const std::string& error, int status) {
  Data d;
  d.set("token", a.consent_token);
  d.set("first_name", a.first_name);
  d.set("given", a.consent_at != 0);
  d.set("waiting", a.status == "awaiting_consent");
  if (!error.empty()) d.set("notice_error", error);
  if (auto p = store::programme_public(c.app.store, a.programme_id)) {
    d.set("programme", p->name);
    d.set("period", "du " + domain::format_day_fr(p->starts_on) + " au " + domain::format_day_fr(p->ends_on));
  }
  return mentoring_private(c.page("mentoring_consent", "Accord parental", d, status));
}
}  // namespace

http::Response mentoring_consent_show(Ctx& c) {
  auto a = store::mentee_application_by_consent_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  return consent_page(c, *a, "", 200);
}

http::Response mentoring_consent_create(Ctx& c) {
  const std::string token = c.req.params.at("token");
  auto saved = store::consent_by_token(c.app.store, token, store::now_unix());
  auto a = store::mentee_application_by_consent_token(c.app.store, token);
  if (!a || saved.status == store::WriteResult::Status::not_found) return mentoring_private(c.not_found());
  if (!saved.ok()) return consent_page(c, *a, saved.errors.count("status") ? saved.errors.at("status") : "", 409);
  return http::Response::redirect("/parrainage/consentement/" + token);
}

}  // namespace passerelles::web
