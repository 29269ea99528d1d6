// The bad-input catalogue: every route receives malformed ids, bodies, encodings and sizes; the server must
// answer each with a 4xx (never a 500), keep serving, and change nothing that was saved before.
#include <gtest/gtest.h>

#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "support/http_support.hpp"
#include "support/snapshot.hpp"
#include "support/test_support.hpp"
#include "web/app.hpp"

using namespace passerelles;
using fixture::Client;
using fixture::TestServer;

namespace {

std::string replace_params(const std::string& pattern, const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    auto open = pattern.find('{', i);
    if (open == std::string::npos) {
      out += pattern.substr(i);
      break;
    }
    out += pattern.substr(i, open - i) + value;
    i = pattern.find('}', open) + 1;
  }
  return out;
}

const std::vector<std::string> kBadIds = {
    "abc", "0", "-1", "99999999999999999999999", "%00", "%C3%28", "1%27%20OR%201=1"};

const std::vector<std::string> kFieldNames = {"name", "first_name", "last_name", "email", "kind", "uai", "siret",
                                              "phone", "website", "password", "commune_insee", "query", "q",
                                              // events: the event form, its status change, the group check-in
                                              "title", "starts_on", "capacity", "status", "reason", "code", "girls"};

std::vector<std::vector<std::pair<std::string, std::string>>> bad_forms() {
  std::vector<std::vector<std::pair<std::string, std::string>>> out;
  std::vector<std::pair<std::string, std::string>> utf8, huge, types;
  for (const auto& f : kFieldNames) {
    utf8.emplace_back(f, "\xC3\x28\xFF\xFE invalide");
    huge.emplace_back(f, std::string(100000, 'x'));
    types.emplace_back(f + "[]", "1");
  }
  types.emplace_back("kind", "n'importe quoi");
  types.emplace_back("email", "pas-une-adresse");
  out.push_back(utf8);
  out.push_back(huge);
  out.push_back(types);
  out.push_back({});
  return out;
}

const std::vector<std::string> kBadJson = {"{",
                                           "[]",
                                           "null",
                                           "42",
                                           R"({"name": 42, "kind": ["x"], "email": {"a": 1}})",
                                           "{\"name\": \"\xC3\x28\"}",
                                           R"({"name": ")" + std::string(100000, 'y') + R"("})",
                                           R"({"name": "ok", "territory_id": "not-a-number", "organisation_id": -5})",
                                           "\xFF\xFE\x00\x01"};

}  // namespace

class BadInput : public ::testing::TestWithParam<std::string> {};

TEST_P(BadInput, EveryRouteRejectsMalformedInputWithoutA500AndChangesNothing) {
  TestServer srv(GetParam());
  long long t = fixture::seed_territory(srv.store(), "t1", {"025"});
  long long uid = fixture::seed_user(srv.store(), "coord@exemple.fr", domain::Role::coordinator, t);
  std::string token = "bad-input-token-0123456789";
  store::insert_api_token(srv.store(), uid, "test", http::token_hash(token), "bad-inpu");
  std::string before = fixture::snapshot(srv.store());

  Client c(srv.port());
  ASSERT_EQ(c.login("coord@exemple.fr", "mot-de-passe-de-test"), 303);
  int requests = 0;
  auto check = [&](const fixture::HttpResult& r, const std::string& what) {
    ++requests;
    EXPECT_LT(r.status, 500) << what;
    EXPECT_GE(r.status, 200) << what;
  };
  for (const auto& route : srv.app().router.routes()) {
    if (route.pattern == "/deconnexion") continue;
    bool api = route.pattern.rfind("/api/", 0) == 0;
    bool has_param = route.pattern.find('{') != std::string::npos;
    std::vector<std::string> paths;
    if (has_param)
      for (const auto& id : kBadIds) paths.push_back(replace_params(route.pattern, id));
    else
      paths.push_back(route.pattern);
    for (const auto& path : paths) {
      std::string what = route.method + " " + path;
      if (route.method == "GET") {
        check(c.get(path + "?page=-3&q=%C3%28&per_page=999999999999"), what + " (bad query)");
        check(c.get(path, {{"Authorization", "Bearer " + token}}), what);
        continue;
      }
      if (api) {
        for (const auto& body : kBadJson)
          check(c.request(route.method, path, body,
                          {{"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}}),
                what + " json");
        check(c.request(route.method, path, "name=x",
                        {{"Authorization", "Bearer " + token}, {"Content-Type", "text/plain"}}),
              what + " wrong content type");
      } else {
        for (const auto& form : bad_forms()) check(c.post_form(path, form), what + " form");
        check(c.request(route.method, path, "\xFF\xFE garbage",
                        {{"Content-Type", "multipart/form-data; boundary=zzz"}, {"X-CSRF-Token", c.csrf()}}),
              what + " garbage multipart");
      }
    }
  }
  EXPECT_GE(requests, 500) << "every route receives the whole catalogue";
  EXPECT_EQ(c.get("/healthz").status, 200) << "the server still answers";
  EXPECT_EQ(fixture::snapshot(srv.store()), before) << "something saved earlier changed";
}

INSTANTIATE_TEST_SUITE_P(Engines, BadInput, ::testing::ValuesIn(fixture::engines()));
