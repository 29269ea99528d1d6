// The collective's members on every engine: applications and invitations (conflicts, expiry, a spent link),
// accepting (the account it creates or links), profiles (path, days off, commune, employer), a withdrawn consent
// reaching her portraits and the search at once, erasure leaving no personal data while her actions keep counting,
// the coordinator's overview on a hand-made fixture, unsubscribing, the list's filters and the commune lookup.
#include "store/ambassadors.hpp"

#include <gtest/gtest.h>

#include "action_fixture.hpp"
#include "domain/plan.hpp"
#include "domain/search_fr.hpp"
#include "http/crypto.hpp"
#include "store/portraits.hpp"

using namespace passerelles;

namespace {

long long count(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    long long n = 0;
    sql << sql_text, soci::into(n);
    return n;
  });
}

std::string text(store::Store& s, const std::string& sql_text) {
  return s.read([&](soci::session& sql) {
    std::string v;
    soci::indicator ind = soci::i_ok;
    sql << sql_text, soci::into(v, ind);
    return sql.got_data() && ind == soci::i_ok ? v : std::string("<none>");
  });
}

void exec(store::Store& s, const std::string& sql_text) {
  s.write([&](soci::session& sql) { sql << sql_text; });
}

domain::Ambassador person(const std::string& first, const std::string& last, const std::string& email) {
  domain::Ambassador a;
  a.first_name = first;
  a.last_name = last;
  a.email = email;
  a.job_title = "Technicienne de maintenance";
  a.domain = "maintenance";
  return a;
}

}  // namespace

class Ambassadors : public fixture::ActionWorld {
 protected:
  long long now = store::now_unix();

  // Invited then accepted: {ambassador id, user id}.
  std::pair<long long, long long> member(const std::string& first, const std::string& last, const std::string& email,
                                         long long territory) {
    domain::Ambassador a = person(first, last, email);
    auto inv = store::invite_ambassador(*db, territory, a, by);
    EXPECT_TRUE(inv.result.ok()) << email;
    auto acc = store::accept_invitation(*db, inv.token, "argon2-hash", now);
    EXPECT_TRUE(acc.ok()) << email;
    return {inv.ambassador_id, acc.id};
  }

  std::string id(long long v) { return std::to_string(v); }
};

TEST_P(Ambassadors, InvitationTokenIsStoredHashedAndExpires) {
  auto inv = store::invite_ambassador(*db, ta, person("Inès", "Roux", " Ines.Roux@Exemple.FR "), by);
  ASSERT_TRUE(inv.result.ok());
  EXPECT_EQ(inv.token.size(), 32u);
  EXPECT_EQ(
      count(*db, "SELECT COUNT(*) FROM ambassadors WHERE invite_token_hash = '" + http::token_hash(inv.token) +
                     "' AND status = 'invited' AND email = 'ines.roux@exemple.fr' AND invite_expires_at BETWEEN " +
                     id(now + 14 * 86400 - 5) + " AND " + id(now + 14 * 86400 + 60)),
      1)
      << "only the hash, lower-cased e-mail, 14 days";
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassadors WHERE invite_token_hash = '" + inv.token + "'"), 0);
  auto seen = store::ambassador_by_invite(*db, inv.token);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->id, inv.ambassador_id);
  EXPECT_EQ(seen->first_name, "Inès");
  EXPECT_FALSE(store::ambassador_by_invite(*db, inv.token + "x"));
  EXPECT_FALSE(store::ambassador_by_invite(*db, ""));

  // Sent again: a new link, the old one stops working, still one row.
  auto again = store::invite_ambassador(*db, ta, person("Inès", "Roux", "ines.roux@exemple.fr"), by);
  ASSERT_TRUE(again.result.ok());
  EXPECT_EQ(again.ambassador_id, inv.ambassador_id);
  EXPECT_NE(again.token, inv.token);
  EXPECT_FALSE(store::ambassador_by_invite(*db, inv.token));
  EXPECT_EQ(store::accept_invitation(*db, inv.token, "h", now).status, store::WriteResult::Status::not_found);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassadors WHERE territory_id = " + id(ta)), 1);

  // Expired: neither read nor accepted.
  exec(*db, "UPDATE ambassadors SET invite_expires_at = " + id(now - 1) + " WHERE id = " + id(inv.ambassador_id));
  EXPECT_FALSE(store::ambassador_by_invite(*db, again.token));
  EXPECT_EQ(store::accept_invitation(*db, again.token, "h", now).status, store::WriteResult::Status::not_found);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM users WHERE email = 'ines.roux@exemple.fr'"), 0);
}

