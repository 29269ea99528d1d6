// POST /profil/jetons: creates a personal API token; its value is shown once, only its hash is kept.
#include "domain/text.hpp"
#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "web/account_support.hpp"
#include "web/handlers.hpp"

namespace passerelles::web {

namespace {
constexpr std::size_t kMaxTokensPerUser = 20;
}

http::Response api_token_create(Ctx& c) {
  std::string name = domain::trim(c.req.form("name"));
  const auto& user = c.actor->user;
  domain::Errors errors;
  domain::require_text(errors, "name", name, 100);
  if (errors.empty() && store::api_tokens_of_user(c.app.store, user.id).size() >= kMaxTokensPerUser)
    errors["name"] = "Vous avez déjà " + std::to_string(kMaxTokensPerUser) + " jetons : supprimez-en un d’abord.";
  if (!errors.empty()) {
    Data d = profile_data(c);
    d.set("token_name", name);
    d.set("token_errors", errors_data(errors));
    return c.page("profile", "Mon profil", d, 422);
  }
  std::string token = "psl_" + http::random_token(32);
  long long id = store::insert_api_token(c.app.store, user.id, name, http::token_hash(token), token.substr(0, 10));
  audit_event(c, user.territory_id, "create", "api_token", id, name);
  Data d = profile_data(c);
  d.set("new_token", token);
  d.set("new_token_name", name);
  return c.page("profile", "Mon profil", d);  // pages are never cached (Cache-Control: no-store)
}

}  // namespace passerelles::web
