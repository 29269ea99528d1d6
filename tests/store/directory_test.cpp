// Store tests for the directory (organisations, people), on every engine: CRUD, search, pagination, merges,
// audit entries and tenant isolation.
#include "domain/directory.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "store/directory.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class DirectoryStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
  }

  long long org(long long territory, const std::string& name, const std::string& kind = "company",
                const std::string& siret = "") {
    domain::Organisation o;
    o.territory_id = territory;
    o.kind = kind;
    o.name = name;
    o.siret = siret;
    auto r = store::insert_organisation(*db, o, by);
    EXPECT_TRUE(r.ok()) << name;
    return r.id;
  }

  long long person(long long territory, const std::string& first, const std::string& last, long long org_id = 0,
                   const std::string& email = "") {
    domain::Person p;
    p.territory_id = territory;
    p.first_name = first;
    p.last_name = last;
    p.organisation_id = org_id;
    p.email = email;
    auto r = store::insert_person(*db, p, by);
    EXPECT_TRUE(r.ok()) << first << " " << last;
    return r.id;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0;
  store::Author by{0, "coord@exemple.fr"};
};

TEST_P(DirectoryStore, OrganisationRoundTripUpdateAndDelete) {
  domain::Organisation o;
  o.territory_id = ta;
  o.kind = "school";
  o.name = "Lycée Victor Hugo";
  o.uai = "0350122T";
  o.commune_insee = "25056";
  o.lat = 47.24;
  o.lon = 6.02;
  o.email = "ce.0350122t@ac-besancon.fr";
  auto r = store::insert_organisation(*db, o, by);
  ASSERT_TRUE(r.ok());
  auto back = store::org_by_id(*db, ta, r.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->name, "Lycée Victor Hugo");
  EXPECT_EQ(back->kind, "school");
  EXPECT_EQ(back->uai, "0350122T");
  ASSERT_TRUE(back->lat);
  EXPECT_DOUBLE_EQ(*back->lat, 47.24);
  EXPECT_GT(back->created_at, 0);

  back->name = "Lycée Victor-Hugo";
  back->lat.reset();
  ASSERT_TRUE(store::update_organisation(*db, *back, by).ok());
  auto again = store::org_by_id(*db, ta, r.id);
  EXPECT_EQ(again->name, "Lycée Victor-Hugo");
  EXPECT_FALSE(again->lat);

  long long pid = person(ta, "Inès", "Martin", r.id);
  EXPECT_TRUE(store::delete_organisation(*db, ta, r.id, by));
  EXPECT_FALSE(store::org_by_id(*db, ta, r.id));
  auto p = store::person_by_id(*db, ta, pid);
  ASSERT_TRUE(p) << "people stay when their organisation is deleted";
  EXPECT_EQ(p->organisation_id, 0);
  EXPECT_FALSE(store::delete_organisation(*db, ta, r.id, by)) << "already gone";
}

TEST_P(DirectoryStore, WritesAreAudited) {
  store::Author who{0, "ines@exemple.fr"};
  domain::Organisation o;
  o.territory_id = ta;
  o.kind = "lab";
  o.name = "FEMTO-ST";
  long long id = store::insert_organisation(*db, o, who).id;
  o.id = id;
  o.email = "contact@femto-st.fr";
  store::update_organisation(*db, o, who);
  long long dup = org(ta, "Femto ST");
  store::merge_organisations(*db, ta, id, dup, who);
  store::delete_organisation(*db, ta, id, who);
  auto log = store::audit_entries(*db, ta, 10, 0);
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].action, "delete");
  EXPECT_EQ(log[1].action, "merge");
  EXPECT_EQ(log[3].action, "update");
  EXPECT_NE(log[3].detail.find("email"), std::string::npos) << log[3].detail;
  EXPECT_EQ(log[4].action, "create");
  EXPECT_EQ(log[4].user_label, "ines@exemple.fr");
  EXPECT_EQ(log[4].entity, "organisation");
  EXPECT_EQ(log[4].entity_id, id);
}

TEST_P(DirectoryStore, SearchIgnoresAccentsAndCaseAndFiltersByKind) {
  org(ta, "Collège Saint-Exupéry", "school");
  org(ta, "Lycée Œhmichen", "school");
  org(ta, "Électricité de Franche-Comté", "company");
  org(tb, "Collège Saint-Exupéry de B", "school");
  struct Case {
    std::string query, kind;
    long long expected;
  };
  for (const auto& c : std::vector<Case>{{"exupery", "", 1},
                                         {"COLLÈGE saint", "", 1},
                                         {"oehmichen", "", 1},
                                         {"electricite", "", 1},
                                         {"e", "school", 2},
                                         {"", "company", 1},
                                         {"", "", 3},
                                         {"100%", "", 0},
                                         {"_", "", 0},
                                         {"\xC3\x28", "", 0}}) {
    store::DirectoryFilter f;
    f.query = c.query;
    f.kind = c.kind;
    auto page = store::organisations_matching(*db, ta, f);
    EXPECT_EQ(page.total, c.expected) << "query '" << c.query << "' kind '" << c.kind << "'";
    EXPECT_EQ(static_cast<long long>(page.rows.size()), c.expected);
  }
}

