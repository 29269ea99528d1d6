// The monthly digest: what changed in each territory since the previous month started, sent once per member and
// month to the active members who want it.
#include "jobs/digest_jobs.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <map>
#include <stdexcept>

#include "domain/plan.hpp"
#include "domain/time_fr.hpp"
#include "mail/digest_mail.hpp"
#include "store/ambassadors.hpp"
#include "store/kit.hpp"
#include "store/portraits.hpp"

namespace passerelles::jobs {

namespace {

// Unix seconds of 00:00 in Paris on the first day of the month before `day`'s.
long long previous_month_start(const std::string& day) {
  int year = std::stoi(day.substr(0, 4)), month = std::stoi(day.substr(5, 2)) - 1;
  if (month == 0) {
    month = 12;
    --year;
  }
  char first[32];
  std::snprintf(first, sizeof first, "%04d-%02d-01", year, month);
  long long utc_midnight = domain::days_between("1970-01-01", first) * 86400;
  return utc_midnight - domain::paris_utc_offset(utc_midnight);
}

mail::Digest digest_of(store::Store& s, long long territory_id, long long since, const std::string& base_url) {
  mail::Digest d;
  for (const auto& p : store::portraits_published_since(s, territory_id, since)) {
    std::string detail = p.domain_label;
    if (!p.employer.empty()) detail += (detail.empty() ? "" : " · ") + p.employer;
    d.portraits.push_back(
        {p.name.empty() ? p.job_title : p.name + " — " + p.job_title, detail, base_url + "/portraits/" + p.slug});
  }
  for (const auto& k : store::kit_pages_changed_since(s, territory_id, since))
    d.kit_pages.push_back({k.title, k.updated_by_label.empty() ? "" : "Dernière modification : " + k.updated_by_label,
                           base_url + "/collectif/kit/pages/" + k.slug});
  for (const auto& r : store::kit_resources_since(s, territory_id, since))
    d.resources.push_back({r.title, r.description.size() > 200 ? r.description.substr(0, 200) + "…" : r.description,
                           r.url.empty() ? base_url + "/collectif/kit" : r.url});
  return d;
}

}  // namespace

DigestOutcome run_digest(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                         const std::string& paris_day, long long now) {
  if (!domain::valid_day(paris_day)) throw std::invalid_argument("run_digest: not a day: '" + paris_day + "'");
  DigestOutcome out;
  std::string month = paris_day.substr(0, 7);
  long long since = previous_month_start(paris_day);
  std::map<long long, mail::Digest> by_territory;  // computed once per territory and run
  for (const auto& r : store::digest_recipients(s, month)) {
    auto it = by_territory.find(r.territory_id);
    if (it == by_territory.end())
      it = by_territory.emplace(r.territory_id, digest_of(s, r.territory_id, since, base_url)).first;
    mail::Digest& d = it->second;
    d.month = month;
    // Nothing new: nothing sent and nothing recorded, so that news later this month still reaches her.
    if (d.empty() || !store::claim_digest(s, r.ambassador_id, month, now)) {
      ++out.skipped;
      continue;
    }
    // Claimed before sending: a failed send is logged, not retried (never twice).
    std::string err = mailer.send(mail::digest_message(r.email, r.first_name, d, base_url,
                                                       base_url + "/collectif/desabonnement/" + r.unsubscribe_token));
    if (err.empty()) {
      ++out.sent;
    } else {
      ++out.failed;
      spdlog::warn("digest for member {} not sent: {}", r.ambassador_id, err);
    }
  }
  if (out.sent || out.failed)
    spdlog::info("digest {}: {} sent, {} failed, {} skipped", month, out.sent, out.failed, out.skipped);
  return out;
}

}  // namespace passerelles::jobs
