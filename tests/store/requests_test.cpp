// Store tests for teachers' intervention requests, on every engine: the territory taken from the school, the
// private token, confirmation, edits that drop proposals and keep the days ambassadors hold, cancellation that
// cancels their assignments, the coordinators' list and its filters, expiry of unconfirmed requests, erasure of
// contact details, and the coordinators' addresses.
#include "store/requests.hpp"

#include <gtest/gtest.h>

#include "action_fixture.hpp"
#include "domain/plan.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

class RequestsStore : public fixture::ActionWorld {
 protected:
  std::string today = domain::paris_day(store::now_unix());

  domain::InterventionRequest request(long long school, const std::vector<std::string>& days,
                                      const std::string& email = "prof@exemple.fr") {
    domain::InterventionRequest r;
    r.school_id = school;
    r.contact_name = "Claire Martin";
    r.email = email;
    r.phone = "06 12 34 56 78";
    r.role = "professeure de technologie";
    r.kind = "visit_company";
    r.class_levels = {"3e", "4e"};
    r.girls = 11;
    r.boys = 14;
    r.needed = 2;
    r.domains = {"chimie", "usinage"};
    r.jobs = "technicienne de maintenance";
    r.language = "en";
    r.message = "Classe très curieuse.";
    r.days = days;
    return r;
  }

  store::RequestInsert insert(const domain::InterventionRequest& r) {
    auto out = store::insert_request(*db, r);
    EXPECT_TRUE(out.result.ok()) << (out.result.errors.empty() ? "" : out.result.errors.begin()->second);
    return out;
  }

  long long scalar(const std::string& q) {
    return db->read([&](soci::session& sql) {
      long long n = 0;
      sql << q, soci::into(n);
      return n;
    });
  }

  void exec(const std::string& q) {
    db->write([&](soci::session& sql) { sql << q; });
  }

  long long ambassador(long long territory, const std::string& first, const std::string& job) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      std::string email = first + "@exemple.fr", token = "unsub-" + first;
      sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, "
             "unsubscribe_token, created_at, updated_at) VALUES (:t, 'active', :f, 'Nom', :e, :j, :u, 1, 1) "
             "RETURNING id",
          soci::use(territory), soci::use(first), soci::use(email), soci::use(job), soci::use(token), soci::into(id);
      return id;
    });
  }

  long long assignment(long long request_id, long long ambassador_id, const std::string& day,
                       const std::string& status) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      std::string token = "resp-" + std::to_string(request_id) + "-" + std::to_string(ambassador_id) + "-" + status;
      sql << "INSERT INTO request_assignments (request_id, ambassador_id, day, status, response_token, created_at, "
             "updated_at) VALUES (:r, :a, :d, :s, :t, 1, 1) RETURNING id",
          soci::use(request_id), soci::use(ambassador_id), soci::use(day), soci::use(status), soci::use(token),
          soci::into(id);
      return id;
    });
  }
};

