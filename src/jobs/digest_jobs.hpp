// The monthly digest to the collective's members: new portraits, kit updates, open requests (when the requests
// feature exists), with a one-click unsubscribe link (RFC 8058 List-Unsubscribe-Post as well).
#pragma once
#include <string>

#include "mail/mailer.hpp"
#include "store/store.hpp"

namespace passerelles::jobs {

struct DigestOutcome {
  long long sent = 0;
  long long failed = 0;
  long long skipped = 0;  // already sent this month, unsubscribed, or nothing new
};
// Sends, once per member and month ('YYYY-MM' of paris_day), on the 1st of the month or later, to every
// active member with digest on, what changed in her territory since the previous month started. A row in
// digest_sends is written in the same transaction that picks her, so a second run or a second server sends
// nothing. `base_url` makes the links absolute.
DigestOutcome run_digest(store::Store& s, const mail::Mailer& mailer, const std::string& base_url,
                         const std::string& paris_day, long long now);

}  // namespace passerelles::jobs