TEST_P(DirectoryStore, PaginationGivesTotalsAndStableOrder) {
  for (int i = 0; i < 23; ++i) org(ta, "Entreprise " + std::string(1, static_cast<char>('A' + i)));
  store::DirectoryFilter f;
  f.per_page = 10;
  f.page = 3;
  auto page = store::organisations_matching(*db, ta, f);
  EXPECT_EQ(page.total, 23);
  EXPECT_EQ(page.pages(), 3);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].name, "Entreprise U");
  f.page = 9;
  EXPECT_TRUE(store::organisations_matching(*db, ta, f).rows.empty());
  f.page = -5;
  f.per_page = 1000000;
  auto clamped = store::organisations_matching(*db, ta, f);
  EXPECT_EQ(clamped.page, 1);
  EXPECT_EQ(clamped.per_page, store::kMaxPerPage);
  EXPECT_EQ(clamped.rows.size(), 23u);
}

TEST_P(DirectoryStore, PeopleSearchRolesAndOrganisation) {
  long long o = org(ta, "Alstom Belfort");
  domain::Person p;
  p.territory_id = ta;
  p.first_name = "Éloïse";
  p.last_name = "Durand";
  p.organisation_id = o;
  p.roles = {"engineer", "network_member"};
  p.job_title = "Ingénieure méthodes";
  ASSERT_TRUE(store::insert_person(*db, p, by).ok());
  person(ta, "Paul", "Bernard");
  person(tb, "Éloïse", "Durand-B");

  store::DirectoryFilter f;
  f.query = "eloise";
  EXPECT_EQ(store::people_matching(*db, ta, f).total, 1);
  f.query = "alstom";
  EXPECT_EQ(store::people_matching(*db, ta, f).total, 1) << "the organisation's name is searchable";
  f.query = "";
  f.kind = "network_member";
  EXPECT_EQ(store::people_matching(*db, ta, f).total, 1);
  f.kind = "engineer";
  EXPECT_EQ(store::people_matching(*db, ta, f).total, 1);
  f.kind = "teacher";
  EXPECT_EQ(store::people_matching(*db, ta, f).total, 0);
  f.kind = "";
  f.organisation_id = o;
  auto page = store::people_matching(*db, ta, f);
  ASSERT_EQ(page.total, 1);
  EXPECT_EQ(page.rows[0].organisation_name, "Alstom Belfort");
  EXPECT_EQ(page.rows[0].roles, (std::vector<std::string>{"engineer", "network_member"}));
  EXPECT_EQ(store::people_of_organisation(*db, ta, o).size(), 1u);

  // Renaming or deleting the organisation rewrites its people's search text.
  auto renamed = *store::org_by_id(*db, ta, o);
  renamed.name = "General Electric Belfort";
  ASSERT_TRUE(store::update_organisation(*db, renamed, by).ok());
  store::DirectoryFilter by_org;
  by_org.query = "general electric";
  EXPECT_EQ(store::people_matching(*db, ta, by_org).total, 1);
  by_org.query = "alstom";
  EXPECT_EQ(store::people_matching(*db, ta, by_org).total, 0);
  ASSERT_TRUE(store::delete_organisation(*db, ta, o, by));
  by_org.query = "general";
  EXPECT_EQ(store::people_matching(*db, ta, by_org).total, 0);
}

TEST_P(DirectoryStore, UniqueCodesPerTerritoryAreConflicts) {
  org(ta, "Mairie", "public_body", "21350016800025");
  domain::Organisation o;
  o.territory_id = ta;
  o.kind = "company";
  o.name = "Doublon";
  o.siret = "21350016800025";
  auto r = store::insert_organisation(*db, o, by);
  EXPECT_EQ(r.status, Status::conflict);
  EXPECT_EQ(r.errors.count("siret"), 1u);
  o.territory_id = tb;
  EXPECT_TRUE(store::insert_organisation(*db, o, by).ok()) << "another territory may hold the same SIRET";

  person(ta, "Ada", "Lovelace", 0, "ada@exemple.fr");
  domain::Person p;
  p.territory_id = ta;
  p.first_name = "Ada";
  p.last_name = "King";
  p.email = "ada@exemple.fr";
  EXPECT_EQ(store::insert_person(*db, p, by).status, Status::conflict);
}

