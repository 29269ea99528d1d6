// Store tests for actions, on every engine: round trip, groups of sessions, status transitions, confinement to the
// territory (ids of another territory read as absent, references refused with field errors), search, audit.
#include "store/actions.hpp"

#include <gtest/gtest.h>

#include "action_fixture.hpp"
#include "store/files.hpp"
#include "store/indicators.hpp"

// Filters are written with designated initializers; the fields left out keep their defaults.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace passerelles;
using Status = store::WriteResult::Status;

class ActionsStore : public fixture::ActionWorld {
 protected:
  domain::Action full_action() {
    auto a = action(ta, "visite_entreprise", "2025-03-14", 150, {9, 11, 0, 2}, {s2, s1}, i2);
    a.title = "Visite de la Métallerie Comtoise";
    a.place = "Zone industrielle de Trépillot";
    a.commune_insee = "25056";
    a.highlight = "« Je ne savais pas qu’on pouvait souder au laser. »";
    a.notes = "Car réservé par le lycée.";
    a.organisations = {{company, "company", ""}, {p1, "partner", ""}};
    a.ambassador_ids = {amb2, amb1};
    a.classes = {{"2nde", "STI2D"}, {"1re", "STI2D"}};
    return a;
  }

  long long count(const std::string& table) { return fixture::count_rows(*db, table); }
};

TEST_P(ActionsStore, RoundTripWithLinksAndDerivedDepartment) {
  store::Author ines{amb1, "ines@exemple.fr"};
  auto r = store::insert_action(*db, full_action(), ines);
  ASSERT_TRUE(r.ok());
  auto a = store::action_by_id(*db, ta, r.id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title, "Visite de la Métallerie Comtoise");
  EXPECT_EQ(a->status, "declared");
  EXPECT_EQ(a->month(), "2025-03");
  EXPECT_EQ(a->duration_minutes, 150);
  EXPECT_EQ(a->audience[1], 11);
  EXPECT_EQ(a->audience.total(), 22);
  EXPECT_EQ(a->initiative_name, "Visites d’entreprises et de laboratoires");
  EXPECT_EQ(a->department, "025") << "the first school by id (S1) is in the Doubs";
  ASSERT_EQ(a->school_ids.size(), 2u);
  EXPECT_EQ(a->school_ids[0], s1);
  EXPECT_EQ(a->school_names[0], "Collège Victor Hugo");
  ASSERT_EQ(a->organisations.size(), 2u);
  EXPECT_EQ(a->ambassador_ids.size(), 2u);
  EXPECT_EQ(a->ambassador_names.size(), 2u);
  ASSERT_EQ(a->classes.size(), 2u);
  EXPECT_EQ(a->classes[0].level, "2nde");
  EXPECT_EQ(a->classes[0].track, "STI2D");
  EXPECT_EQ(a->declared_by, amb1) << "the author declared it";
  EXPECT_EQ(a->declared_by_name, "Inès Martin");
  EXPECT_EQ(a->highlight, "« Je ne savais pas qu’on pouvait souder au laser. »");

  // Without a school, the commune's département (Dole, '39' → '039'); without either, none.
  a->school_ids = {};
  a->commune_insee = "39198";
  ASSERT_TRUE(store::update_action(*db, *a, by).ok());
  EXPECT_EQ(store::action_by_id(*db, ta, r.id)->department, "039");
  a->commune_insee = "";
  ASSERT_TRUE(store::update_action(*db, *a, by).ok());
  auto b = store::action_by_id(*db, ta, r.id);
  EXPECT_EQ(b->department, "");
  EXPECT_TRUE(b->school_ids.empty());
  EXPECT_EQ(b->declared_by, amb1) << "an edit keeps the author";
}

