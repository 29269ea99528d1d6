// HTTP tests of the action pages on every engine: an ambassador declares in four fields, schools are resolved
// among the territory's, bad input comes back next to the field with nothing stored, the coordinator validates
// or refuses, evidence is checked by content, and the indicators follow the decisions.
#include "store/actions.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "domain/validation.hpp"
#include "store/indicators.hpp"
#include "store/schools.hpp"
#include "support/http_support.hpp"
#include "support/page_checks.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using namespace passerelles::fixture;

namespace {

long long add_school(store::Store& s, const std::string& digits, const std::string& name, const std::string& commune,
                     const std::string& dept, const std::string& rep = "") {
  domain::School sc;
  sc.uai = uai_from_digits(digits);
  sc.name = name;
  sc.kind = "college";
  sc.commune_name = commune;
  sc.department = dept;
  sc.priority_education = rep;
  s.write([&](soci::session& sql) { store::upsert_school(sql, sc); });
  return store::school_by_uai(s, sc.uai)->id;
}

struct World {
  long long territory = 0, other = 0, coordinator = 0, ambassador = 0, school = 0, school2 = 0, far_school = 0;
  std::string school_uai, far_uai;
};

World seed(store::Store& s) {
  World w;
  w.territory = fixture::seed_territory(s, "cmq-test", {"025", "039"});
  w.other = fixture::seed_territory(s, "autre", {"062"});
  w.coordinator = fixture::seed_user(s, "coord@exemple.fr", domain::Role::coordinator, w.territory);
  w.ambassador = fixture::seed_user(s, "amb@exemple.fr", domain::Role::ambassador, w.territory);
  fixture::seed_user(s, "coord-b@exemple.fr", domain::Role::coordinator, w.other);
  w.school = add_school(s, "0251234", "Collège Victor Hugo", "Besançon", "025", "REP");
  w.school2 = add_school(s, "0391111", "Collège Pasteur", "Dole", "039");
  add_school(s, "0392222", "Collège Pasteur Nord", "Dole", "039");
  w.far_school = add_school(s, "0623333", "Collège Jean Moulin", "Arras", "062");
  w.school_uai = uai_from_digits("0251234");
  w.far_uai = uai_from_digits("0623333");
  return w;
}

std::vector<std::pair<std::string, std::string>> quick_form(const std::string& school) {
  return {
      {"kind", "temoignage_classe"}, {"starts_on", "2025-03-14"}, {"school", school}, {"girls", "11"}, {"boys", "14"}};
}

class ActionPages : public ::testing::TestWithParam<std::string> {};

TEST_P(ActionPages, AmbassadorDeclaresInFourFieldsAndCoordinatorValidates) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb@exemple.fr", kPassword), 303);

  HttpResult form = amb.get("/actions/nouvelle");
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Déclarer une action"));
  // The ambassador is proposed as present, ticked.
  EXPECT_TRUE(std::regex_search(
      form.body, std::regex("name=\"ambassador\" value=\"" + std::to_string(w.ambassador) + "\" checked")));

  // What the browser sends: the four fields, and the ticked box of the ambassador herself.
  auto fields = quick_form(w.school_uai + " — Collège Victor Hugo (Besançon)");
  fields.emplace_back("ambassador", std::to_string(w.ambassador));
  HttpResult r = amb.post_form("/actions/nouvelle", fields);
  ASSERT_EQ(r.status, 303) << r.body;
  long long id = id_from_location(r.header("location"));
  ASSERT_GT(id, 0);
  auto a = store::action_by_id(srv.store(), w.territory, id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, "declared");
  EXPECT_EQ(a->declared_by, w.ambassador);
  EXPECT_EQ(a->school_ids, std::vector<long long>{w.school});
  EXPECT_EQ(a->ambassador_ids, std::vector<long long>{w.ambassador});
  EXPECT_EQ(a->audience[0], 11);
  EXPECT_EQ(a->audience[1], 14);
  EXPECT_EQ(a->department, "025");

  HttpResult show = amb.get("/actions/" + std::to_string(id));
  ASSERT_EQ(show.status, 200);
  EXPECT_TRUE(contains(show.body, "En attente de validation"));
  EXPECT_FALSE(contains(show.body, "/valider")) << "an ambassador cannot validate";

