// HTTP tests of the directory (organisations, people) on every engine: forms with CSRF and errors next to the
// fields, search as you type, merges, tenant isolation on every directory route, and the JSON API.
#include "store/directory.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "http/crypto.hpp"
#include "store/accounts.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;
using nlohmann::json;

namespace {

struct World {
  long long ta = 0, tb = 0, coord_a = 0, coord_b = 0;
  std::string token_a = "jeton-de-test-territoire-a-0123456789";
};

World seed(store::Store& s) {
  World w;
  w.ta = fixture::seed_territory(s, "ta", {"025"});
  w.tb = fixture::seed_territory(s, "tb", {"062"});
  w.coord_a = fixture::seed_user(s, "coord-a@exemple.fr", domain::Role::coordinator, w.ta);
  w.coord_b = fixture::seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.tb);
  store::insert_api_token(s, w.coord_a, "test", http::token_hash(w.token_a), w.token_a.substr(0, 8));
  return w;
}

}  // namespace

class DirectoryHttp : public ::testing::TestWithParam<std::string> {};

TEST_P(DirectoryHttp, CreateWithTheFormThenFindItAsYouType) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);

  auto form = c.get("/annuaire/organisations/nouvelle");
  ASSERT_EQ(form.status, 200);
  expect_accessible(form.body, "org form");
  auto created = c.post_form("/annuaire/organisations/nouvelle", {{"kind", "school"},
                                                                  {"name", "Collège Saint-Exupéry"},
                                                                  {"uai", "0350122t"},
                                                                  {"email", "ce.0350122t@ac-rennes.fr"},
                                                                  {"website", "https://college.example"}});
  ASSERT_EQ(created.status, 303) << created.body;
  long long id = id_from_location(created.header("location"));
  ASSERT_GT(id, 0);

  auto show = c.get(created.header("location"));
  EXPECT_EQ(show.status, 200);
  EXPECT_TRUE(contains(show.body, "Collège Saint-Exupéry"));
  EXPECT_TRUE(contains(show.body, "0350122T")) << "UAI upper-cased";
  EXPECT_TRUE(contains(show.body, "Fiche créée.")) << "flash message";
  expect_accessible(show.body, "org show");

  auto list = c.get("/annuaire/organisations?q=EXUPERY");
  EXPECT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "/annuaire/organisations/" + std::to_string(id)));
  EXPECT_TRUE(contains(list.body, "hx-get=\"/annuaire/organisations\""));
  EXPECT_TRUE(contains(list.body, "hx-trigger=\"input changed delay:300ms"));
  EXPECT_TRUE(contains(list.body, "hx-target=\"#resultats\""));
  expect_accessible(list.body, "org list");

  auto partial = c.get("/annuaire/organisations?q=saint%20exupery", {{"HX-Request", "true"}});
  EXPECT_EQ(partial.status, 200);
  EXPECT_FALSE(contains(partial.body, "<html")) << "htmx gets only the results";
  EXPECT_TRUE(contains(partial.body, "<caption"));
  EXPECT_TRUE(contains(partial.body, "Collège Saint-Exupéry"));
  auto none = c.get("/annuaire/organisations?q=introuvable", {{"HX-Request", "true"}});
  EXPECT_TRUE(contains(none.body, "Aucun résultat"));
  auto by_kind = c.get("/annuaire/organisations?type=company");
  EXPECT_FALSE(contains(by_kind.body, "Saint-Exupéry"));

  auto log = store::audit_entries(srv.store(), w.ta, 10, 0);
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].action, "create");
  EXPECT_EQ(log[0].user_label, "coord-a@exemple.fr");
}