TEST_P(Ambassadors, ApplicationsConflictWithinATerritoryOnly) {
  auto first = store::insert_application(*db, ta, person("Léa", "Petit", "lea.petit@exemple.fr"));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(text(*db, "SELECT status FROM ambassadors WHERE id = " + id(first.id)), "applicant");
  EXPECT_EQ(text(*db, "SELECT unsubscribe_token FROM ambassadors WHERE id = " + id(first.id)).size(), 32u);
  auto twice = store::insert_application(*db, ta, person("Léa", "Petit", "LEA.PETIT@exemple.fr"));
  EXPECT_EQ(twice.status, store::WriteResult::Status::conflict);
  ASSERT_EQ(twice.errors.count("email"), 1u);
  EXPECT_NE(twice.errors.at("email").find("utilise déjà cette adresse"), std::string::npos);
  EXPECT_TRUE(store::insert_application(*db, tb, person("Léa", "Petit", "lea.petit@exemple.fr")).ok())
      << "another territory";
  EXPECT_EQ(store::insert_application(*db, 999999, person("A", "B", "a.b@exemple.fr")).status,
            store::WriteResult::Status::not_found);

  // Invited by e-mail: the application becomes the invitation (same row).
  auto inv = store::invite_ambassador(*db, ta, person("Léa", "Petit", "lea.petit@exemple.fr"), by);
  ASSERT_TRUE(inv.result.ok());
  EXPECT_EQ(inv.ambassador_id, first.id);
  EXPECT_EQ(text(*db, "SELECT status FROM ambassadors WHERE id = " + id(first.id)), "invited");
  ASSERT_TRUE(store::accept_invitation(*db, inv.token, "h", now).ok());
  // An active member's e-mail cannot be invited again, nor apply.
  auto active = store::invite_ambassador(*db, ta, person("Léa", "Petit", "lea.petit@exemple.fr"), by);
  EXPECT_EQ(active.result.status, store::WriteResult::Status::conflict);
  EXPECT_TRUE(active.token.empty());
  EXPECT_EQ(store::insert_application(*db, ta, person("Léa", "Petit", "lea.petit@exemple.fr")).status,
            store::WriteResult::Status::conflict);
}

TEST_P(Ambassadors, DecliningErasesTheApplication) {
  domain::Ambassador a = person("Zoé", "Marchal", "zoe.marchal@exemple.fr");
  a.motivation = "Je veux témoigner.";
  auto app = store::insert_application(*db, ta, a);
  ASSERT_TRUE(app.ok());
  EXPECT_EQ(store::decline_application(*db, tb, app.id, by).status, store::WriteResult::Status::not_found)
      << "another territory";
  ASSERT_TRUE(store::decline_application(*db, ta, app.id, by).ok());
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassadors WHERE id = " + id(app.id) +
                           " AND status = 'declined' AND first_name = '' AND last_name = '' AND email = '' AND "
                           "motivation = '' AND job_title = ''"),
            1);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%zoe%' OR user_label LIKE '%zoe%'"), 0);
  EXPECT_EQ(store::decline_application(*db, ta, app.id, by).status, store::WriteResult::Status::not_found);
  // She may apply again later.
  EXPECT_TRUE(store::insert_application(*db, ta, a).ok());
}