  store::IndicatorFilter f;
  f.territory_id = w.territory;
  f.from_month = "2025-01";
  f.to_month = "2025-12";
  EXPECT_EQ(store::indicators(srv.store(), f).total.people, 0) << "a declared action does not count";

  // The ambassador cannot validate (editor route).
  EXPECT_EQ(amb.post_form("/actions/" + std::to_string(id) + "/valider", {}).status, 403);

  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  HttpResult list = coord.get("/actions?statut=declared");
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "/actions/" + std::to_string(id) + "/valider"));
  HttpResult v = coord.post_form("/actions/" + std::to_string(id) + "/valider", {{"back", "liste"}});
  ASSERT_EQ(v.status, 303);
  EXPECT_EQ(store::action_by_id(srv.store(), w.territory, id)->status, "validated");
  auto ind = store::indicators(srv.store(), f);
  EXPECT_EQ(ind.total.people, 25);
  EXPECT_EQ(ind.total.audience[0], 11);
  EXPECT_EQ(ind.schools_reached, 1);

  // Validated: the ambassador can no longer change or delete it; the coordinator can.
  EXPECT_EQ(amb.get("/actions/" + std::to_string(id) + "/modifier").status, 403);
  EXPECT_EQ(amb.post_form("/actions/" + std::to_string(id) + "/supprimer", {}).status, 403);
  HttpResult edit = coord.post_form("/actions/" + std::to_string(id) + "/modifier",
                                    quick_form(w.school_uai + " — Collège Victor Hugo (Besançon)"));
  EXPECT_EQ(edit.status, 303) << edit.body;

  // Another territory's coordinator sees nothing.
  Client other(srv.port());
  ASSERT_EQ(other.login("coord-b@exemple.fr", kPassword), 303);
  EXPECT_EQ(other.get("/actions/" + std::to_string(id)).status, 404);
  EXPECT_EQ(other.post_form("/actions/" + std::to_string(id) + "/valider", {}).status, 404);
  EXPECT_FALSE(contains(other.get("/actions").body, "Victor Hugo"));
}

TEST_P(ActionPages, SchoolsAreResolvedAmongTheTerritorysOnly) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb@exemple.fr", kPassword), 303);

  // Words of a name that designate one school.
  HttpResult ok = amb.post_form("/actions/nouvelle", quick_form("victor hugo besancon"));
  ASSERT_EQ(ok.status, 303) << ok.body;
  EXPECT_EQ(store::action_by_id(srv.store(), w.territory, id_from_location(ok.header("location")))->school_ids,
            std::vector<long long>{w.school});

  // Two schools match: the form says so, next to the field, and nothing is stored.
  long long before = count_rows(srv.store(), "actions");
  HttpResult two = amb.post_form("/actions/nouvelle", quick_form("Pasteur Dole"));
  EXPECT_EQ(two.status, 422);
  EXPECT_TRUE(contains(two.body, "2 établissements correspondent")) << two.body;
  EXPECT_TRUE(contains(two.body, "id=\"action-schools-error\""));
  HttpResult none = amb.post_form("/actions/nouvelle", quick_form("Lycée Imaginaire"));
  EXPECT_EQ(none.status, 422);
  EXPECT_TRUE(contains(none.body, "Aucun établissement du territoire ne correspond"));
  // A school of another territory's département is refused even by its UAI.
  HttpResult far = amb.post_form("/actions/nouvelle", quick_form(w.far_uai));
  EXPECT_EQ(far.status, 422);
  EXPECT_TRUE(contains(far.body, "n’est pas dans l’annuaire des établissements du territoire"));
  EXPECT_EQ(count_rows(srv.store(), "actions"), before);

  // The datalist proposes the territory's schools only.
  HttpResult opts = amb.get("/actions/etablissements?school=college");
  ASSERT_EQ(opts.status, 200);
  EXPECT_TRUE(contains(opts.body, w.school_uai + " — Collège Victor Hugo (Besançon)"));
  EXPECT_FALSE(contains(opts.body, "Jean Moulin"));
}

