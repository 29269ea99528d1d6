// Store tests for territories, users, sessions and the migration runner, on every engine.
#include "store/accounts.hpp"

#include <gtest/gtest.h>

#include "support/test_support.hpp"

using namespace passerelles;

class AccountsStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { db = fixture::fresh_store(GetParam()); }
  std::unique_ptr<store::Store> db;
};

TEST_P(AccountsStore, SchemaIsCurrentAndMigrateIsIdempotent) {
  EXPECT_EQ(db->schema_version(), db->latest_version());
  EXPECT_EQ(db->migrate(), 0);
  EXPECT_NO_THROW(db->ensure_current());
  EXPECT_TRUE(db->ping());
}

TEST_P(AccountsStore, TerritoryRoundTrip) {
  domain::Territory t{0, "cmq-test", "CMQ de test", "cmq", {"025", "039"}, "Besançon", "", 1.25};
  long long id = store::insert_territory(*db, t);
  ASSERT_GT(id, 0);
  auto back = store::territory_by_slug(*db, "cmq-test");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->id, id);
  EXPECT_EQ(back->departments, (std::vector<std::string>{"025", "039"}));
  EXPECT_DOUBLE_EQ(back->road_factor, 1.25);
  EXPECT_FALSE(store::territory_by_slug(*db, "absent"));
}

TEST_P(AccountsStore, UsersAndSessions) {
  long long tid = store::insert_territory(*db, {0, "t1", "T1", "cmq", {"025"}, "", "", 1.3});
  domain::User u;
  u.email = "Ines.Martin@Exemple.fr";
  u.role = domain::Role::coordinator;
  u.territory_id = tid;
  long long uid = store::insert_user(*db, u, "hash");
  auto found = store::user_by_email(*db, "ines.martin@exemple.FR");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, uid);
  EXPECT_EQ(found->role, domain::Role::coordinator);
  EXPECT_EQ(found->territory_id, tid);
  EXPECT_THROW(store::insert_user(*db, u, "hash"), std::exception) << "e-mail is unique";

  store::insert_session(*db, "h1", uid, "csrf1");
  auto s = store::session_by_token_hash(*db, "h1");
  ASSERT_TRUE(s);
  EXPECT_EQ(s->user_id, uid);
  EXPECT_EQ(s->csrf_token, "csrf1");
  store::delete_session(*db, s->id);
  EXPECT_FALSE(store::session_by_token_hash(*db, "h1"));
}

TEST_P(AccountsStore, WriteRollsBackOnException) {
  EXPECT_THROW(db->write([](soci::session& sql) {
    sql << "INSERT INTO territories (slug, name, kind, departments, created_at) VALUES ('x', 'X', 'cmq', '025', 0)";
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  EXPECT_FALSE(store::territory_by_slug(*db, "x"));
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountsStore, ::testing::ValuesIn(fixture::engines()));
