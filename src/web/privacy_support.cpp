// Shared by the privacy pages: territory, record display values, erasure confirmation.
#include "web/privacy_support.hpp"

#include "domain/mentoring.hpp"
#include "domain/opportunity.hpp"
#include "domain/text.hpp"
#include "domain/time_fr.hpp"
#include "http/message.hpp"
#include "web/account_support.hpp"

namespace passerelles::web {

std::optional<domain::Territory> privacy_territory(Ctx& c) {
  return managed_territory(c);
}

std::string privacy_scope(Ctx& c, const domain::Territory& t) {
  return c.actor->is_admin() ? "?territoire=" + http::url_encode(t.slug) : "";
}

Data privacy_record_data(Ctx& c, const domain::Territory& t, const store::PrivacyRecord& r) {
  bool mentee = r.subject == "mentee";
  std::string id = std::to_string(r.id);
  std::string scope = privacy_scope(c, t);
  Data d;
  d.set("subject", r.subject);
  d.set("subject_label", mentee ? "Candidature au parrainage" : "Candidature à une offre");
  d.set("id", id);
  d.set("name", domain::trim(r.first_name + " " + r.last_name));
  if (!r.email.empty()) d.set("email", r.email);
  d.set("context", r.context);
  std::string_view status = mentee ? domain::choice_label(domain::mentoring::application_statuses(), r.status)
                                   : domain::application_status_label(r.status);
  d.set("status_label", std::string(status.empty() ? std::string_view(r.status) : status));
  d.set("minor", r.minor);
  d.set("created", domain::format_datetime_fr(r.created_at));
  d.set("export_url", "/confidentialite/export/" + r.subject + "/" + id + ".json" + scope);
  d.set("erase_url", "/confidentialite/" + r.subject + "/" + id + "/effacer" + scope);
  return d;
}

http::Response privacy_erase_page(Ctx& c, const domain::Territory& t, const store::PrivacyRecord& r) {
  Data d = privacy_record_data(c, t, r);
  d.set("mentee", r.subject == "mentee");
  if (c.actor->is_admin()) d.set("territory_slug", t.slug);
  d.set("back_url", "/confidentialite" + privacy_scope(c, t));
  return c.page("privacy_erase", "Effacer des données personnelles", d);
}

}  // namespace passerelles::web