TEST_P(Ambassadors, AcceptingCreatesHerAccountOnce) {
  auto inv = store::invite_ambassador(*db, ta, person("Nora", "Belkacem", "nora@exemple.fr"), by);
  ASSERT_TRUE(inv.result.ok());
  auto acc = store::accept_invitation(*db, inv.token, "the-argon2-hash", now);
  ASSERT_TRUE(acc.ok());
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM users WHERE id = " + id(acc.id) +
                           " AND email = 'nora@exemple.fr' AND display_name = 'Nora Belkacem' AND role = 'ambassador' "
                           "AND territory_id = " +
                           id(ta) + " AND password_hash = 'the-argon2-hash' AND active = 1"),
            1);
  auto a = store::ambassador_by_id(*db, ta, inv.ambassador_id);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->status, "active");
  EXPECT_EQ(a->user_id, acc.id);
  EXPECT_EQ(a->joined_at, now);
  EXPECT_EQ(a->charter_accepted_at, now);
  EXPECT_EQ(store::ambassador_of_user(*db, acc.id)->id, inv.ambassador_id);
  EXPECT_EQ(store::accept_invitation(*db, inv.token, "x", now).status, store::WriteResult::Status::not_found)
      << "the link is spent";

  // An account with that e-mail: linked when it is an ambassador of the territory, refused otherwise.
  auto inv2 = store::invite_ambassador(*db, ta, person("Inès", "Martin", "ines@exemple.fr"), by);  // amb1's e-mail
  auto linked = store::accept_invitation(*db, inv2.token, "ignored", now);
  ASSERT_TRUE(linked.ok());
  EXPECT_EQ(linked.id, amb1);
  EXPECT_EQ(text(*db, "SELECT password_hash FROM users WHERE id = " + id(amb1)), "hash") << "her password is kept";
  auto inv3 = store::invite_ambassador(*db, ta, person("Claire", "C", "coord.a@exemple.fr"), by);  // a coordinator
  auto refused = store::accept_invitation(*db, inv3.token, "h", now);
  EXPECT_EQ(refused.status, store::WriteResult::Status::conflict);
  EXPECT_EQ(refused.errors.count("email"), 1u);
  auto inv4 = store::invite_ambassador(*db, ta, person("Léa", "Durand", "lea@exemple.fr"), by);  // amb_b, territory B
  EXPECT_EQ(store::accept_invitation(*db, inv4.token, "h", now).status, store::WriteResult::Status::conflict);
  EXPECT_EQ(text(*db, "SELECT status FROM ambassadors WHERE id = " + id(inv4.ambassador_id)), "invited");
}

