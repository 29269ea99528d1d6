// JSON for the directory API: records to and from JSON, request bodies, list parameters and error responses.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>

#include "domain/directory.hpp"
#include "store/directory.hpp"
#include "web/app.hpp"

namespace passerelles::web {

// {"error": message, "fields": {...}} with the given status.
http::Response api_errors(int status, const std::string& message, const domain::Errors& fields = {});
// 403 for an account without territory (an admin): the directory belongs to territories.
http::Response api_without_territory();
// The record as JSON with `status`; strings that are not valid UTF-8 are replaced, never thrown on.
http::Response api_json(const nlohmann::json& j, int status = 200);

// The body of a POST or PUT as a JSON object; otherwise nullopt and `error` is the answer to send:
// 415 when Content-Type is not application/json, 400 when the body is not JSON (or not UTF-8) or not an object.
std::optional<nlohmann::json> json_object_body(const http::Request& r, http::Response& error);

// List parameters: q, the kind parameter (`kind` or `role`), organisation_id (people), page, per_page (≤ 100).
// nullopt with `error` (400) when q is not valid UTF-8 or a value is not one of the expected ones.
std::optional<store::DirectoryFilter> api_filter(const http::Request& r, const std::string& kind_param,
                                                 http::Response& error);

nlohmann::json to_json(const domain::Organisation& o);
nlohmann::json to_json(const domain::Person& p);
template <class T>
nlohmann::json to_json(const store::Page<T>& page) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.rows) items.push_back(to_json(r));
  return {{"items", items}, {"total", page.total}, {"page", page.page}, {"per_page", page.per_page}};
}

// Every input field is replaced by the body's value (absent or null: empty). Read-only fields (id, territory,
// times, names of linked records) and unknown fields are ignored. A value of the wrong JSON type is reported
// in `type_errors` (answered with 400).
void organisation_from_json(const nlohmann::json& j, domain::Organisation& o, domain::Errors& type_errors);
void person_from_json(const nlohmann::json& j, domain::Person& p, domain::Errors& type_errors);

}  // namespace passerelles::web