TEST_P(ActionsStore, StatusTransitions) {
  long long id = insert(full_action());
  auto move = [&](const std::string& to, const std::string& reason = "") {
    return store::set_action_status(*db, ta, id, to, reason, by);
  };
  EXPECT_EQ(move("declared").status, Status::conflict) << "already declared";
  auto no_reason = move("rejected", "  ");
  EXPECT_EQ(no_reason.status, Status::invalid);
  EXPECT_TRUE(no_reason.errors.count("rejection_reason"));
  EXPECT_EQ(move("archived").status, Status::invalid);
  EXPECT_TRUE(move("validated").ok());
  EXPECT_GT(store::action_by_id(*db, ta, id)->validated_at, 0);
  EXPECT_EQ(move("validated").status, Status::conflict);
  auto straight = move("rejected", "Doublon");
  EXPECT_EQ(straight.status, Status::conflict) << "a validated action is reopened first";
  EXPECT_NE(straight.errors["status"].find("rouverte"), std::string::npos);
  EXPECT_TRUE(move("declared").ok());
  EXPECT_EQ(store::action_by_id(*db, ta, id)->validated_at, 0);
  EXPECT_TRUE(move("rejected", "Doublon de la visite du 12").ok());
  EXPECT_EQ(store::action_by_id(*db, ta, id)->rejection_reason, "Doublon de la visite du 12");
  EXPECT_EQ(move("validated").status, Status::conflict);
  EXPECT_TRUE(move("declared").ok()) << "a rejected action can be reopened";
  EXPECT_EQ(store::action_by_id(*db, ta, id)->rejection_reason, "");
  EXPECT_EQ(store::set_action_status(*db, ta, id + 999, "validated", "", by).status, Status::not_found);
}