TEST_P(DirectoryStore, MergeOrganisationsMovesPeopleFillsFieldsAndDeletesTheDuplicate) {
  domain::Organisation a;
  a.territory_id = ta;
  a.kind = "company";
  a.name = "Peugeot Sochaux";
  a.phone = "03 81 00 00 00";
  a.notes = "Site principal.";
  long long keep = store::insert_organisation(*db, a, by).id;
  domain::Organisation b = a;
  b.name = "PSA Sochaux";
  b.phone = "03 81 99 99 99";
  b.siret = "21350016800025";
  b.email = "contact@psa.example";
  b.notes = "Contact RH : Mme Roy.";
  long long dup = store::insert_organisation(*db, b, by).id;
  long long p1 = person(ta, "Léa", "Roy", dup);
  long long p2 = person(ta, "Jean", "Petit", keep);

  auto r = store::merge_organisations(*db, ta, keep, dup, by);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(store::org_by_id(*db, ta, dup));
  auto merged = store::org_by_id(*db, ta, keep);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->name, "Peugeot Sochaux");
  EXPECT_EQ(merged->phone, "03 81 00 00 00") << "the kept organisation's values win";
  EXPECT_EQ(merged->siret, "21350016800025") << "empty fields are filled from the duplicate";
  EXPECT_EQ(merged->email, "contact@psa.example");
  EXPECT_NE(merged->notes.find("Site principal."), std::string::npos);
  EXPECT_NE(merged->notes.find("Mme Roy"), std::string::npos);
  EXPECT_EQ(store::person_by_id(*db, ta, p1)->organisation_id, keep);
  EXPECT_EQ(store::person_by_id(*db, ta, p2)->organisation_id, keep);
  EXPECT_EQ(store::people_of_organisation(*db, ta, keep).size(), 2u);

  EXPECT_EQ(store::merge_organisations(*db, ta, keep, keep, by).status, Status::conflict);
  EXPECT_EQ(store::merge_organisations(*db, ta, keep, dup, by).status, Status::not_found);
}

TEST_P(DirectoryStore, MergePeopleUnitesRolesAndDeletesTheDuplicate) {
  long long o = org(ta, "Collège Lumière", "school");
  domain::Person a;
  a.territory_id = ta;
  a.first_name = "Marie";
  a.last_name = "Curie";
  a.roles = {"teacher"};
  long long keep = store::insert_person(*db, a, by).id;
  domain::Person b = a;
  b.email = "marie.curie@exemple.fr";
  b.organisation_id = o;
  b.roles = {"principal", "teacher"};
  long long dup = store::insert_person(*db, b, by).id;

  ASSERT_TRUE(store::merge_people(*db, ta, keep, dup, by).ok());
  EXPECT_FALSE(store::person_by_id(*db, ta, dup));
  auto merged = store::person_by_id(*db, ta, keep);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->email, "marie.curie@exemple.fr") << "taken over from the deleted duplicate";
  EXPECT_EQ(merged->organisation_id, o);
  EXPECT_EQ(merged->roles, (std::vector<std::string>{"teacher", "principal"}));
}

TEST_P(DirectoryStore, AnotherTerritoryCannotReadChangeDeleteOrMerge) {
  long long oa = org(ta, "Secret A");
  long long pa = person(ta, "Agent", "A", oa, "agent@a.example");
  long long ob = org(tb, "Organisation B");
  long long pb = person(tb, "Agent", "B");

  EXPECT_FALSE(store::org_by_id(*db, tb, oa));
  EXPECT_FALSE(store::person_by_id(*db, tb, pa));
  store::DirectoryFilter all;
  EXPECT_EQ(store::organisations_matching(*db, tb, all).total, 1);
  all.query = "secret";
  EXPECT_EQ(store::organisations_matching(*db, tb, all).total, 0);
  EXPECT_TRUE(store::people_of_organisation(*db, tb, oa).empty());
  EXPECT_EQ(store::organisation_names(*db, tb).size(), 1u);

  domain::Organisation o = *store::org_by_id(*db, ta, oa);
  o.territory_id = tb;
  o.name = "Piraté";
  EXPECT_EQ(store::update_organisation(*db, o, by).status, Status::not_found);
  domain::Person p = *store::person_by_id(*db, ta, pa);
  p.territory_id = tb;
  p.last_name = "Piraté";
  EXPECT_EQ(store::update_person(*db, p, by).status, Status::not_found);
  EXPECT_FALSE(store::delete_organisation(*db, tb, oa, by));
  EXPECT_FALSE(store::delete_person(*db, tb, pa, by));
  EXPECT_EQ(store::merge_organisations(*db, tb, ob, oa, by).status, Status::not_found);
  EXPECT_EQ(store::merge_organisations(*db, tb, oa, ob, by).status, Status::not_found);
  EXPECT_EQ(store::merge_people(*db, tb, pb, pa, by).status, Status::not_found);

  // B's people cannot be attached to A's organisation.
  domain::Person q;
  q.territory_id = tb;
  q.first_name = "Nouvelle";
  q.last_name = "B";
  q.organisation_id = oa;
  EXPECT_EQ(store::insert_person(*db, q, by).status, Status::invalid);
  domain::Person b = *store::person_by_id(*db, tb, pb);
  b.organisation_id = oa;
  EXPECT_EQ(store::update_person(*db, b, by).status, Status::invalid);

  EXPECT_EQ(store::org_by_id(*db, ta, oa)->name, "Secret A");
  EXPECT_EQ(store::person_by_id(*db, ta, pa)->last_name, "A");
  EXPECT_EQ(store::people_of_organisation(*db, ta, oa).size(), 1u);
  EXPECT_EQ(store::audit_entries(*db, tb, 100, 0).size(), 2u) << "only B's own creations were logged";
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryStore, ::testing::ValuesIn(fixture::engines()));
