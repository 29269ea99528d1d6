// GET /parrainage/cautions: a signed-in school contact's applications to vouch for (those naming her e-mail), with
// a button each; POST /parrainage/cautions/{id}: she vouches from her account (vouched_by her).
#include "mail/mentoring_mail.hpp"
#include "store/accounts.hpp"
#include "store/mentoring.hpp"
#include "web/event_support.hpp"
#include "web/form_support.hpp"
#include "web/handlers.hpp"
#include "web/mentoring_support.hpp"

namespace passerelles::web {

http::Response mentoring_vouch_index(Ctx& c) {
  List rows;
  for (const auto& a : store::mentee_applications_to_vouch(c.app.store, c.actor->user.email)) {
    if (a.territory_id != c.territory_id()) continue;
    Data d;
    d.set("id", std::to_string(a.id));
    d.set("name", a.display_name());
    set_text(d, "class_level", a.class_level);
    set_text(d, "school", a.school_name);
    d.set("motivation", a.motivation);
    if (auto p = store::programme_public(c.app.store, a.programme_id)) d.set("programme", p->name);
    rows.push_back(d);
  }
  Data d;
  d.set("rows", rows);
  d.set("has_rows", !rows.empty());
  if (c.req.query("msg") == "cautionnee") d.set("notice", std::string("Candidature cautionnée. Merci !"));
  return c.page("mentoring_vouch_index", "Candidatures à cautionner", d);
}

http::Response mentoring_vouch_user(Ctx& c) {
  long long id = parse_id(c.req.params.at("id"));
  if (!store::mentee_application_by_id(c.app.store, c.territory_id(), id)) return c.not_found();  // another territory's
  auto v = store::vouch_by_user(c.app.store, id, c.actor->user.id, c.actor->user.email, store::now_unix());
  if (v.result.status == store::WriteResult::Status::not_found) return c.not_found();
  if (v.result.ok() && !v.consent_token.empty())
    if (auto a = store::mentee_application_by_id(c.app.store, c.territory_id(), id))
      if (auto p = store::programme_public(c.app.store, a->programme_id))
        send_mails(c, {mail::mentoring_consent_request_message(*a, *p, v.consent_token, c.app.cfg.base_url())});
  return http::Response::redirect("/parrainage/cautions?msg=cautionnee");
}

}  // namespace passerelles::web
