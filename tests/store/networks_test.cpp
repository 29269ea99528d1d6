// Store tests for the internal networks, on every engine: unique public addresses, members (one ambassador in two
// networks, roles, only active members of the territory), public names only with consent, the actions and people
// counted from validated actions, deletion, and isolation between territories.
#include "store/networks.hpp"

#include <gtest/gtest.h>

#include "store/accounts.hpp"
#include "support/test_support.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class NetworksStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db = fixture::fresh_store(GetParam());
    ta = store::insert_territory(*db, {0, "ta", "Territoire A", "cmq", {"025"}, "", "", 1.3});
    tb = store::insert_territory(*db, {0, "tb", "Territoire B", "cmq", {"062"}, "", "", 1.3});
    company_a = org(ta, "Verrerie de A");
    company_b = org(tb, "Verrerie de B");
  }

  long long org(long long territory, const std::string& name) {
    return db->write([&](soci::session& sql) {
      long long id = 0, now = 1;
      sql << "INSERT INTO organisations (territory_id, kind, name, created_at, updated_at) VALUES (:t, 'company', "
             ":n, :c, :u) RETURNING id",
          soci::use(territory), soci::use(name), soci::use(now), soci::use(now), soci::into(id);
      return id;
    });
  }

  // An ambassador row written directly (the profile rules are store/ambassadors' business, not this test's).
  long long ambassador(long long territory, const std::string& first, const std::string& last,
                       const std::string& consents, const std::string& status = "active") {
    return db->write([&](soci::session& sql) {
      long long id = 0, now = 1;
      std::string email = first + "." + last + "@exemple.fr", token = "jeton-" + email;
      sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, consents, "
             "unsubscribe_token, created_at, updated_at) VALUES (:t, :s, :f, :l, :e, :c, :k, :n, :u) RETURNING id",
          soci::use(territory), soci::use(status), soci::use(first), soci::use(last), soci::use(email),
          soci::use(consents), soci::use(token), soci::use(now), soci::use(now), soci::into(id);
      return id;
    });
  }

  // An action with its audience (girls, boys, teachers, women in reconversion), written directly.
  long long action(long long territory, const std::string& day, const std::string& status, int girls, int boys,
                   int teachers, int women, long long same_group_as = 0) {
    return db->write([&](soci::session& sql) {
      long long id = 0, now = 1, group = same_group_as;
      soci::indicator group_i = group ? soci::i_ok : soci::i_null;
      std::string month = day.substr(0, 7), title = "Action du " + day;
      sql << "INSERT INTO actions (territory_id, kind, title, starts_on, month, status, same_group_as, girls, boys, "
             "teachers, women_reconversion, created_at, updated_at) VALUES (:t, 'temoignage_classe', :ti, :d, :m, "
             ":s, :g, :gi, :b, :te, :w, :c, :u) RETURNING id",
          soci::use(territory), soci::use(title), soci::use(day), soci::use(month), soci::use(status),
          soci::use(group, group_i), soci::use(girls), soci::use(boys), soci::use(teachers), soci::use(women),
          soci::use(now), soci::use(now), soci::into(id);
      return id;
    });
  }

  long long network(long long territory, const std::string& name, long long organisation = 0, bool is_public = true) {
    store::Network n;
    n.territory_id = territory;
    n.name = name;
    n.organisation_id = organisation;
    n.is_public = is_public;
    n.description = "Un réseau de femmes";
    auto r = store::insert_network(*db, n, by);
    EXPECT_TRUE(r.ok()) << name;
    return r.id;
  }

  std::unique_ptr<store::Store> db;
  long long ta = 0, tb = 0, company_a = 0, company_b = 0;
  store::Author by{0, "coord@exemple.fr"};
};

TEST_P(NetworksStore, PublicAddressesAreUniqueAcrossTerritoriesAndStayWhenRenamed) {
  long long a = network(ta, "Verr’Elles", company_a);
  long long b = network(tb, "Verr’Elles");
  long long c = network(ta, "Verr Elles !");
  auto na = store::network_by_id(*db, ta, a);
  ASSERT_TRUE(na);
  EXPECT_EQ(na->slug, "verr-elles");
  EXPECT_EQ(na->organisation_id, company_a);
  EXPECT_EQ(na->organisation_name, "Verrerie de A");
  EXPECT_EQ(na->territory_name, "Territoire A");
  EXPECT_TRUE(na->is_public);
  EXPECT_EQ(store::network_by_id(*db, tb, b)->slug, "verr-elles-2");
  EXPECT_EQ(store::network_by_id(*db, ta, c)->slug, "verr-elles-3");

  na->name = "Verr’Elles — réseau des salariées";
  na->is_public = false;
  na->organisation_id = 0;
  ASSERT_TRUE(store::update_network(*db, *na, by).ok());
  auto again = store::network_by_id(*db, ta, a);
  EXPECT_EQ(again->slug, "verr-elles");
  EXPECT_EQ(again->name, "Verr’Elles — réseau des salariées");
  EXPECT_FALSE(again->is_public);
  EXPECT_EQ(again->organisation_id, 0);

  // By name, folded (the same order on both engines).
  auto list = store::networks_of(*db, ta);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, c);  // « Verr Elles ! » before « Verr’Elles — … »
  EXPECT_EQ(list[1].id, a);

  store::Network bad;
  bad.territory_id = ta;
  bad.name = "Réseau";
  bad.organisation_id = company_b;
  auto refused = store::insert_network(*db, bad, by);
  EXPECT_EQ(refused.status, Status::invalid);
  EXPECT_TRUE(refused.errors.count("organisation_id"));
  bad.name = "";
  bad.organisation_id = 0;
  EXPECT_EQ(store::insert_network(*db, bad, by).status, Status::invalid);
}