TEST_P(RequestsStore, InsertTakesTheTerritoryOfTheSchoolAndAFreshToken) {
  EXPECT_EQ(store::territory_of_school(*db, s1), ta);
  EXPECT_EQ(store::territory_of_school(*db, s4), ta);  // Jura: the second département of A
  EXPECT_EQ(store::territory_of_school(*db, s5), tb);
  EXPECT_EQ(store::territory_of_school(*db, s6), 0);  // Haute-Saône: no territory
  EXPECT_EQ(store::territory_of_school(*db, 999999), 0);

  std::string d1 = domain::add_days(today, 10), d2 = domain::add_days(today, 12);
  auto a = insert(request(s3, {d1, d2}));
  auto b = insert(request(s5, {d1}));
  EXPECT_EQ(a.token.size(), 32u);
  EXPECT_NE(a.token, b.token);

  auto r = store::request_by_token(*db, a.token);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->id, a.result.id);
  EXPECT_EQ(r->territory_id, ta);
  EXPECT_EQ(r->territory_slug, "cmq-a");
  EXPECT_EQ(r->status, "unconfirmed");
  EXPECT_FALSE(r->confirmed());
  EXPECT_EQ(r->school_name, "Collège Diderot");
  EXPECT_EQ(r->school_uai, "0251307K");
  EXPECT_EQ(r->school_priority, "REP+");
  EXPECT_EQ(r->class_levels, (std::vector<std::string>{"3e", "4e"}));
  EXPECT_EQ(r->domains, (std::vector<std::string>{"chimie", "usinage"}));
  EXPECT_EQ(r->days, (std::vector<std::string>{d1, d2}));
  EXPECT_EQ(r->girls, 11);
  EXPECT_EQ(r->boys, 14);
  EXPECT_EQ(r->needed, 2);
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->kind, "visit_company");
  EXPECT_EQ(store::request_by_token(*db, b.token)->territory_id, tb);

  // By id, only in its own territory.
  EXPECT_TRUE(store::request_by_id(*db, ta, a.result.id));
  EXPECT_FALSE(store::request_by_id(*db, tb, a.result.id));
  EXPECT_FALSE(store::request_by_token(*db, "inconnu"));
  EXPECT_FALSE(store::request_by_token(*db, ""));

  // A school in no territory, or unknown: refused under school_id, nothing stored.
  long long before = fixture::count_rows(*db, "intervention_requests");
  for (long long school : {s6, 0LL, 999999LL}) {
    auto refused = store::insert_request(*db, request(school, {d1}));
    EXPECT_EQ(refused.result.status, Status::invalid);
    EXPECT_TRUE(refused.result.errors.count("school_id"));
  }
  EXPECT_EQ(fixture::count_rows(*db, "intervention_requests"), before);
}

TEST_P(RequestsStore, ConfirmOpensOnceAndRefusesCancelled) {
  auto a = insert(request(s1, {domain::add_days(today, 5)}));
  EXPECT_EQ(store::confirm_request(*db, a.token, 1000).status, Status::ok);
  auto r = store::request_by_token(*db, a.token);
  EXPECT_EQ(r->status, "open");
  EXPECT_EQ(r->confirmed_at, 1000);
  // A second follow changes nothing.
  EXPECT_EQ(store::confirm_request(*db, a.token, 2000).status, Status::ok);
  EXPECT_EQ(store::request_by_token(*db, a.token)->confirmed_at, 1000);
  EXPECT_EQ(store::confirm_request(*db, "inconnu", 1).status, Status::not_found);

  auto b = insert(request(s1, {domain::add_days(today, 5)}));
  ASSERT_TRUE(store::cancel_request(*db, b.token, "", 10).result.ok());
  auto refused = store::confirm_request(*db, b.token, 20);
  EXPECT_EQ(refused.status, Status::conflict);
  EXPECT_TRUE(refused.errors.count("status"));
  EXPECT_EQ(store::request_by_token(*db, b.token)->confirmed_at, 0);
}