TEST_P(ActionPages, BadInputComesBackNextToTheFieldAndNothingIsStored) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb@exemple.fr", kPassword), 303);
  struct Case {
    std::string field, value, error_id;
  };
  std::vector<Case> cases = {{"starts_on", "2025-02-30", "action-starts_on-error"},
                             {"starts_on", "hier", "action-starts_on-error"},
                             {"girls", "-3", "action-girls-error"},
                             {"boys", "douze", "action-boys-error"},
                             {"girls", "99999999999", "action-girls-error"},
                             {"kind", "barbecue", "action-kind-error"},
                             {"duration_minutes", "-5", "action-duration_minutes-error"},
                             {"school", "Lycée Imaginaire", "action-schools-error"}};
  for (const auto& c : cases) {
    auto fields = quick_form(w.school_uai);
    for (auto& [k, v] : fields)
      if (k == c.field) v = c.value;
    if (c.field == "duration_minutes") fields.emplace_back(c.field, c.value);
    HttpResult r = amb.post_form("/actions/nouvelle", fields);
    EXPECT_EQ(r.status, 422) << c.field << "=" << c.value;
    EXPECT_TRUE(contains(r.body, "id=\"" + c.error_id + "\"")) << c.field << "=" << c.value;
    EXPECT_TRUE(contains(r.body, "L’action n’a pas été enregistrée")) << c.field;
  }
  // A forged initiative id (no initiative exists): the summary names the field.
  auto forged = quick_form(w.school_uai);
  forged.emplace_back("initiative_id", "abc");
  HttpResult f = amb.post_form("/actions/nouvelle", forged);
  EXPECT_EQ(f.status, 422);
  EXPECT_TRUE(contains(f.body, "href=\"#action-initiative_id\"")) << f.body;
  // Bytes that are not UTF-8 are refused before any handler, with a French page.
  HttpResult bytes = amb.post_form("/actions/nouvelle", quick_form(std::string("\xff\xfe", 2)));
  EXPECT_EQ(bytes.status, 400);
  EXPECT_TRUE(contains(bytes.body, "caractères invalides"));
  EXPECT_EQ(count_rows(srv.store(), "actions"), 0);
}

TEST_P(ActionPages, RefusalNeedsAReasonAndFollowUpsSayHowTheyCount) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client coord(srv.port());
  ASSERT_EQ(coord.login("coord@exemple.fr", kPassword), 303);
  HttpResult first = coord.post_form("/actions/nouvelle", quick_form(w.school_uai));
  ASSERT_EQ(first.status, 303) << first.body;
  long long first_id = id_from_location(first.header("location"));
  ASSERT_EQ(coord.post_form("/actions/" + std::to_string(first_id) + "/valider", {}).status, 303);

  auto follow = quick_form(w.school_uai);
  follow.emplace_back("same_group_as", std::to_string(first_id));
  HttpResult second = coord.post_form("/actions/nouvelle", follow);
  ASSERT_EQ(second.status, 303) << second.body;
  long long second_id = id_from_location(second.header("location"));
  ASSERT_EQ(coord.post_form("/actions/" + std::to_string(second_id) + "/valider", {}).status, 303);
  EXPECT_TRUE(contains(coord.get("/actions/" + std::to_string(second_id)).body, "Séance de suivi du groupe"));
  store::IndicatorFilter f;
  f.territory_id = w.territory;
  f.from_month = "2025-03";
  f.to_month = "2025-03";
  auto ind = store::indicators(srv.store(), f);
  EXPECT_EQ(ind.total.actions, 2);
  EXPECT_EQ(ind.total.people, 25) << "the same group counts once";

  HttpResult third = coord.post_form("/actions/nouvelle", quick_form(w.school_uai));
  long long third_id = id_from_location(third.header("location"));
  HttpResult no_reason = coord.post_form("/actions/" + std::to_string(third_id) + "/rejeter", {{"reason", " "}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "pourquoi"));
  EXPECT_EQ(store::action_by_id(srv.store(), w.territory, third_id)->status, "declared");
  ASSERT_EQ(coord.post_form("/actions/" + std::to_string(third_id) + "/rejeter", {{"reason", "Doublon"}}).status, 303);
  HttpResult shown = coord.get("/actions/" + std::to_string(third_id));
  EXPECT_TRUE(contains(shown.body, "Motif du refus : Doublon"));
  EXPECT_EQ(store::indicators(srv.store(), f).total.actions, 2) << "a refused action counts nowhere";

  // Reopen, then delete: the indicators follow.
  ASSERT_EQ(coord.post_form("/actions/" + std::to_string(first_id) + "/rouvrir", {}).status, 303);
  EXPECT_EQ(store::indicators(srv.store(), f).total.people, 0) << "the group's first action no longer counts";
  ASSERT_EQ(coord.post_form("/actions/" + std::to_string(first_id) + "/supprimer", {}).status, 303);
  EXPECT_FALSE(store::action_by_id(srv.store(), w.territory, first_id));
  EXPECT_EQ(store::indicators(srv.store(), f).total.people, 25) << "the follow-up is now a group of its own";
}

