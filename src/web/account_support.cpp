// Password links by e-mail, audit entries, the managed territory and account creation by invitation.
#include "web/account_support.hpp"

#include <spdlog/spdlog.h>

#include "domain/text.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"

namespace passerelles::web {

namespace {

std::string user_label(const domain::User& u) {
  return u.display_name.empty() ? u.email : u.display_name + " <" + u.email + ">";
}

mail::Message link_message(App& app, const domain::User& user, PasswordLink kind, const std::string& link) {
  mail::Message m;
  m.to = user.email;
  std::string hello = user.display_name.empty() ? "Bonjour," : "Bonjour " + user.display_name + ",";
  if (kind == PasswordLink::reset) {
    m.subject = "Passerelles : choisir un nouveau mot de passe";
    m.text = hello + "\n\nUn nouveau mot de passe a été demandé pour votre compte Passerelles (" + user.email +
             ").\nPour le choisir, ouvrez ce lien dans l’heure :\n\n" + link +
             "\n\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe actuel "
             "reste valable.\n\n— Passerelles\n";
  } else {
    std::string where;
    if (user.territory_id) {
      if (auto t = store::territory_by_id(app.store, user.territory_id)) where = ", " + t->name;
    }
    m.subject = "Passerelles : votre compte vous attend";
    m.text = hello + "\n\nUn compte Passerelles a été créé pour vous (" +
             std::string(domain::role_label_fr(user.role)) + where +
             ").\nPour choisir votre mot de passe, ouvrez ce lien, valable 7 jours :\n\n" + link +
             "\n\nVous vous connecterez ensuite avec votre adresse e-mail : " + user.email + "\n\n— Passerelles\n";
  }
  return m;
}

}  // namespace

bool send_password_link(App& app, const domain::User& user, PasswordLink kind) {
  std::string token = http::random_token(32);
  long long ttl = kind == PasswordLink::reset ? kResetLinkSeconds : kInvitationLinkSeconds;
  store::insert_password_reset(app.store, http::token_hash(token), user.id, store::now_unix() + ttl);
  std::string link = app.cfg.base_url() + "/mot-de-passe/nouveau?jeton=" + token;
  std::string err = app.mailer.send(link_message(app, user, kind, link));
  if (!err.empty()) {
    spdlog::error("password link for user {} not sent: {}", user.id, err);
    return false;
  }
  return true;
}

void audit_event(App& app, const domain::User& who, long long territory_id, const std::string& action,
                 const std::string& entity, long long entity_id, const std::string& detail) {
  app.store.write([&](soci::session& sql) {
    store::audit(sql, territory_id, who.id, user_label(who), action, entity, entity_id, detail);
  });
}

void audit_event(Ctx& c, long long territory_id, const std::string& action, const std::string& entity,
                 long long entity_id, const std::string& detail) {
  audit_event(c.app, c.actor->user, territory_id, action, entity, entity_id, detail);
}

std::optional<domain::Territory> managed_territory(Ctx& c) {
  if (!c.actor->is_admin()) {
    if (c.actor->territory.id == 0) return std::nullopt;
    return c.actor->territory;
  }
  std::string slug = c.req.query("territoire");
  if (slug.empty()) slug = c.req.form("territoire");
  if (slug.empty()) return std::nullopt;
  return store::territory_by_slug(c.app.store, slug);
}

List territory_links(App& app) {
  List out;
  for (const auto& t : store::all_territories(app.store)) {
    Data item;
    item.set("slug", t.slug);
    item.set("name", t.name);
    out.push_back(item);
  }
  return out;
}

http::Response territory_choice_page(Ctx& c, const std::string& view, const std::string& title) {
  if (!c.actor->is_admin()) return c.forbidden();
  if (!c.req.query("territoire").empty()) return c.not_found();
  Data d;
  d.set("choices", territory_links(c.app));
  d.set("choose", true);
  return c.page(view, title, d);
}

long long invite_user(Ctx& c, const domain::Territory& territory, const std::string& email,
                      const std::string& display_name, const std::string& role, domain::Errors& errors,
                      bool& mail_sent) {
  mail_sent = false;
  domain::merge_into(errors, domain::validate_email(email));
  domain::require_text(errors, "display_name", display_name, 200);
  auto r = domain::role_from_string(role);
  if (!r || *r == domain::Role::admin) errors["role"] = "Choisissez un rôle dans la liste.";
  if (errors.empty() && store::user_by_email(c.app.store, email))
    errors["email"] = "Un compte existe déjà pour cette adresse e-mail.";
  if (!errors.empty()) return 0;
  domain::User u;
  u.email = domain::trim(email);
  u.display_name = domain::trim(display_name);
  u.role = *r;
  u.territory_id = territory.id;
  long long id = 0;
  try {
    // Nobody knows this password: the account is usable once its owner has chosen one through the link.
    id = store::insert_user(c.app.store, u, http::hash_password(http::random_token(32)));
  } catch (const std::exception&) {
    if (!store::user_by_email(c.app.store, email)) throw;
    errors["email"] = "Un compte existe déjà pour cette adresse e-mail.";  // created meanwhile
    return 0;
  }
  u.id = id;
  u.email = domain::fold(u.email);
  audit_event(c, territory.id, "create", "user", id, u.email + " (" + std::string(domain::role_label_fr(u.role)) + ")");
  mail_sent = send_password_link(c.app, u, PasswordLink::invitation);
  return id;
}

List role_choices(const std::string& selected) {
  List out;
  for (auto r : domain::all_roles()) {
    if (r == domain::Role::admin) continue;
    Data d;
    d.set("value", std::string(domain::to_string(r)));
    d.set("label", std::string(domain::role_label_fr(r)));
    d.set("selected", std::string(domain::to_string(r)) == selected);
    out.push_back(d);
  }
  return out;
}

}  // namespace passerelles::web