TEST_P(RequestsStore, UpdateDropsProposalsAndKeepsHeldDays) {
  std::string d1 = domain::add_days(today, 10), d2 = domain::add_days(today, 11), d3 = domain::add_days(today, 20);
  auto a = insert(request(s1, {d1, d2}));
  ASSERT_TRUE(store::confirm_request(*db, a.token, 5).ok());
  long long id = a.result.id;
  long long ines = ambassador(ta, "ines", "Usineuse"), sarah = ambassador(ta, "sarah", "Chimiste");
  assignment(id, ines, d1, "proposed");
  long long held = assignment(id, sarah, d2, "accepted");

  // Removing d2, which Sarah accepted, is refused and changes nothing.
  auto changed = request(s2, {d1, d3}, "autre@exemple.fr");
  auto refused = store::update_request(*db, a.token, changed, 50);
  EXPECT_EQ(refused.status, Status::invalid);
  ASSERT_TRUE(refused.errors.count("dates"));
  EXPECT_NE(refused.errors.at("dates").find(domain::format_day_fr(d2)), std::string::npos)
      << refused.errors.at("dates");
  EXPECT_EQ(store::request_by_token(*db, a.token)->email, "prof@exemple.fr");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE status = 'proposed'"), 1);

  // Fewer people than those already asked: refused under needed.
  auto one = request(s1, {d1, d2});
  one.needed = 1;
  ASSERT_EQ(store::update_request(*db, a.token, one, 50).status, Status::ok) << "one held place fits one";
  assignment(id, ines, d2, "invited");
  auto zero_left = store::update_request(*db, a.token, one, 51);
  EXPECT_EQ(zero_left.status, Status::invalid);
  EXPECT_TRUE(zero_left.errors.count("needed"));

  // Keeping d2: saved; days replaced; proposals dropped; held assignments untouched.
  changed.days = {d2, d3};
  ASSERT_EQ(store::update_request(*db, a.token, changed, 60).status, Status::ok);
  auto r = store::request_by_token(*db, a.token);
  EXPECT_EQ(r->email, "autre@exemple.fr");
  EXPECT_EQ(r->school_id, s2);
  EXPECT_EQ(r->days, (std::vector<std::string>{d2, d3}));
  EXPECT_EQ(r->updated_at, 60);
  EXPECT_EQ(r->status, "open");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE status = 'proposed'"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE id = " + std::to_string(held) +
                   " AND status = 'accepted'"),
            1);

  // Moving to a school of another territory while ambassadors are asked: refused.
  auto moved = store::update_request(*db, a.token, request(s5, {d2, d3}), 70);
  EXPECT_EQ(moved.status, Status::invalid);
  EXPECT_TRUE(moved.errors.count("school_id"));
  EXPECT_EQ(store::request_by_token(*db, a.token)->territory_id, ta);

  // Unknown token; a confirmed (fixed) request cannot change.
  EXPECT_EQ(store::update_request(*db, "inconnu", changed, 1).status, Status::not_found);
  exec("UPDATE intervention_requests SET status = 'confirmed' WHERE id = " + std::to_string(id));
  EXPECT_EQ(store::update_request(*db, a.token, changed, 80).status, Status::conflict);
}

TEST_P(RequestsStore, UnconfirmedRequestMayMoveToAnotherTerritory) {
  std::string d1 = domain::add_days(today, 10);
  auto a = insert(request(s1, {d1}));
  ASSERT_EQ(store::update_request(*db, a.token, request(s5, {d1}), 9).status, Status::ok);
  EXPECT_EQ(store::request_by_token(*db, a.token)->territory_id, tb);
}

TEST_P(RequestsStore, CancelCancelsHeldAssignmentsAndDropsProposals) {
  std::string d1 = domain::add_days(today, 10);
  auto a = insert(request(s1, {d1}));
  ASSERT_TRUE(store::confirm_request(*db, a.token, 5).ok());
  long long id = a.result.id;
  long long ines = ambassador(ta, "ines", "Usineuse"), sarah = ambassador(ta, "sarah", "Chimiste"),
            nadia = ambassador(ta, "nadia", "Qualiticienne"), lea = ambassador(ta, "lea", "Soudeuse");
  long long invited = assignment(id, ines, d1, "invited");
  long long accepted = assignment(id, sarah, d1, "accepted");
  assignment(id, nadia, d1, "proposed");
  long long declined = assignment(id, lea, d1, "declined");

  auto c = store::cancel_request(*db, a.token, "  Sortie annulée par le collège  ", 100);
  ASSERT_TRUE(c.result.ok());
  EXPECT_EQ(c.assignment_ids, (std::vector<long long>{invited, accepted}));
  auto r = store::request_by_token(*db, a.token);
  EXPECT_EQ(r->status, "cancelled");
  EXPECT_EQ(r->cancel_reason, "Sortie annulée par le collège");
  EXPECT_EQ(r->cancelled_by, "teacher");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE status = 'cancelled' AND cancelled_by = 'teacher' "
                   "AND cancel_reason = 'Sortie annulée par le collège'"),
            2);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE status = 'proposed'"), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_assignments WHERE id = " + std::to_string(declined) +
                   " AND status = 'declined'"),
            1);
  // Twice: conflict; unknown: not found.
  EXPECT_EQ(store::cancel_request(*db, a.token, "", 101).result.status, Status::conflict);
  EXPECT_EQ(store::cancel_request(*db, "inconnu", "", 101).result.status, Status::not_found);

  // The coordinator, in her territory only; the audit log says so.
  auto b = insert(request(s1, {d1}));
  store::Author by{coordinator, "coord.a@exemple.fr"};
  EXPECT_EQ(store::cancel_request_by_coordinator(*db, tb, b.result.id, "x", by).result.status, Status::not_found);
  EXPECT_EQ(store::request_by_token(*db, b.token)->status, "unconfirmed");
  auto byc = store::cancel_request_by_coordinator(*db, ta, b.result.id, "Doublon", by);
  ASSERT_TRUE(byc.result.ok());
  EXPECT_TRUE(byc.assignment_ids.empty());
  EXPECT_EQ(store::request_by_token(*db, b.token)->cancelled_by, "coordinator");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'cancel_request' AND entity_id = " +
                   std::to_string(b.result.id)),
            1);
}

