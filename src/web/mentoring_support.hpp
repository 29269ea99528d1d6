// Shared by the mentoring pages (/parrainage…, /collectif/parrainage…): who may edit, the programme form, the
// public application form as typed, and the pages that forms re-render with their errors.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "domain/mentoring.hpp"
#include "store/mentoring.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// A coordinator of the territory (or an admin who has one).
bool is_mentoring_editor(const Ctx& c);
// Today in Paris ('YYYY-MM-DD').
std::string mentoring_today();

// ---- programmes (coordinator) ----
domain::mentoring::Programme programme_from_form(const http::Request& r, domain::mentoring::Programme base);
http::Response programme_form_page(Ctx& c, const domain::mentoring::Programme& p, const domain::Errors& e, int status);
// The programme page: mentors, applications by status, pairs with their proposals to review; `notice` on top and
// `errors` (key "status" or a field) shown as an alert.
http::Response programme_page(Ctx& c, const domain::mentoring::Programme& p, const std::string& notice,
                              const domain::Errors& errors, int status);
// The programme of the URL's {id} in the coordinator's territory.
std::optional<domain::mentoring::Programme> programme_of_url(Ctx& c);

// ---- the public application ----
struct MenteeForm {
  std::string first_name, last_name, birth_month, email, school, class_level, commune, motivation, voucher_name,
      voucher_email, guardian_name, guardian_email, remote_ok;
  std::vector<std::string> domains, weekly;
};
MenteeForm mentee_form_of(const http::Request& r);
// The application the form describes (school and commune looked up), normalised on `today` and validated for the
// programme: `errors` keyed by form field.
domain::mentoring::Application mentee_checked(Ctx& c, const domain::mentoring::Programme& p, const MenteeForm& f,
                                              domain::Errors& errors);
http::Response mentee_form_page(Ctx& c, const domain::mentoring::Programme& p, const MenteeForm& f,
                                const domain::Errors& e, int status);

// ---- the mentee's private page ----
http::Response follow_page(Ctx& c, const domain::mentoring::Application& a, const std::string& notice,
                           const domain::Errors& e, int status);

// ---- a pair's page: the mentor's (/collectif/parrainage/binomes/ID) or the coordinator's (/parrainage/binomes/ID)
http::Response pair_page(Ctx& c, const store::PairView& pair, bool as_coordinator, const std::string& notice,
                         const domain::Errors& e, int status);
// The pair of the URL's {id} when it belongs to the signed-in ambassador (active or ended).
std::optional<store::PairView> my_pair_of_url(Ctx& c);

// ---- the ambassador's page /collectif/parrainage ----
http::Response member_mentoring_page(Ctx& c, const std::string& notice, const domain::Errors& e, int status);

// E-mails the pair's introduction to the mentor and to the mentee (or her guardian); returns how many were sent.
int send_pair_mails(Ctx& c, const store::PairView& pair);

// Private pages (a token in the URL): no Referer, not indexed.
http::Response mentoring_private(http::Response r);

}  // namespace passerelles::web