TEST_P(Ambassadors, ProfileRoundTrip) {
  auto [aid, uid] = member("Sarah", "Benali", "sarah.benali@exemple.fr", ta);
  auto a = *store::ambassador_by_id(*db, ta, aid);
  a.email = "autre@exemple.fr";  // her account's address: not changed here
  a.phone = "06 12 34 56 78";
  a.job_title = "Usineuse sur commande numérique";
  a.domain = "usinage";
  a.employer_organisation_id = company;
  a.languages = {"fr", "de"};
  a.home_commune_insee = "25056";
  a.max_km = 45;
  a.weekly = {"mon-am", "thu-pm"};
  a.days_off = {"2027-03-02", "2027-02-15", "2027-03-02"};
  a.max_per_month = 3;
  a.offers = {"talk", "mentor"};
  a.consents = {"name", "job", "path"};
  a.digest = false;
  a.path = {{"Bac pro TRPM", 4, 2015, "Lycée Jules Haag"}, {"BTS CPRP", 5, 2017, ""}, {"Licence pro", 6, 0, ""}};
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  auto b = store::ambassador_by_id(*db, ta, aid);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->email, "sarah.benali@exemple.fr");
  EXPECT_EQ(b->phone, "06 12 34 56 78");
  EXPECT_EQ(b->employer_organisation_id, company);
  EXPECT_EQ(b->employer_name, "Métallerie Comtoise") << "the organisation's name when none is typed";
  EXPECT_EQ(b->languages, (std::vector<std::string>{"fr", "de"}));
  EXPECT_EQ(b->home_commune_name, "Besançon");
  EXPECT_EQ(b->max_km, 45);
  EXPECT_EQ(b->weekly, (std::vector<std::string>{"mon-am", "thu-pm"}));
  EXPECT_EQ(b->days_off, (std::vector<std::string>{"2027-02-15", "2027-03-02"})) << "sorted, once each";
  EXPECT_EQ(b->max_per_month, 3);
  EXPECT_EQ(b->offers, (std::vector<std::string>{"talk", "mentor"}));
  EXPECT_FALSE(b->digest);
  ASSERT_EQ(b->path.size(), 3u);
  EXPECT_EQ(b->path[0].diploma, "Bac pro TRPM");
  EXPECT_EQ(b->path[0].level, 4);
  EXPECT_EQ(b->path[0].year, 2015);
  EXPECT_EQ(b->path[0].school, "Lycée Jules Haag");
  EXPECT_EQ(b->path[2].diploma, "Licence pro");
  EXPECT_EQ(b->path[2].year, 0);
  EXPECT_EQ(b->status, "active") << "status, user and dates are not profile fields";
  EXPECT_EQ(b->user_id, uid);

  // Fewer steps and days replace the old ones.
  b->path = {{"CAP", 3, 2010, ""}};
  b->days_off = {};
  ASSERT_TRUE(store::update_ambassador(*db, *b, by).ok());
  auto c = store::ambassador_by_id(*db, ta, aid);
  EXPECT_EQ(c->path.size(), 1u);
  EXPECT_TRUE(c->days_off.empty());
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassador_steps WHERE ambassador_id = " + id(aid)), 1);

  // Another territory's organisation, another territory's member.
  c->employer_organisation_id = org_b;
  auto bad = store::update_ambassador(*db, *c, by);
  EXPECT_EQ(bad.status, store::WriteResult::Status::invalid);
  EXPECT_EQ(bad.errors.count("employer"), 1u);
  c->employer_organisation_id = 0;
  c->territory_id = tb;
  EXPECT_EQ(store::update_ambassador(*db, *c, by).status, store::WriteResult::Status::not_found);
  EXPECT_FALSE(store::ambassador_by_id(*db, tb, aid));
}

TEST_P(Ambassadors, AWithdrawnConsentLeavesHerPortraitAndTheSearchAtOnce) {
  auto [aid, uid] = member("Amélie", "Rousseau", "amelie@exemple.fr", ta);
  auto a = *store::ambassador_by_id(*db, ta, aid);
  a.consents = {"name", "job", "employer", "quote"};
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  domain::Portrait p;
  p.territory_id = ta;
  p.ambassador_id = aid;
  p.first_name = "Amélie";
  p.last_name = "Rousseau";
  p.job_title = "Technicienne de maintenance";
  p.domain = "maintenance";
  p.employer = "Verrerie Fictive";
  p.quote = "Les machines me parlent.";
  p.consents = {"name", "job", "employer", "quote"};
  p.status = "published";
  auto saved = store::insert_portrait(*db, p, by);
  ASSERT_TRUE(saved.ok());
  std::string pid = id(saved.id);
  EXPECT_NE(text(*db, "SELECT search FROM portraits WHERE id = " + pid).find(domain::search_document_fr("verrerie")),
            std::string::npos);
  store::PortraitFilter f;
  f.query = "verrerie";
  EXPECT_EQ(store::gallery(*db, f).total, 1);

  a.consents = {"name", "job", "quote"};  // the employer withdrawn
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  EXPECT_EQ(text(*db, "SELECT consents FROM portraits WHERE id = " + pid), "name,job,quote");
  EXPECT_EQ(text(*db, "SELECT search FROM portraits WHERE id = " + pid).find(domain::search_document_fr("verrerie")),
            std::string::npos);
  EXPECT_EQ(store::gallery(*db, f).total, 0) << "the search no longer finds her by her employer";
  auto pub = store::portrait_by_slug_public(*db, text(*db, "SELECT slug FROM portraits WHERE id = " + pid));
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->employer, "");
  EXPECT_EQ(pub->quote, "Les machines me parlent.");

  a.consents = {"name", "quote"};  // the job withdrawn: nothing public any more
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  EXPECT_EQ(text(*db, "SELECT search FROM portraits WHERE id = " + pid), "");
  f.query = "";
  EXPECT_EQ(store::gallery(*db, f).total, 0);
  EXPECT_FALSE(store::portrait_by_slug_public(*db, text(*db, "SELECT slug FROM portraits WHERE id = " + pid)));
  // Giving a consent back does not republish anything by itself.
  a.consents = {"name", "job", "employer", "quote"};
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  EXPECT_EQ(text(*db, "SELECT consents FROM portraits WHERE id = " + pid), "name,quote");
}