TEST_P(RequestsStore, ListFiltersByStatusShortageAndWords) {
  std::string d1 = domain::add_days(today, 10);
  auto unconfirmed = insert(request(s1, {d1}, "a@exemple.fr"));
  auto open1 = insert(request(s3, {d1}, "b@exemple.fr"));
  auto open2 = insert(request(s4, {d1}, "c@exemple.fr"));
  auto other = insert(request(s5, {d1}, "d@exemple.fr"));
  for (const auto* t : {&open1, &open2, &other}) ASSERT_TRUE(store::confirm_request(*db, t->token, 5).ok());
  exec("UPDATE intervention_requests SET shortage_reason = 'personne dans ce domaine' WHERE id = " +
       std::to_string(open2.result.id));
  exec("UPDATE intervention_requests SET contact_name = 'Élodie Bérard' WHERE id = " + std::to_string(open1.result.id));

  auto ids = [](const store::Page<domain::InterventionRequest>& p) {
    std::vector<long long> out;
    for (const auto& r : p.rows) out.push_back(r.id);
    return out;
  };
  store::RequestFilter f;
  f.territory_id = ta;
  auto all = store::requests_matching(*db, f);
  EXPECT_EQ(all.total, 2);  // unconfirmed hidden, other territory hidden
  EXPECT_EQ(ids(all), (std::vector<long long>{open2.result.id, open1.result.id}));  // newest first
  EXPECT_EQ(all.rows.front().days, std::vector<std::string>{d1});

  f.status = "unconfirmed";
  EXPECT_EQ(ids(store::requests_matching(*db, f)), std::vector<long long>{unconfirmed.result.id});
  f.status = "";
  f.shortage_only = true;
  EXPECT_EQ(ids(store::requests_matching(*db, f)), std::vector<long long>{open2.result.id});
  f.shortage_only = false;
  f.query = "diderot";
  EXPECT_EQ(ids(store::requests_matching(*db, f)), std::vector<long long>{open1.result.id});
  f.query = "elodie berard";  // accents folded on both sides
  EXPECT_EQ(ids(store::requests_matching(*db, f)), std::vector<long long>{open1.result.id});
  f.query = "DUHAMEL 0390786T";
  EXPECT_EQ(ids(store::requests_matching(*db, f)), std::vector<long long>{open2.result.id});
  f.query = "";
  f.per_page = 1;
  f.page = 2;
  auto p2 = store::requests_matching(*db, f);
  EXPECT_EQ(p2.total, 2);
  EXPECT_EQ(ids(p2), std::vector<long long>{open1.result.id});
}