TEST_P(NetworksStore, AMemberCanBelongToSeveralNetworksWithOneRoleEach) {
  long long verrelles = network(ta, "Verr’Elles", company_a);
  long long lycee = network(ta, "Les filles du lycée Jules Haag");
  long long amelie = ambassador(ta, "Amélie", "Roux", "name,job");
  long long sarah = ambassador(ta, "Sarah", "Benali", "job");
  long long applicant = ambassador(ta, "Candidate", "Attente", "name", "applicant");
  long long lea = ambassador(tb, "Léa", "Durand", "name");

  ASSERT_TRUE(store::add_network_member(*db, ta, verrelles, amelie, "member", by).ok());
  ASSERT_TRUE(store::add_network_member(*db, ta, lycee, amelie, "lead", by).ok());
  ASSERT_TRUE(store::add_network_member(*db, ta, verrelles, sarah, "member", by).ok());
  ASSERT_TRUE(store::add_network_member(*db, ta, verrelles, amelie, "lead", by).ok()) << "again: her role changes";
  EXPECT_EQ(store::add_network_member(*db, ta, verrelles, applicant, "member", by).status, Status::not_found);
  EXPECT_EQ(store::add_network_member(*db, ta, verrelles, lea, "member", by).status, Status::not_found);
  EXPECT_EQ(store::add_network_member(*db, tb, verrelles, lea, "member", by).status, Status::not_found);
  EXPECT_EQ(store::add_network_member(*db, ta, verrelles, sarah, "chef", by).status, Status::invalid);

  auto members = store::network_members(*db, ta, verrelles);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].ambassador_id, amelie) << "leads first";
  EXPECT_EQ(members[0].role, "lead");
  EXPECT_EQ(members[0].name, "Amélie Roux");
  EXPECT_EQ(members[1].role, "member");
  EXPECT_EQ(store::network_by_id(*db, ta, verrelles)->members, 2);
  EXPECT_EQ(store::network_by_id(*db, ta, lycee)->members, 1);

  auto hers = store::networks_of_ambassador(*db, ta, amelie);
  ASSERT_EQ(hers.size(), 2u);
  EXPECT_EQ(hers[0].id, lycee);  // « Les filles… » before « Verr’Elles »
  EXPECT_EQ(hers[1].id, verrelles);
  EXPECT_EQ(store::networks_of_ambassador(*db, ta, sarah).size(), 1u);
  EXPECT_TRUE(store::networks_of_ambassador(*db, tb, amelie).empty());

  EXPECT_FALSE(store::remove_network_member(*db, tb, verrelles, amelie, by)) << "another territory";
  EXPECT_TRUE(store::remove_network_member(*db, ta, verrelles, amelie, by));
  EXPECT_FALSE(store::remove_network_member(*db, ta, verrelles, amelie, by));
  EXPECT_EQ(store::networks_of_ambassador(*db, ta, amelie).size(), 1u) << "still in the lycée's group";
  EXPECT_TRUE(store::network_members(*db, tb, lycee).empty());
}

TEST_P(NetworksStore, ThePublicSeesOnlyPublicNetworksAndNamesGivenWithConsent) {
  long long open = network(ta, "Verr’Elles", company_a);
  long long closed = network(ta, "Groupe interne", 0, false);
  long long named = ambassador(ta, "Amélie", "Roux", "job,name,photo");
  long long unnamed = ambassador(ta, "Sarah", "Benali", "job,photo");
  long long nothing = ambassador(ta, "Zoé", "Martin", "");
  for (long long a : {named, unnamed, nothing})
    ASSERT_TRUE(store::add_network_member(*db, ta, open, a, "member", by).ok());

  auto pub = store::network_by_slug_public(*db, "verr-elles");
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->id, open);
  EXPECT_EQ(pub->members, 3);
  EXPECT_EQ(pub->territory_name, "Territoire A");
  EXPECT_FALSE(store::network_by_slug_public(*db, store::network_by_id(*db, ta, closed)->slug));
  EXPECT_FALSE(store::network_by_slug_public(*db, "inconnu"));

  std::map<long long, std::string> public_names;
  for (const auto& m : store::network_members(*db, ta, open)) public_names[m.ambassador_id] = m.public_name;
  EXPECT_EQ(public_names[named], "Amélie R.");
  EXPECT_EQ(public_names[unnamed], "");
  EXPECT_EQ(public_names[nothing], "");
  // A member who left (erased: status left) is never named, whatever her old consents said.
  db->write(
      [&](soci::session& sql) { sql << "UPDATE ambassadors SET status = 'left' WHERE id = :a", soci::use(named); });
  for (const auto& m : store::network_members(*db, ta, open)) EXPECT_EQ(m.public_name, "") << m.name;
}