TEST_P(Ambassadors, ErasingLeavesNoPersonalDataAndKeepsHerActionsCounted) {
  auto [aid, uid] = member("Océane", "Vasseur", "oceane.vasseur@exemple.fr", ta);
  auto a = *store::ambassador_by_id(*db, ta, aid);
  a.phone = "06 11 22 33 44";
  a.home_commune_insee = "25056";
  a.days_off = {"2027-01-04"};
  a.path = {{"Bac pro MELEC", 4, 2012, "Lycée Vasseur"}};
  a.consents = {"name", "job"};
  ASSERT_TRUE(store::update_ambassador(*db, a, by).ok());
  store::insert_session(*db, "session-hash", uid, "csrf");
  // A published portrait, a network, a kit page she wrote, an action she took part in (validated).
  domain::Portrait p;
  p.territory_id = ta;
  p.ambassador_id = aid;
  p.first_name = "Océane";
  p.last_name = "Vasseur";
  p.job_title = "Électrotechnicienne";
  p.consents = {"name", "job"};
  p.status = "published";
  ASSERT_TRUE(store::insert_portrait(*db, p, by).ok());
  exec(*db, "INSERT INTO networks (territory_id, slug, name, created_at, updated_at) VALUES (" + id(ta) +
                ", 'elles-de-la-metallerie', 'Elles de la Métallerie', 1, 1)");
  exec(*db, "INSERT INTO network_members (network_id, ambassador_id, joined_at) SELECT id, " + id(aid) +
                ", 1 FROM networks WHERE slug = 'elles-de-la-metallerie'");
  exec(*db,
       "INSERT INTO audit_log (territory_id, user_id, user_label, at, action, entity, entity_id, detail) VALUES (" +
           id(ta) +
           ", NULL, 'coord.a@exemple.fr', 1, 'update', 'network', 1, "
           "'Elles de la Métallerie (membre : Océane Vasseur)')");
  exec(*db, "UPDATE kit_pages SET updated_by = " + id(uid) +
                ", updated_by_label = 'oceane.vasseur@exemple.fr' WHERE "
                "territory_id = " +
                id(ta));
  domain::Action act = action(ta, "temoignage_classe", "2025-11-20", 60, {12, 10}, {s1});
  act.ambassador_ids = {uid, amb2};
  long long action_id = insert(act);
  set_status(ta, action_id, "validated");
  auto people_sum = [&] {
    return count(*db, "SELECT COALESCE(SUM(people), 0) FROM action_agg WHERE territory_id = " + id(ta));
  };
  long long people_before = people_sum();
  EXPECT_EQ(people_before, 22);

  ASSERT_TRUE(store::erase_ambassador(*db, ta, aid, {uid, "oceane.vasseur@exemple.fr"}).ok());

  // The row keeps id, territory and status only.
  EXPECT_EQ(
      count(*db, "SELECT COUNT(*) FROM ambassadors WHERE id = " + id(aid) +
                     " AND status = 'left' AND user_id IS NULL AND first_name = '' AND last_name = '' AND "
                     "email = '' AND phone = '' AND job_title = '' AND domain = '' AND employer_name = '' AND "
                     "home_commune_insee = '' AND consents = '' AND weekly = '' AND offers = '' AND languages = '' "
                     "AND unsubscribe_token = '' AND invite_token_hash = '' AND charter_accepted_at = 0 AND "
                     "joined_at = 0"),
      1);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassador_steps WHERE ambassador_id = " + id(aid)), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM ambassador_days_off WHERE ambassador_id = " + id(aid)), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM users WHERE id = " + id(uid) + " OR email = 'oceane.vasseur@exemple.fr'"),
            0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM sessions WHERE user_id = " + id(uid)), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM portraits WHERE first_name = 'Océane' OR ambassador_id = " + id(aid)), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM network_members WHERE ambassador_id = " + id(aid)), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM action_ambassadors WHERE user_id = " + id(uid)), 0);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%Vasseur%' OR detail LIKE '%oceane%' OR "
                  "user_label LIKE '%oceane%' OR detail LIKE '%Océane%'"),
            0);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM audit_log WHERE detail = 'Elles de la Métallerie (membre : ancienne "
                  "ambassadrice)'"),
            1);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM kit_pages WHERE updated_by_label LIKE '%oceane%'"), 0);
  EXPECT_GT(count(*db, "SELECT COUNT(*) FROM kit_pages WHERE updated_by_label = 'ancienne ambassadrice'"), 0);
  // Her action stays, with the other ambassador, and counts the same.
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM actions WHERE id = " + id(action_id) + " AND status = 'validated'"), 1);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM action_ambassadors WHERE action_id = " + id(action_id)), 1);
  EXPECT_EQ(people_sum(), people_before);
  // Once only; another territory cannot.
  EXPECT_EQ(store::erase_ambassador(*db, ta, aid, by).status, store::WriteResult::Status::not_found);
  auto [bid, buid] = member("Maëlle", "Quéré", "maelle@exemple.fr", tb);
  EXPECT_EQ(store::erase_ambassador(*db, ta, bid, by).status, store::WriteResult::Status::not_found);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM users WHERE id = " + id(buid)), 1);
}

