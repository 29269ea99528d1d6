// POST /collectif/rejoindre: records an application and tells the territory's coordinators. Errors next to the
// fields (422), an e-mail already known in the territory (409), too many applications from one connection or for
// one address within an hour (429); nothing is stored then.
#include "domain/text.hpp"
#include "store/accounts.hpp"
#include "web/collective_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {
// A public form that e-mails the coordinators: a few applications an hour per connection and per address.
constexpr long long kApplicationsPerAddressHour = 10;
constexpr long long kApplicationsPerEmailHour = 3;
}  // namespace

http::Response collective_application_create(Ctx& c) {
  std::string slug = c.req.form("territoire");
  domain::Ambassador a;
  a.first_name = domain::trim(c.req.form("first_name"));
  a.last_name = domain::trim(c.req.form("last_name"));
  a.email = domain::trim(c.req.form("email"));
  a.job_title = domain::trim(c.req.form("job_title"));
  a.domain = c.req.form("domain");
  a.motivation = domain::trim(c.req.form("motivation"));
  auto errors = domain::validate_application(a);
  auto territory = slug.empty() || slug.size() > 100 ? std::nullopt : store::territory_by_slug(c.app.store, slug);
  if (!territory) errors["territoire"] = "Choisissez le territoire où vous travaillez.";
  if (!errors.empty()) return application_page(c, a, slug, errors, 422);
  long long now = store::now_unix();
  if (!c.app.booking_quota.take("apply-addr:" + c.req.remote_addr, kApplicationsPerAddressHour, now) ||
      !c.app.booking_quota.take("apply-mail:" + domain::fold(a.email), kApplicationsPerEmailHour, now))
    return application_page(c, a, slug, {}, 429,
                            "Trop de candidatures envoyées en peu de temps depuis cette connexion ou pour cette "
                            "adresse e-mail : réessayez dans une heure. Rien n’a été enregistré.");
  auto saved = store::insert_application(c.app.store, territory->id, a);
  if (!saved.ok())
    return application_page(c, a, slug, saved.errors, saved.status == store::WriteResult::Status::conflict ? 409 : 422);
  a.id = saved.id;
  a.territory_id = territory->id;
  notify_coordinators(c, *territory, a);
  return http::Response::redirect("/collectif/rejoindre?etat=envoyee");
}

}  // namespace passerelles::web