TEST_P(NetworksStore, ActionsAndPeopleCountFromValidatedActionsOnly) {
  long long n = network(ta, "Verr’Elles", company_a);
  long long first = action(ta, "2026-01-12", "validated", 10, 12, 2, 0);          // 24 people
  long long follow = action(ta, "2026-02-09", "validated", 10, 12, 2, 0, first);  // same group: adds nobody
  long long declared = action(ta, "2026-03-02", "declared", 14, 14, 1, 0);        // does not count yet
  long long reconversion = action(ta, "2026-03-20", "validated", 0, 0, 0, 15);    // 15 people
  long long rejected = action(ta, "2026-04-01", "rejected", 30, 0, 0, 0);
  long long of_b = action(tb, "2026-01-15", "validated", 50, 50, 0, 0);
  for (long long a : {first, follow, declared, reconversion, rejected})
    ASSERT_TRUE(store::add_network_action(*db, ta, n, a, by).ok());
  EXPECT_TRUE(store::add_network_action(*db, ta, n, first, by).ok()) << "twice: still one link";
  EXPECT_EQ(store::add_network_action(*db, ta, n, of_b, by).status, Status::not_found);
  EXPECT_EQ(store::add_network_action(*db, tb, n, of_b, by).status, Status::not_found);

  auto net = store::network_by_id(*db, ta, n);
  EXPECT_EQ(net->actions, 3) << "validated: the first session, its follow-up and the reconversion workshop";
  EXPECT_EQ(net->people, 24 + 15);
  EXPECT_EQ(store::network_by_slug_public(*db, net->slug)->people, 39);

  auto listed = store::network_actions(*db, ta, n);
  ASSERT_EQ(listed.size(), 5u);
  EXPECT_EQ(listed[0].id, rejected) << "newest first";
  EXPECT_EQ(listed[0].people, 0);
  EXPECT_EQ(listed[1].id, reconversion);
  EXPECT_EQ(listed[1].people, 15);
  EXPECT_EQ(listed[2].id, declared);
  EXPECT_EQ(listed[2].people, 0);
  EXPECT_EQ(listed[2].status, "declared");
  EXPECT_EQ(listed[3].people, 0) << "follow-up";
  EXPECT_EQ(listed[4].id, first);
  EXPECT_EQ(listed[4].people, 24);
  EXPECT_EQ(listed[4].starts_on, "2026-01-12");
  EXPECT_EQ(listed[4].kind, "temoignage_classe");
  EXPECT_TRUE(store::network_actions(*db, tb, n).empty());

  EXPECT_FALSE(store::remove_network_action(*db, tb, n, first, by));
  EXPECT_TRUE(store::remove_network_action(*db, ta, n, first, by));
  EXPECT_FALSE(store::remove_network_action(*db, ta, n, first, by));
  net = store::network_by_id(*db, ta, n);
  EXPECT_EQ(net->actions, 2);
  EXPECT_EQ(net->people, 15) << "the follow-up still adds nobody without its first session";
}

TEST_P(NetworksStore, DeletingANetworkTakesItsLinksButNotItsMembersOrActions) {
  long long n = network(ta, "Verr’Elles");
  long long amelie = ambassador(ta, "Amélie", "Roux", "name");
  long long act = action(ta, "2026-01-12", "validated", 10, 10, 0, 0);
  ASSERT_TRUE(store::add_network_member(*db, ta, n, amelie, "lead", by).ok());
  ASSERT_TRUE(store::add_network_action(*db, ta, n, act, by).ok());
  store::Network other = *store::network_by_id(*db, ta, n);
  other.territory_id = tb;
  other.name = "Piratage";
  EXPECT_EQ(store::update_network(*db, other, by).status, Status::not_found);
  EXPECT_FALSE(store::delete_network(*db, tb, n, by));
  EXPECT_EQ(store::network_by_id(*db, ta, n)->name, "Verr’Elles");
  EXPECT_FALSE(store::network_by_id(*db, tb, n));

  EXPECT_TRUE(store::delete_network(*db, ta, n, by));
  EXPECT_FALSE(store::network_by_id(*db, ta, n));
  EXPECT_FALSE(store::delete_network(*db, ta, n, by));
  EXPECT_EQ(fixture::count_rows(*db, "network_members"), 0);
  EXPECT_EQ(fixture::count_rows(*db, "network_actions"), 0);
  EXPECT_EQ(fixture::count_rows(*db, "ambassadors"), 1);
  EXPECT_EQ(fixture::count_rows(*db, "actions"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, NetworksStore, ::testing::ValuesIn(fixture::engines()));
