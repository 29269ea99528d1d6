// The mentee's forms on her private page (POST /parrainage/suivi/{token}/…): messages (the mentor is told « un
// nouveau message vous attend »; refused before consent by the store), feedback, orientation choice, withdrawal.
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
std::string follow_url(const domain::mentoring::Application& a, const std::string& msg) {
  return "/parrainage/suivi/" + a.token + "?msg=" + msg;
}
}  // namespace

http::Response mentoring_follow_message(Ctx& c) {
  auto a = store::mentee_application_by_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  auto pair = store::pair_of_application(c.app.store, a->id);
  if (!pair) return follow_page(c, *a, "", {{"status", "Vous n’êtes pas encore en binôme."}}, 409);
  auto saved = store::add_message(c.app.store, pair->id, "mentee", c.req.form("body"), store::now_unix());
  if (!saved.ok()) return follow_page(c, *a, "", saved.errors, status_of(saved));
  send_mails(
      c, {mail::mentoring_new_message_notice(
             pair->mentor_email, c.app.cfg.base_url() + "/collectif/parrainage/binomes/" + std::to_string(pair->id))});
  return http::Response::redirect(follow_url(*a, "message"));
}

http::Response mentoring_follow_feedback(Ctx& c) {
  auto a = store::mentee_application_by_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  auto pair = store::pair_of_application(c.app.store, a->id);
  if (!pair) return follow_page(c, *a, "", {{"status", "Vous n’êtes pas encore en binôme."}}, 409);
  auto saved = store::add_feedback(c.app.store, pair->id, c.req.form("phase"), "mentee",
                                   parse_int(c.req.form("rating"), 0), c.req.form("comment"), store::now_unix());
  if (!saved.ok()) return follow_page(c, *a, "", saved.errors, status_of(saved));
  return http::Response::redirect(follow_url(*a, "bilan"));
}

http::Response mentoring_follow_outcome(Ctx& c) {
  auto a = store::mentee_application_by_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  auto saved = store::mentee_set_outcome(c.app.store, a->token, c.req.form("outcome"), c.req.form("outcome_text"),
                                         store::now_unix());
  if (!saved.ok()) return follow_page(c, *a, "", saved.errors, status_of(saved));
  return http::Response::redirect(follow_url(*a, "orientation"));
}

http::Response mentoring_follow_withdraw(Ctx& c) {
  auto a = store::mentee_application_by_token(c.app.store, c.req.params.at("token"));
  if (!a || a->erased_at) return mentoring_private(c.not_found());
  auto saved = store::mentee_withdraw_application(c.app.store, a->token, c.req.form("reason"), store::now_unix());
  if (!saved.ok()) return follow_page(c, *a, "", saved.errors, status_of(saved));
  return http::Response::redirect(follow_url(*a, "retiree"));
}

}  // namespace passerelles::web