TEST_P(Ambassadors, OverviewBucketsOnAHandMadeFixture) {
  // today 2026-03-15: the term started on 1 January, the 90 days on 2025-12-15, the 60 days on 2026-01-14.
  const std::string today = "2026-03-15";
  auto [a_id, a_uid] = member("Anne", "Active", "anne@exemple.fr", ta);       // one action in the term
  auto [f_id, f_uid] = member("Flore", "Fort", "flore@exemple.fr", ta);       // three, the most loaded
  auto [b_id, b_uid] = member("Berthe", "Sommeil", "berthe@exemple.fr", ta);  // only an old one: dormant
  auto [c_id, c_uid] = member("Chloé", "Neuve", "chloe@exemple.fr", ta);      // none, joined lately
  auto d = store::invite_ambassador(*db, ta, person("Diane", "Invitée", "diane@exemple.fr"), by);
  auto e = store::insert_application(*db, ta, person("Emma", "Candidate", "emma@exemple.fr"));
  auto e2 = store::insert_application(*db, ta, person("Elsa", "Candidate", "elsa@exemple.fr"));
  member("Gina", "Ailleurs", "gina@exemple.fr", tb);  // another territory
  ASSERT_TRUE(d.result.ok() && e.ok() && e2.ok());
  exec(*db, "UPDATE ambassadors SET joined_at = 1700000000");                                // 2023: not new
  exec(*db, "UPDATE ambassadors SET joined_at = 1773144000 WHERE id = " + id(c_id));         // 2026-03-10 12:00 UTC
  exec(*db, "UPDATE ambassadors SET created_at = created_at + 10 WHERE id = " + id(e2.id));  // Elsa applied later
  auto act = [&](const std::string& day, std::vector<long long> users, const std::string& status) {
    domain::Action x = action(ta, "atelier", day, 60, {5, 5}, {s1});
    x.ambassador_ids = std::move(users);
    long long action_id = insert(x);
    if (status != "declared") set_status(ta, action_id, status, status == "rejected" ? "Doublon" : "");
  };
  act("2026-03-05", {a_uid}, "validated");
  act("2025-12-10", {a_uid}, "validated");  // > 90 days, before the term
  act("2026-02-01", {f_uid}, "validated");
  act("2026-02-20", {f_uid}, "declared");
  act("2026-01-05", {f_uid}, "validated");
  act("2025-12-20", {f_uid}, "validated");         // in the 90 days, before the term
  act("2026-03-01", {f_uid, b_uid}, "rejected");   // never counted
  act("2026-04-01", {f_uid, b_uid}, "validated");  // after today: not yet
  act("2025-09-01", {b_uid}, "validated");

  auto o = store::collective_overview(*db, ta, today);
  EXPECT_EQ(o.term_start, "2026-01-01");
  ASSERT_EQ(o.active.size(), 2u);
  EXPECT_EQ(o.active[0].ambassador.id, f_id);
  EXPECT_EQ(o.active[0].actions_this_term, 3);
  EXPECT_EQ(o.active[0].actions_90_days, 4);
  EXPECT_EQ(o.active[0].last_action_day, "2026-02-20");
  EXPECT_EQ(o.active[1].ambassador.id, a_id);
  EXPECT_EQ(o.active[1].actions_this_term, 1);
  EXPECT_EQ(o.active[1].actions_90_days, 1);
  EXPECT_EQ(o.active[1].last_action_day, "2026-03-05");
  ASSERT_EQ(o.dormant.size(), 2u);
  EXPECT_EQ(o.dormant[0].ambassador.id, c_id) << "never active first";
  EXPECT_EQ(o.dormant[0].last_action_day, "");
  EXPECT_EQ(o.dormant[1].ambassador.id, b_id);
  EXPECT_EQ(o.dormant[1].last_action_day, "2025-09-01");
  EXPECT_EQ(o.dormant[1].actions_this_term, 0);
  ASSERT_EQ(o.newcomers.size(), 2u);
  EXPECT_EQ(o.newcomers[0].ambassador.id, c_id);
  EXPECT_EQ(o.newcomers[1].ambassador.id, d.ambassador_id);
  ASSERT_EQ(o.applicants.size(), 2u);
  EXPECT_EQ(o.applicants[0].id, e.id) << "oldest first";
  EXPECT_EQ(o.applicants[1].id, e2.id);

  EXPECT_EQ(store::collective_overview(*db, ta, "2026-10-02").term_start, "2026-09-01");
  EXPECT_EQ(store::collective_overview(*db, ta, "2026-04-01").term_start, "2026-04-01");
  EXPECT_EQ(store::collective_overview(*db, ta, "2026-08-31").term_start, "2026-04-01");
  EXPECT_TRUE(store::collective_overview(*db, tb, today).active.empty());
  EXPECT_EQ(store::collective_overview(*db, tb, today).dormant.size(), 1u);
}

