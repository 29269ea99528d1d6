// GET /api/v1/me: who the token (or session) belongs to — account, role and territory.
#include <nlohmann/json.hpp>

#include "web/handlers.hpp"

namespace passerelles::web {

http::Response me_show(Ctx& c) {
  const auto& u = c.actor->user;
  nlohmann::json j = {{"id", u.id},
                      {"email", u.email},
                      {"name", u.display_name},
                      {"role", std::string(domain::to_string(u.role))},
                      {"role_label", std::string(domain::role_label_fr(u.role))},
                      {"territory", nullptr}};
  const auto& t = c.actor->territory;
  if (t.id)
    j["territory"] = {
        {"id", t.id},          {"slug", t.slug}, {"name", t.name}, {"kind", t.kind}, {"departments", t.departments},
        {"academy", t.academy}};
  return http::Response::json(j.dump());
}

}  // namespace passerelles::web