TEST_P(DirectoryHttp, InvalidFormIs422WithMessagesNextToTheFieldsAndValuesKept) {
  TestServer srv(GetParam());
  seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  c.get("/annuaire/organisations/nouvelle");
  auto r = c.post_form(
      "/annuaire/organisations/nouvelle",
      {{"kind", "school"}, {"name", ""}, {"email", "pas-une-adresse"}, {"siret", "123"}, {"phone", "03 81 00 00 00"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "aria-invalid=\"true\" aria-describedby=\"org-name-error\""));
  EXPECT_TRUE(contains(r.body, "<small id=\"org-name-error\" class=\"field-error\">Ce champ est obligatoire.</small>"));
  EXPECT_TRUE(contains(r.body, "id=\"org-email-error\""));
  EXPECT_TRUE(contains(r.body, "id=\"org-uai-error\"")) << "a school needs its UAI";
  EXPECT_TRUE(contains(r.body, "id=\"org-siret-error\""));
  EXPECT_FALSE(contains(r.body, "id=\"org-phone-error\""));
  EXPECT_TRUE(contains(r.body, "value=\"pas-une-adresse\"")) << "values are kept";
  EXPECT_TRUE(contains(r.body, "value=\"03 81 00 00 00\""));
  EXPECT_TRUE(contains(r.body, "<option value=\"school\" selected>"));
  EXPECT_TRUE(contains(r.body, "href=\"#org-name\"")) << "the summary links to the field";
  expect_accessible(r.body, "form with errors");
  EXPECT_EQ(count_rows(srv.store(), "organisations"), 0);

  auto person = c.post_form(
      "/annuaire/personnes/nouvelle",
      {{"first_name", "Ada"}, {"last_name", std::string(101, 'x')}, {"roles", "teacher"}, {"roles", "pirate"}});
  EXPECT_EQ(person.status, 422);
  EXPECT_TRUE(contains(person.body, "id=\"person-last_name-error\""));
  EXPECT_TRUE(contains(person.body, "id=\"person-roles-error\""));
  EXPECT_TRUE(contains(person.body, "value=\"Ada\""));
  EXPECT_EQ(count_rows(srv.store(), "people"), 0);
}

TEST_P(DirectoryHttp, EditMergeAndDeleteThroughThePages) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  store::Author by{w.coord_a, "seed"};
  domain::Organisation a;
  a.territory_id = w.ta;
  a.kind = "company";
  a.name = "Forges de Sochaux";
  long long keep = store::insert_organisation(srv.store(), a, by).id;
  a.name = "Les Forges Sochaux";
  a.email = "contact@forges.example";
  long long dup = store::insert_organisation(srv.store(), a, by).id;
  domain::Person p;
  p.territory_id = w.ta;
  p.first_name = "Léa";
  p.last_name = "Roy";
  p.organisation_id = dup;
  long long person = store::insert_person(srv.store(), p, by).id;

  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  std::string base = "/annuaire/organisations/" + std::to_string(keep);
  auto edit = c.get(base + "/modifier");
  EXPECT_EQ(edit.status, 200);
  EXPECT_TRUE(contains(edit.body, "value=\"Forges de Sochaux\""));
  auto saved = c.post_form(base + "/modifier", {{"kind", "company"}, {"name", "Forges de Sochaux SA"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(store::org_by_id(srv.store(), w.ta, keep)->name, "Forges de Sochaux SA");

  auto choose = c.get(base + "/fusionner");
  EXPECT_EQ(choose.status, 200);
  EXPECT_TRUE(contains(choose.body, "value=\"" + std::to_string(dup) + "\"")) << "the duplicate is proposed";
  EXPECT_FALSE(contains(choose.body, "name=\"doublon\" value=\"" + std::to_string(keep) + "\""));
  expect_accessible(choose.body, "merge page");
  EXPECT_EQ(c.post_form(base + "/fusionner", {}).status, 422) << "no duplicate chosen";
  EXPECT_EQ(c.post_form(base + "/fusionner", {{"doublon", std::to_string(keep)}}).status, 422);
  auto merged = c.post_form(base + "/fusionner", {{"doublon", std::to_string(dup)}});
  EXPECT_EQ(merged.status, 303);
  EXPECT_FALSE(store::org_by_id(srv.store(), w.ta, dup));
  EXPECT_EQ(store::person_by_id(srv.store(), w.ta, person)->organisation_id, keep);
  EXPECT_EQ(store::org_by_id(srv.store(), w.ta, keep)->email, "contact@forges.example");
  auto show = c.get(base);
  EXPECT_TRUE(contains(show.body, "Léa Roy")) << "the moved person is listed";

  auto person_page = c.get("/annuaire/personnes/" + std::to_string(person) + "/modifier");
  EXPECT_EQ(person_page.status, 200);
  EXPECT_TRUE(contains(person_page.body, "<option value=\"" + std::to_string(keep) + "\" selected>"));
  expect_accessible(person_page.body, "person form");

  EXPECT_EQ(c.post_form(base + "/supprimer", {}).status, 303);
  EXPECT_FALSE(store::org_by_id(srv.store(), w.ta, keep));
  EXPECT_EQ(c.get(base).status, 404);
  EXPECT_TRUE(store::person_by_id(srv.store(), w.ta, person)) << "people stay";
}

TEST_P(DirectoryHttp, ReadersCannotEditAndAdminsWithoutTerritoryAreTurnedAway) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  fixture::seed_user(srv.store(), "lecture@exemple.fr", domain::Role::viewer, w.ta);
  fixture::seed_user(srv.store(), "admin@exemple.fr", domain::Role::admin, 0);
  Client viewer(srv.port());
  ASSERT_EQ(viewer.login("lecture@exemple.fr", kPassword), 303);
  EXPECT_EQ(viewer.get("/annuaire/organisations").status, 200);
  EXPECT_EQ(viewer.get("/annuaire/personnes").status, 200);
  EXPECT_EQ(viewer.get("/annuaire/organisations/nouvelle").status, 403);
  EXPECT_EQ(viewer.post_form("/annuaire/organisations/nouvelle", {{"kind", "lab"}, {"name", "X"}}).status, 403);
  EXPECT_FALSE(contains(viewer.get("/annuaire/organisations").body, "/annuaire/organisations/nouvelle"));

  Client admin(srv.port());
  ASSERT_EQ(admin.login("admin@exemple.fr", kPassword), 303);
  auto page = admin.get("/annuaire/organisations");
  EXPECT_EQ(page.status, 403);
  EXPECT_TRUE(contains(page.body, "aucun territoire"));
  EXPECT_EQ(admin.post_form("/annuaire/organisations/nouvelle", {{"kind", "lab"}, {"name", "X"}}).status, 403);
  EXPECT_EQ(count_rows(srv.store(), "organisations"), 0);
  EXPECT_EQ(Client(srv.port()).get("/annuaire/personnes").status, 303) << "anonymous: to the login page";
}

TEST_P(DirectoryHttp, AnotherTerritorysIdsAre404OnEveryDirectoryRouteAndNothingChanges) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  store::Author by{w.coord_a, "seed"};
  domain::Organisation o;
  o.territory_id = w.ta;
  o.kind = "company";
  o.name = "Secret industriel A";
  long long oa = store::insert_organisation(srv.store(), o, by).id;
  domain::Person p;
  p.territory_id = w.ta;
  p.first_name = "Agente";
  p.last_name = "Secrète";
  p.organisation_id = oa;
  long long pa = store::insert_person(srv.store(), p, by).id;
  o.territory_id = w.tb;
  o.name = "Organisation de B";
  long long ob = store::insert_organisation(srv.store(), o, by).id;
  std::string token_b = "jeton-de-test-territoire-b-0123456789";
  store::insert_api_token(srv.store(), w.coord_b, "b", http::token_hash(token_b), "jeton-b");
  auto before_org = store::org_by_id(srv.store(), w.ta, oa);
  auto before_person = store::person_by_id(srv.store(), w.ta, pa);

  Client b(srv.port());
  ASSERT_EQ(b.login("coord-b@exemple.fr", kPassword), 303);
  std::vector<std::pair<std::string, std::string>> form = {{"kind", "company"},
                                                           {"name", "Piratage"},
                                                           {"first_name", "P"},
                                                           {"last_name", "P"},
                                                           {"doublon", std::to_string(oa)},
                                                           {"organisation_id", std::to_string(oa)}};
  for (const auto& [kind, id] : {std::pair<std::string, long long>{"organisations", oa}, {"personnes", pa}}) {
    std::string base = "/annuaire/" + kind + "/" + std::to_string(id);
    for (const auto& suffix : {"", "/modifier", "/fusionner"}) {
      auto r = b.get(base + suffix);
      EXPECT_EQ(r.status, 404) << "GET " << base << suffix;
      EXPECT_FALSE(contains(r.body, "Secr")) << base << suffix;
    }
    for (const auto& suffix : {"/modifier", "/supprimer", "/fusionner"})
      EXPECT_EQ(b.post_form(base + suffix, form).status, 404) << "POST " << base << suffix;
  }
  // B's own record with A's as the duplicate, and B's new person attached to A's organisation.
  std::string own = "/annuaire/organisations/" + std::to_string(ob) + "/fusionner";
  EXPECT_EQ(b.post_form(own, {{"doublon", std::to_string(oa)}}).status, 404);
  auto attach = b.post_form("/annuaire/personnes/nouvelle", form);
  EXPECT_EQ(attach.status, 422);
  EXPECT_TRUE(contains(attach.body, "id=\"person-organisation_id-error\""));
  EXPECT_FALSE(contains(b.get("/annuaire/personnes/nouvelle").body, "Secret")) << "A's organisations not offered";
  EXPECT_FALSE(contains(b.get("/annuaire/organisations?q=secret").body, "Secret"));

  std::map<std::string, std::string> h = {{"Authorization", "Bearer " + token_b}, {"Content-Type", "application/json"}};
  std::string body = R"({"kind":"company","name":"Piratage","first_name":"P","last_name":"P"})";
  for (const auto& path : {"/api/v1/organisations/" + std::to_string(oa), "/api/v1/people/" + std::to_string(pa)}) {
    EXPECT_EQ(b.request("GET", path, "", h).status, 404) << path;
    EXPECT_EQ(b.request("PUT", path, body, h).status, 404) << path;
    EXPECT_EQ(b.request("DELETE", path, "", h).status, 404) << path;
  }
  auto list = b.request("GET", "/api/v1/organisations", "", h);
  EXPECT_EQ(json::parse(list.body)["total"], 1);

  auto after_org = store::org_by_id(srv.store(), w.ta, oa);
  auto after_person = store::person_by_id(srv.store(), w.ta, pa);
  ASSERT_TRUE(after_org && after_person);
  EXPECT_EQ(after_org->name, before_org->name);
  EXPECT_EQ(after_org->updated_at, before_org->updated_at);
  EXPECT_EQ(after_person->last_name, before_person->last_name);
  EXPECT_EQ(after_person->organisation_id, oa);
  EXPECT_EQ(store::people_of_organisation(srv.store(), w.ta, oa).size(), 1u);
}

TEST_P(DirectoryHttp, ApiCrudWithABearerToken) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  std::map<std::string, std::string> h = {{"Authorization", "Bearer " + w.token_a},
                                          {"Content-Type", "application/json; charset=utf-8"}};
  auto created = c.request("POST", "/api/v1/organisations",
                           R"({"kind":"lab","name":"FEMTO-ST","commune_insee":"25056","lat":47.25,"lon":5.99})", h);
  ASSERT_EQ(created.status, 201) << created.body;
  json o = json::parse(created.body);
  long long id = o["id"];
  EXPECT_EQ(created.header("location"), "/api/v1/organisations/" + std::to_string(id));
  EXPECT_EQ(o["kind_label"], "Laboratoire");
  EXPECT_EQ(o["territory_id"], w.ta);

  auto got = c.request("GET", "/api/v1/organisations/" + std::to_string(id), "", h);
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(json::parse(got.body)["lat"], 47.25);

  auto put = c.request("PUT", "/api/v1/organisations/" + std::to_string(id),
                       R"({"kind":"lab","name":"Institut FEMTO-ST","email":"contact@femto-st.fr"})", h);
  ASSERT_EQ(put.status, 200) << put.body;
  json updated = json::parse(put.body);
  EXPECT_EQ(updated["name"], "Institut FEMTO-ST");
  EXPECT_TRUE(updated["lat"].is_null()) << "PUT replaces every field";
  EXPECT_EQ(updated["commune_insee"], "");

  auto person = c.request("POST", "/api/v1/people",
                          R"({"first_name":"Éloïse","last_name":"Durand","organisation_id":)" + std::to_string(id) +
                              R"(,"roles":["researcher"]})",
                          h);
  ASSERT_EQ(person.status, 201) << person.body;
  long long pid = json::parse(person.body)["id"];
  EXPECT_EQ(json::parse(person.body)["organisation_name"], "Institut FEMTO-ST");
  auto people = c.request("GET", "/api/v1/people?organisation_id=" + std::to_string(id) + "&q=eloise", "", h);
  ASSERT_EQ(people.status, 200);
  EXPECT_EQ(json::parse(people.body)["total"], 1);
  auto list = c.request("GET", "/api/v1/organisations?q=femto&kind=lab&per_page=1", "", h);
  json page = json::parse(list.body);
  EXPECT_EQ(page["total"], 1);
  EXPECT_EQ(page["per_page"], 1);
  EXPECT_EQ(page["items"].size(), 1u);

  EXPECT_EQ(c.request("DELETE", "/api/v1/organisations/" + std::to_string(id), "", h).status, 204);
  EXPECT_EQ(c.request("GET", "/api/v1/organisations/" + std::to_string(id), "", h).status, 404);
  auto orphan = c.request("GET", "/api/v1/people/" + std::to_string(pid), "", h);
  EXPECT_TRUE(json::parse(orphan.body)["organisation_id"].is_null());
  EXPECT_EQ(c.request("DELETE", "/api/v1/people/" + std::to_string(pid), "", h).status, 204);
  EXPECT_EQ(count_rows(srv.store(), "people"), 0);
}