TEST_P(Ambassadors, UnsubscribeByToken) {
  auto [aid, uid] = member("Ysaline", "Morel", "ysaline@exemple.fr", ta);
  std::string token = store::ambassador_by_id(*db, ta, aid)->unsubscribe_token;
  ASSERT_EQ(token.size(), 32u);
  EXPECT_FALSE(store::unsubscribe_digest(*db, ""));
  EXPECT_FALSE(store::unsubscribe_digest(*db, token + "x"));
  EXPECT_TRUE(store::ambassador_by_id(*db, ta, aid)->digest);
  EXPECT_TRUE(store::unsubscribe_digest(*db, token));
  EXPECT_FALSE(store::ambassador_by_id(*db, ta, aid)->digest);
  EXPECT_TRUE(store::unsubscribe_digest(*db, token)) << "twice is fine";
  ASSERT_TRUE(store::erase_ambassador(*db, ta, aid, by).ok());
  EXPECT_FALSE(store::unsubscribe_digest(*db, token)) << "gone with her";
}

TEST_P(Ambassadors, ListFiltersByStatusDomainAndAccentFreeWords) {
  member("Inès", "Aubert", "ines.aubert@exemple.fr", ta);
  auto v = person("Émilie", "Zola", "emilie@exemple.fr");
  v.domain = "verre";
  v.job_title = "Conductrice de four verrier";
  store::invite_ambassador(*db, ta, v, by);
  store::insert_application(*db, ta, person("Bérénice", "Martin", "berenice@exemple.fr"));
  member("Inès", "Ailleurs", "ines.b@exemple.fr", tb);
  store::AmbassadorFilter f;
  f.territory_id = ta;
  auto all = store::ambassadors_matching(*db, f);
  ASSERT_EQ(all.total, 3);
  EXPECT_EQ(all.rows[0].last_name, "Aubert") << "by last name";
  EXPECT_EQ(all.rows[2].last_name, "Zola");
  f.query = "INES";
  EXPECT_EQ(store::ambassadors_matching(*db, f).total, 1);
  f.query = "four verrier";
  EXPECT_EQ(store::ambassadors_matching(*db, f).rows.at(0).first_name, "Émilie");
  f.query = "";
  f.status = "applicant";
  EXPECT_EQ(store::ambassadors_matching(*db, f).rows.at(0).first_name, "Bérénice");
  f.status = "";
  f.domain = "verre";
  EXPECT_EQ(store::ambassadors_matching(*db, f).total, 1);
  f.domain = "";
  f.per_page = 2;
  f.page = 2;
  auto page2 = store::ambassadors_matching(*db, f);
  EXPECT_EQ(page2.total, 3);
  ASSERT_EQ(page2.rows.size(), 1u);
  EXPECT_EQ(page2.rows[0].last_name, "Zola");
  EXPECT_EQ(page2.pages(), 2);
}