TEST_P(ActionsStore, InsertingAsValidatedCountsAtOnce) {
  auto a = full_action();
  a.status = "validated";
  long long id = insert(a);
  store::IndicatorFilter f{.territory_id = ta, .from_month = "2025-01", .to_month = "2025-06"};
  auto x = store::indicators(*db, f);
  EXPECT_EQ(x.total.actions, 1);
  EXPECT_EQ(x.total.people, 22);  // 9 + 11 + 2
  a.status = "rejected";
  auto r = store::insert_action(*db, a, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_TRUE(r.errors.count("status"));
  EXPECT_TRUE(store::delete_action(*db, ta, id, by));
  EXPECT_EQ(store::indicators(*db, f).total.actions, 0);
  EXPECT_TRUE(store::aggregate_rows(*db).empty()) << "no row left at zero";
}

TEST_P(ActionsStore, GroupsPointAtTheirFirstSession) {
  long long first = insert(action(ta, "temoignage_classe", "2024-10-03", 60, {12, 14}, {s1}));
  auto second = action(ta, "temoignage_classe", "2024-11-07", 60, {12, 14}, {s1});
  second.same_group_as = first;
  long long two = insert(second);
  auto third = action(ta, "temoignage_classe", "2024-12-05", 60, {11, 14}, {s1});
  third.same_group_as = two;  // a follow-up: resolved to the group's first session
  long long three = insert(third);
  EXPECT_EQ(store::action_by_id(*db, ta, three)->same_group_as, first);

  // Itself, directly or through one of its follow-ups.
  auto self = *store::action_by_id(*db, ta, first);
  self.same_group_as = first;
  auto r = store::update_action(*db, self, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_TRUE(r.errors.count("same_group_as"));
  self.same_group_as = three;
  EXPECT_EQ(store::update_action(*db, self, by).status, Status::invalid);

  // The first session joins another group: its follow-ups move with it.
  long long other = insert(action(ta, "atelier", "2024-09-20", 60, {5, 5}, {s1}));
  self.same_group_as = other;
  ASSERT_TRUE(store::update_action(*db, self, by).ok());
  EXPECT_EQ(store::action_by_id(*db, ta, two)->same_group_as, other);
  EXPECT_EQ(store::action_by_id(*db, ta, three)->same_group_as, other);

  // A rejected first session cannot open a group; another territory's action is unknown.
  long long rejected = insert(action(ta, "atelier", "2024-09-21", 60, {5, 5}));
  set_status(ta, rejected, "rejected", "Annulé");
  auto late = action(ta, "atelier", "2024-10-21", 60, {5, 5});
  late.same_group_as = rejected;
  r = store::insert_action(*db, late, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_NE(r.errors["same_group_as"].find("refusée"), std::string::npos);
  long long in_b = insert(action(tb, "atelier", "2024-10-21", 60, {5, 5}, {s5}));
  late.same_group_as = in_b;
  r = store::insert_action(*db, late, by);
  EXPECT_EQ(r.status, Status::invalid);
  EXPECT_TRUE(r.errors.count("same_group_as"));

  // Deleting a group's first session makes each follow-up the first of its own group.
  EXPECT_TRUE(store::delete_action(*db, ta, other, by));
  EXPECT_EQ(store::action_by_id(*db, ta, first)->same_group_as, 0);
  EXPECT_EQ(store::action_by_id(*db, ta, two)->same_group_as, 0);
  EXPECT_EQ(store::action_by_id(*db, ta, three)->same_group_as, 0);
  auto rows = store::aggregate_rows(*db);
  store::rebuild_aggregates(*db);
  EXPECT_EQ(store::aggregate_rows(*db), rows);
}

TEST_P(ActionsStore, AnotherTerritorysActionIsAbsent) {
  long long id = insert(full_action());
  EXPECT_FALSE(store::action_by_id(*db, tb, id));
  auto a = *store::action_by_id(*db, ta, id);
  a.territory_id = tb;
  a.school_ids = {s5};
  a.organisations = {};
  a.ambassador_ids = {};
  a.initiative_id = 0;
  EXPECT_EQ(store::update_action(*db, a, by).status, Status::not_found);
  EXPECT_EQ(store::set_action_status(*db, tb, id, "validated", "", by).status, Status::not_found);
  EXPECT_FALSE(store::delete_action(*db, tb, id, by));
  EXPECT_EQ(store::actions_matching(*db, tb, {}).total, 0);
  EXPECT_TRUE(store::group_candidates(*db, tb, {}).empty());
  auto still = store::action_by_id(*db, ta, id);
  ASSERT_TRUE(still);
  EXPECT_EQ(still->status, "declared");
  EXPECT_EQ(still->school_ids.size(), 2u);
}

TEST_P(ActionsStore, ReferencesOutsideTheTerritoryAreRefused) {
  struct Case {
    const char* name;
    void (*change)(domain::Action&, const ActionsStore&);
    const char* field;
  } cases[] = {
      {"school of another territory", [](domain::Action& a, const ActionsStore& w) { a.school_ids = {w.s5}; },
       "schools"},
      {"school in no territory",
       [](domain::Action& a, const ActionsStore& w) {
         a.school_ids = {w.s1, w.s6};
       },
       "schools"},
      {"unknown school", [](domain::Action& a, const ActionsStore&) { a.school_ids = {999999}; }, "schools"},
      {"initiative of another territory", [](domain::Action& a, const ActionsStore& w) { a.initiative_id = w.i_b; },
       "initiative_id"},
      {"organisation of another territory",
       [](domain::Action& a, const ActionsStore& w) {
         a.organisations = {{w.org_b, "partner", ""}};
       },
       "organisations"},
      {"ambassador of another territory",
       [](domain::Action& a, const ActionsStore& w) {
         a.ambassador_ids = {w.amb1, w.amb_b};
       },
       "ambassadors"},
      {"unknown commune", [](domain::Action& a, const ActionsStore&) { a.commune_insee = "99999"; }, "commune_insee"},
      {"unknown group", [](domain::Action& a, const ActionsStore&) { a.same_group_as = 424242; }, "same_group_as"},
  };
  long long id = insert(full_action());
  auto before = store::aggregate_rows(*db);
  for (const auto& c : cases) {
    auto a = full_action();
    c.change(a, *this);
    auto r = store::insert_action(*db, a, by);
    EXPECT_EQ(r.status, Status::invalid) << c.name;
    EXPECT_TRUE(r.errors.count(c.field)) << c.name;
    EXPECT_FALSE(r.errors.empty() || r.errors.begin()->second.empty()) << c.name;
    auto u = *store::action_by_id(*db, ta, id);
    c.change(u, *this);
    auto ru = store::update_action(*db, u, by);
    EXPECT_EQ(ru.status, Status::invalid) << c.name;
    EXPECT_TRUE(ru.errors.count(c.field)) << c.name;
  }
  EXPECT_EQ(store::actions_matching(*db, ta, {}).total, 1) << "nothing was inserted";
  auto kept = store::action_by_id(*db, ta, id);
  EXPECT_EQ(kept->school_ids.size(), 2u) << "nothing was changed";
  EXPECT_EQ(kept->organisations.size(), 2u);
  EXPECT_EQ(store::aggregate_rows(*db), before);
  auto no_territory = full_action();
  no_territory.territory_id = 0;
  EXPECT_EQ(store::insert_action(*db, no_territory, by).status, Status::not_found);
}

TEST_P(ActionsStore, ListingFiltersAndSearch) {
  auto a = full_action();
  a.ambassador_ids = {amb1};
  long long visit = insert(a);
  auto b = action(ta, "atelier", "2024-12-02", 90, {4, 4}, {s3}, i1);
  b.title = "Atelier robotique";
  b.ambassador_ids = {amb2};
  long long workshop = store::insert_action(*db, b, {amb2, "sarah@exemple.fr"}).id;
  set_status(ta, workshop, "validated");
  insert(action(tb, "atelier", "2024-12-02", 90, {4, 4}, {s5}));
  auto ids = [](const store::Page<domain::Action>& p) {
    std::vector<long long> v;
    for (const auto& x : p.rows) v.push_back(x.id);
    return v;
  };
  struct Case {
    const char* name;
    store::ActionFilter f;
    std::vector<long long> expected;
  } cases[] = {
      {"all, newest first", {}, {visit, workshop}},
      {"validated", {.status = "validated"}, {workshop}},
      {"kind", {.kind = "visite_entreprise"}, {visit}},
      {"initiative", {.initiative_id = i1}, {workshop}},
      {"declared by", {.declared_by = amb2}, {workshop}},
      {"ambassador", {.ambassador_id = amb1}, {visit}},
      {"from day", {.from_day = "2025-01-01"}, {visit}},
      {"to day", {.to_day = "2025-01-01"}, {workshop}},
      {"title word without accent", {.query = "metallerie"}, {visit}},
      {"place", {.query = "trepillot"}, {visit}},
      {"school name", {.query = "Diderot"}, {workshop}},
      {"two words", {.query = "atelier diderot"}, {workshop}},
      {"LIKE characters are literal", {.query = "%"}, {}},
      {"invalid UTF-8", {.query = "\xC3("}, {}},
  };
  for (const auto& c : cases) EXPECT_EQ(ids(store::actions_matching(*db, ta, c.f)), c.expected) << c.name;
  store::ActionFilter one;
  one.per_page = 1;
  one.page = 2;
  auto p = store::actions_matching(*db, ta, one);
  EXPECT_EQ(p.total, 2);
  EXPECT_EQ(p.pages(), 2);
  EXPECT_EQ(ids(p), std::vector<long long>{workshop});
  ASSERT_EQ(p.rows[0].school_names.size(), 1u);
  EXPECT_EQ(p.rows[0].school_names[0], "Collège Diderot");
}

TEST_P(ActionsStore, GroupCandidatesAndAmbassadors) {
  long long a1 = insert(action(ta, "temoignage_classe", "2024-10-03", 60, {12, 14}, {s1}));
  auto follow = action(ta, "temoignage_classe", "2024-11-03", 60, {12, 14}, {s1});
  follow.same_group_as = a1;
  insert(follow);
  long long a2 = insert(action(ta, "atelier", "2024-12-03", 60, {5, 5}, {s3}));
  long long rejected = insert(action(ta, "atelier", "2025-01-03", 60, {5, 5}, {s1}));
  set_status(ta, rejected, "rejected", "Annulé");
  auto ids = [](const std::vector<domain::Action>& v) {
    std::vector<long long> out;
    for (const auto& a : v) out.push_back(a.id);
    return out;
  };
  EXPECT_EQ(ids(store::group_candidates(*db, ta, {})), (std::vector<long long>{a2, a1}))
      << "first sessions only, rejected ones left out, newest first";
  EXPECT_EQ(ids(store::group_candidates(*db, ta, {s1})), std::vector<long long>{a1});
  EXPECT_TRUE(store::group_candidates(*db, ta, {s5}).empty());
  auto amb = store::ambassadors_of(*db, ta);
  ASSERT_EQ(amb.size(), 2u) << "ambassadors of the territory only, not its coordinator";
  EXPECT_EQ(amb[0].second, "Inès Martin");
  EXPECT_EQ(amb[1].second, "Sarah Benali");
  store::set_user_active(*db, amb2, false);
  EXPECT_EQ(store::ambassadors_of(*db, ta).size(), 1u);
}

TEST_P(ActionsStore, EvidenceFilesAreConfinedAndGoWithTheAction) {
  long long id = insert(full_action());
  const std::string jpeg = std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11);
  auto mine = store::store_file(*db, ta, "photo.jpg", jpeg, {"image/jpeg"}, "file", by);
  auto theirs = store::store_file(*db, tb, "photo.jpg", jpeg, {"image/jpeg"}, "file", by);
  ASSERT_TRUE(mine.errors.empty());
  EXPECT_FALSE(store::attach_action_file(*db, ta, id, theirs.id, "photo")) << "another territory's file";
  EXPECT_FALSE(store::attach_action_file(*db, tb, id, theirs.id, "photo")) << "another territory's action";
  EXPECT_FALSE(store::attach_action_file(*db, ta, id, mine.id, "selfie")) << "unknown kind";
  EXPECT_TRUE(store::attach_action_file(*db, ta, id, mine.id, "photo"));
  EXPECT_TRUE(store::attach_action_file(*db, ta, id, mine.id, "photo")) << "attaching twice is harmless";
  EXPECT_EQ(count("action_files"), 1);
  EXPECT_TRUE(store::delete_action(*db, ta, id, by));
  EXPECT_FALSE(store::file_by_id(*db, ta, mine.id)) << "the action's evidence goes with it";
  EXPECT_TRUE(store::file_by_id(*db, tb, theirs.id));
}

TEST_P(ActionsStore, WritesAreAudited) {
  store::Author who{coordinator, "coord.a@exemple.fr"};
  long long id = store::insert_action(*db, full_action(), who).id;
  auto a = *store::action_by_id(*db, ta, id);
  a.audience[0] = 10;
  a.title = "Visite de la Métallerie Comtoise (2)";
  store::update_action(*db, a, who);
  store::set_action_status(*db, ta, id, "validated", "", who);
  store::set_action_status(*db, ta, id, "declared", "", who);
  store::set_action_status(*db, ta, id, "rejected", "Hors périmètre", who);
  store::delete_action(*db, ta, id, who);
  auto log = store::audit_entries(*db, ta, 10, 0);
  std::vector<std::string> actions;
  for (const auto& e : log)
    if (e.entity == "action") actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"delete", "reject", "reopen", "validate", "update", "create"}));
  EXPECT_NE(log[1].detail.find("Hors périmètre"), std::string::npos);
  EXPECT_NE(log[4].detail.find("audience"), std::string::npos) << log[4].detail;
  EXPECT_NE(log[4].detail.find("title"), std::string::npos) << log[4].detail;
  EXPECT_EQ(log[5].user_label, "coord.a@exemple.fr");
  EXPECT_EQ(log[5].entity_id, id);
}

INSTANTIATE_TEST_SUITE_P(Engines, ActionsStore, ::testing::ValuesIn(fixture::engines()));