TEST_P(DirectoryHttp, ApiBadInputIs4xxNeverA500) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client c(srv.port());
  std::string auth = "Bearer " + w.token_a;
  std::map<std::string, std::string> h = {{"Authorization", auth}, {"Content-Type", "application/json"}};
  ASSERT_EQ(
      c.request("POST", "/api/v1/organisations", R"({"kind":"company","name":"Mairie","siret":"21350016800025"})", h)
          .status,
      201);
  long long before = count_rows(srv.store(), "organisations");

  struct Case {
    std::string what, path, content_type, body;
    int status;
    std::string field;  // expected in "fields", or ""
  };
  std::string org = "/api/v1/organisations", people = "/api/v1/people";
  std::vector<Case> cases = {
      {"malformed JSON", org, "application/json", "{\"name\": ", 400, ""},
      {"not an object", org, "application/json", "[1, 2]", 400, ""},
      {"empty body", org, "application/json", "", 400, ""},
      {"bad UTF-8 in a string", org, "application/json", "{\"kind\":\"lab\",\"name\":\"\xC3\x28\"}", 400, ""},
      {"bad UTF-8 bytes", org, "application/json", "\xFF\xFE\x00\x01", 400, ""},
      {"number for a string", org, "application/json", R"({"kind":"lab","name":42})", 400, "name"},
      {"object for a string", org, "application/json", R"({"kind":"lab","name":"X","email":{"a":1}})", 400, "email"},
      {"string for a number", org, "application/json", R"({"kind":"lab","name":"X","lat":"47"})", 400, "lat"},
      {"form content type", org, "application/x-www-form-urlencoded", "kind=lab&name=X", 415, ""},
      {"no content type", org, "", R"({"kind":"lab","name":"X"})", 415, ""},
      {"oversized name", org, "application/json", R"({"kind":"lab","name":")" + std::string(100000, 'y') + "\"}", 422,
       "name"},
      {"unknown kind", org, "application/json", R"({"kind":"castle","name":"X"})", 422, "kind"},
      {"missing name", org, "application/json", R"({"kind":"lab"})", 422, "name"},
      {"bad website", org, "application/json", R"j({"kind":"lab","name":"X","website":"javascript:alert(1)"})j", 422,
       "website"},
      {"duplicate SIRET", org, "application/json", R"({"kind":"company","name":"Bis","siret":"21350016800025"})", 409,
       "siret"},
      {"string organisation_id", people, "application/json",
       R"({"first_name":"A","last_name":"B","organisation_id":"1"})", 400, "organisation_id"},
      {"negative organisation_id", people, "application/json",
       R"({"first_name":"A","last_name":"B","organisation_id":-5})", 422, "organisation_id"},
      {"huge organisation_id", people, "application/json",
       R"({"first_name":"A","last_name":"B","organisation_id":99999999999999999999})", 400, "organisation_id"},
      {"roles not a list", people, "application/json", R"({"first_name":"A","last_name":"B","roles":"hr"})", 400,
       "roles"},
      {"unknown role", people, "application/json", R"({"first_name":"A","last_name":"B","roles":["pirate"]})", 422,
       "roles"},
  };
  for (const auto& k : cases) {
    std::map<std::string, std::string> headers = {{"Authorization", auth}};
    if (!k.content_type.empty()) headers["Content-Type"] = k.content_type;
    auto r = c.request("POST", k.path, k.body, headers);
    EXPECT_EQ(r.status, k.status) << k.what << ": " << r.body.substr(0, 300);
    json j = json::parse(r.body, nullptr, false);
    ASSERT_TRUE(j.is_object()) << k.what;
    EXPECT_TRUE(j["error"].is_string()) << k.what;
    if (!k.field.empty()) {
      EXPECT_TRUE(j["fields"].contains(k.field)) << k.what << ": " << r.body.substr(0, 300);
    }
  }
  for (const auto& path : {"/api/v1/organisations/abc", "/api/v1/organisations/0", "/api/v1/organisations/-1",
                           "/api/v1/organisations/99999999999999999999999", "/api/v1/people/1%27%20OR%201=1"}) {
    EXPECT_EQ(c.request("GET", path, "", h).status, 404) << path;
    EXPECT_EQ(c.request("PUT", path, "{}", h).status, 404) << path;
    EXPECT_EQ(c.request("DELETE", path, "", h).status, 404) << path;
  }
  EXPECT_EQ(c.request("GET", "/api/v1/organisations?q=%C3%28", "", h).status, 400);
  EXPECT_EQ(c.request("GET", "/api/v1/organisations?kind=castle", "", h).status, 400);
  EXPECT_EQ(c.request("GET", "/api/v1/organisations?page=deux", "", h).status, 400);
  EXPECT_EQ(c.request("GET", "/api/v1/organisations?page=-3&per_page=999999999", "", h).status, 200);
  EXPECT_EQ(c.request("GET", "/api/v1/organisations", "", {{"Authorization", "Bearer faux"}}).status, 401);
  EXPECT_EQ(count_rows(srv.store(), "organisations"), before) << "nothing was saved";
  EXPECT_EQ(count_rows(srv.store(), "people"), 0);
}