TEST_P(RequestsStore, ExpiryDeletesOldUnconfirmedOnly) {
  std::string d1 = domain::add_days(today, 10);
  auto old_unconfirmed = insert(request(s1, {d1}));
  auto old_confirmed = insert(request(s1, {d1}));
  auto fresh = insert(request(s1, {d1}));
  ASSERT_TRUE(store::confirm_request(*db, old_confirmed.token, 5).ok());
  long long now = store::now_unix();
  exec("UPDATE intervention_requests SET created_at = " + std::to_string(now - 49 * 3600) + " WHERE id IN (" +
       std::to_string(old_unconfirmed.result.id) + ", " + std::to_string(old_confirmed.result.id) + ")");
  EXPECT_EQ(store::expire_unconfirmed_requests(*db, now, 48 * 3600), 1);
  EXPECT_FALSE(store::request_by_token(*db, old_unconfirmed.token));
  EXPECT_TRUE(store::request_by_token(*db, old_confirmed.token));
  EXPECT_TRUE(store::request_by_token(*db, fresh.token));
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM request_days WHERE request_id = " + std::to_string(old_unconfirmed.result.id)),
            0);
  EXPECT_EQ(store::expire_unconfirmed_requests(*db, now, 48 * 3600), 0);
}

TEST_P(RequestsStore, AnonymiseErasesContactsOfPastRequests) {
  auto past = insert(request(s1, {"2025-01-06", "2025-01-07"}));
  auto fixed_past = insert(request(s1, {"2025-03-03", "2026-12-01"}));
  auto future = insert(request(s1, {"2025-01-06", "2030-01-07"}));
  exec("UPDATE intervention_requests SET day = '2025-03-03', status = 'done' WHERE id = " +
       std::to_string(fixed_past.result.id));
  EXPECT_EQ(store::anonymise_requests(*db, "2025-06-01"), 2);
  auto r = store::request_by_token(*db, past.token);
  EXPECT_TRUE(r->anonymised);
  EXPECT_EQ(r->email, "");
  EXPECT_EQ(r->contact_name, "");
  EXPECT_EQ(r->phone, "");
  EXPECT_EQ(r->message, "");
  EXPECT_EQ(r->girls, 11) << "counts are kept";
  EXPECT_TRUE(store::request_by_token(*db, fixed_past.token)->anonymised) << "its fixed day is past";
  EXPECT_FALSE(store::request_by_token(*db, future.token)->anonymised);
  EXPECT_EQ(store::request_by_token(*db, future.token)->email, "prof@exemple.fr");
  EXPECT_EQ(store::anonymise_requests(*db, "2025-06-01"), 0);
}

TEST_P(RequestsStore, CoordinatorEmailsAndAmbassadorsShown) {
  user("coord.a2@exemple.fr", "Autre", domain::Role::coordinator, ta);
  user("coord.b@exemple.fr", "B", domain::Role::coordinator, tb);
  long long gone = user("ancienne@exemple.fr", "Partie", domain::Role::coordinator, ta);
  exec("UPDATE users SET active = 0 WHERE id = " + std::to_string(gone));
  EXPECT_EQ(store::coordinator_emails(*db, ta),
            (std::vector<std::string>{"coord.a2@exemple.fr", "coord.a@exemple.fr"}));
  EXPECT_EQ(store::coordinator_emails(*db, tb), std::vector<std::string>{"coord.b@exemple.fr"});

  std::string d1 = domain::add_days(today, 10);
  auto a = insert(request(s1, {d1}));
  long long ines = ambassador(ta, "ines", "Usineuse"), sarah = ambassador(ta, "sarah", "Chimiste");
  assignment(a.result.id, ines, d1, "accepted");
  assignment(a.result.id, sarah, d1, "invited");
  auto shown = store::request_ambassadors(*db, a.result.id);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0].first_name, "ines");
  EXPECT_EQ(shown[0].job_title, "Usineuse");
}

INSTANTIATE_TEST_SUITE_P(Engines, RequestsStore, ::testing::ValuesIn(fixture::engines()));