TEST_P(Ambassadors, DigestClaimIsOncePerMonth) {
  auto [aid, uid] = member("Romane", "Leroy", "romane@exemple.fr", ta);
  auto r = store::digest_recipients(*db, "2026-03");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].ambassador_id, aid);
  EXPECT_EQ(r[0].email, "romane@exemple.fr");
  EXPECT_TRUE(store::claim_digest(*db, aid, "2026-03", now));
  EXPECT_FALSE(store::claim_digest(*db, aid, "2026-03", now));
  EXPECT_TRUE(store::digest_recipients(*db, "2026-03").empty());
  EXPECT_EQ(store::digest_recipients(*db, "2026-04").size(), 1u);
}

TEST_P(Ambassadors, CommuneFromWhatSheTyped) {
  exec(*db, "INSERT INTO postal_codes (postal_code, insee) VALUES ('25000', '25056')");
  exec(*db,
       "INSERT INTO communes (insee, name, department, search) VALUES ('25057', 'Bethoncourt', '25', 'bethoncourt')");
  exec(*db, "UPDATE communes SET search = 'besancon' WHERE insee = '25056'");
  exec(*db, "INSERT INTO postal_codes (postal_code, insee) VALUES ('25200', '25057')");
  exec(*db, "INSERT INTO postal_codes (postal_code, insee) VALUES ('25200', '39198')");
  bool ambiguous = false;
  EXPECT_EQ(store::commune_from_input(*db, "25056", ambiguous)->name, "Besançon");
  EXPECT_EQ(store::commune_from_input(*db, "25000", ambiguous)->insee, "25056");
  EXPECT_EQ(store::commune_from_input(*db, "25056 — Besançon (25000)", ambiguous)->postal_code, "25000");
  EXPECT_FALSE(store::commune_from_input(*db, "25200", ambiguous));
  EXPECT_TRUE(ambiguous);
  EXPECT_FALSE(store::commune_from_input(*db, "99999", ambiguous));
  EXPECT_FALSE(ambiguous);
  EXPECT_FALSE(store::commune_from_input(*db, "Besançon", ambiguous)) << "names go through communes_matching";
  auto found = store::communes_matching(*db, "besanc");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].insee, "25056");
  EXPECT_EQ(store::communes_matching(*db, "2520").size(), 2u);
  EXPECT_TRUE(store::communes_matching(*db, "b").empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, Ambassadors, ::testing::ValuesIn(fixture::engines()));