TEST_P(DirectoryHttp, BadIdsAndQueriesOnPagesAre4xx) {
  TestServer srv(GetParam());
  seed(srv.store());
  Client c(srv.port());
  ASSERT_EQ(c.login("coord-a@exemple.fr", kPassword), 303);
  for (const auto& id : {"abc", "0", "-1", "99999999999999999999999", "1%27%20OR%201=1", "999"}) {
    EXPECT_EQ(c.get(std::string("/annuaire/organisations/") + id).status, 404) << id;
    EXPECT_EQ(c.get(std::string("/annuaire/personnes/") + id + "/modifier").status, 404) << id;
    EXPECT_EQ(c.post_form(std::string("/annuaire/organisations/") + id + "/supprimer", {}).status, 404) << id;
  }
  // Text that is not UTF-8 is refused before any handler (400).
  EXPECT_EQ(c.get("/annuaire/organisations/%C3%28").status, 400);
  EXPECT_EQ(c.get("/annuaire/organisations?q=%C3%28").status, 400);
  auto long_q = c.get("/annuaire/organisations?q=" + std::string(201, 'a') + "&page=-3&type=castle");
  EXPECT_EQ(long_q.status, 400);
  EXPECT_TRUE(contains(long_q.body, "id=\"q-error\""));
  EXPECT_EQ(c.get("/annuaire/personnes?page=999999999999&role=x").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryHttp, ::testing::ValuesIn(fixture::engines()));