// multipart/form-data body with the CSRF token, a kind and one file.
std::string multipart(const std::string& boundary, const std::string& csrf, const std::string& filename,
                      const std::string& bytes) {
  std::string b;
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + csrf + "\r\n";
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nattendance\r\n";
  b += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
       "\"\r\nContent-Type: application/pdf\r\n\r\n" + bytes + "\r\n";
  b += "--" + boundary + "--\r\n";
  return b;
}

TEST_P(ActionPages, EvidenceIsCheckedByContentAndDownloadedAsStored) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  Client amb(srv.port());
  ASSERT_EQ(amb.login("amb@exemple.fr", kPassword), 303);
  HttpResult r = amb.post_form("/actions/nouvelle", quick_form(w.school_uai));
  long long id = id_from_location(r.header("location"));
  ASSERT_GT(id, 0);
  std::string csrf = amb.csrf();
  const std::string boundary = "----passerelles-test";
  std::map<std::string, std::string> headers = {{"Content-Type", "multipart/form-data; boundary=" + boundary}};

  std::string elf = std::string(
                        "\x7f"
                        "ELF\x02\x01\x01",
                        7) +
                    std::string(200, '\0');
  HttpResult bad = amb.request("POST", "/actions/" + std::to_string(id) + "/preuves",
                               multipart(boundary, csrf, "emargement.pdf", elf), headers);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "Pièce non ajoutée"));
  EXPECT_EQ(count_rows(srv.store(), "files"), 0);

  std::string pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
  HttpResult good = amb.request("POST", "/actions/" + std::to_string(id) + "/preuves",
                                multipart(boundary, csrf, "émargement 3e B.pdf", pdf), headers);
  ASSERT_EQ(good.status, 303) << good.body;
  auto files = store::action_files(srv.store(), w.territory, id);
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].kind, "attendance");
  HttpResult dl = amb.get("/fichiers/" + std::to_string(files[0].file_id));
  ASSERT_EQ(dl.status, 200);
  EXPECT_EQ(dl.body, pdf);
  EXPECT_EQ(dl.header("content-type"), "application/pdf");
  EXPECT_TRUE(contains(dl.header("content-disposition"), "attachment"));

  Client other(srv.port());
  ASSERT_EQ(other.login("coord-b@exemple.fr", kPassword), 303);
  EXPECT_EQ(other.get("/fichiers/" + std::to_string(files[0].file_id)).status, 404);
}

TEST_P(ActionPages, OnlyAmbassadorsAndCoordinatorsDeclare) {
  TestServer srv(GetParam());
  World w = seed(srv.store());
  fixture::seed_user(srv.store(), "financeur@exemple.fr", domain::Role::viewer, w.territory);
  Client viewer(srv.port());
  ASSERT_EQ(viewer.login("financeur@exemple.fr", kPassword), 303);
  EXPECT_EQ(viewer.get("/actions/nouvelle").status, 403);
  EXPECT_EQ(viewer.post_form("/actions/nouvelle", quick_form(w.school_uai)).status, 403);
  EXPECT_EQ(viewer.get("/actions").status, 200);
  EXPECT_EQ(count_rows(srv.store(), "actions"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ActionPages, ::testing::ValuesIn(fixture::engines()),
                         [](const auto& info) { return info.param; });

}  // namespace
