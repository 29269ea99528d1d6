// POST /parrainage/binomes/{id}/messages and /collectif/parrainage/binomes/{id}/messages: the coordinator or the
// mentor writes in the pair's logged channel (the consent gate is the store's); the other side gets « un nouveau
// message vous attend » with a link, never the body.
#include "mail/mentoring_mail.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/directory_support.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

namespace {
http::Response post_message(Ctx& c, const store::PairView& pair, bool as_coordinator) {
  std::string base = as_coordinator ? "/parrainage/binomes/" : "/collectif/parrainage/binomes/";
  auto saved = store::add_message(c.app.store, pair.id, as_coordinator ? "coordinator" : "mentor", c.req.form("body"),
                                  store::now_unix());
  if (!saved.ok()) return pair_page(c, pair, as_coordinator, "", saved.errors, status_of(saved));
  std::vector<mail::Message> out;
  const std::string url = c.app.cfg.base_url();
  if (auto a = store::mentee_application_by_id(c.app.store, c.territory_id(), pair.application_id)) {
    std::string link = url + "/parrainage/suivi/" + a->token;
    if (!a->email.empty()) out.push_back(mail::mentoring_new_message_notice(a->email, link));
    if (a->under_15 && !a->guardian_email.empty())
      out.push_back(mail::mentoring_new_message_notice(a->guardian_email, link));
  }
  if (as_coordinator)
    out.push_back(mail::mentoring_new_message_notice(pair.mentor_email,
                                                     url + "/collectif/parrainage/binomes/" + std::to_string(pair.id)));
  send_mails(c, out);
  return http::Response::redirect(base + std::to_string(pair.id) + "?msg=message#messages");
}
}  // namespace

http::Response mentoring_pair_message(Ctx& c) {
  if (!is_mentoring_editor(c)) return directory_without_territory(c);
  auto pair = store::pair_by_id(c.app.store, c.territory_id(), parse_id(c.req.params.at("id")));
  if (!pair) return c.not_found();
  return post_message(c, *pair, true);
}

http::Response mentoring_member_message(Ctx& c) {
  auto pair = my_pair_of_url(c);
  if (!pair) return c.not_found();
  return post_message(c, *pair, false);
}

}  // namespace passerelles::web
