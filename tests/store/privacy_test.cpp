// Store tests of privacy on every engine: the scheduled purge of minors' data with a faked clock (nothing the day
// before, everything the day after, adults and running programmes untouched, a second run changes nothing), erasure
// on request, the JSON export, the search by name or e-mail, and the register. After a purge or an erasure, every
// column of every table is scanned for the person's marker strings: none may remain.
#include "store/privacy.hpp"

#include <gtest/gtest.h>

#include "action_fixture.hpp"
#include "domain/mentoring.hpp"
#include "domain/plan.hpp"
#include "domain/privacy.hpp"
#include "jobs/privacy_jobs.hpp"
#include "store/mentoring.hpp"
#include "support/marker_scan.hpp"
#include "support/snapshot.hpp"

using namespace passerelles;
using Status = store::WriteResult::Status;

namespace {

// Every personal field of a mentee's application holds "<marker>-<field>".
struct Mentee {
  long long id = 0, pair = 0;
};

}  // namespace

class PrivacyStore : public fixture::ActionWorld {
 protected:
  long long now = 1798700000;  // 2026-12-31 (the clock the purge is given, never the machine's)

  void exec(const std::string& q) {
    db->write([&](soci::session& sql) { sql << q; });
  }
  long long scalar(const std::string& q) {
    return db->read([&](soci::session& sql) {
      long long n = 0;
      sql << q, soci::into(n);
      return n;
    });
  }
  std::string text(const std::string& q) {
    return db->read([&](soci::session& sql) {
      std::string s;
      sql << q, soci::into(s);
      return s;
    });
  }

  long long programme(long long territory, const std::string& ends_on) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, status, created_at, "
             "updated_at) VALUES (:t, 'Elles font l’industrie', 'lyceennes', '2025-09-01', :e, 'open', 1, 1) "
             "RETURNING id",
          soci::use(territory), soci::use(ends_on), soci::into(id);
      return id;
    });
  }

  long long mentor(long long territory, const std::string& first, const std::string& last) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      std::string email = first + "@exemple.fr", token = "unsub-" + first;
      sql << "INSERT INTO ambassadors (territory_id, status, first_name, last_name, email, job_title, "
             "unsubscribe_token, created_at, updated_at) VALUES (:t, 'active', :f, :l, :e, 'soudeuse', :u, 1, 1) "
             "RETURNING id",
          soci::use(territory), soci::use(first), soci::use(last), soci::use(email), soci::use(token), soci::into(id);
      return id;
    });
  }

  // A mentee of `programme` with markers in every personal field, matched with `ambassador` (when given): one
  // meeting, one message, one feedback, and two audit entries that quote her (one about her application, one whose
  // detail names her e-mail).
  Mentee mentee(long long territory, long long programme_id, const std::string& m, bool minor, long long ambassador,
                long long school) {
    Mentee out;
    db->write([&](soci::session& sql) {
      std::string first = m + "-prenom", last = m + "-nom", birth = m + "-naissance", email = m + "-email@exemple.fr",
                  phone = m + "-tel", cls = m + "-classe", commune = m + "-commune", motivation = m + "-motivation",
                  vname = m + "-garant", vmail = m + "-garant@exemple.fr", vtoken = m + "-jeton-garant",
                  gname = m + "-parent", gmail = m + "-parent@exemple.fr", ctoken = m + "-jeton-parent",
                  token = m + "-jeton", otext = m + "-orientation", reason = m + "-retrait";
      int is_minor = minor ? 1 : 0;
      sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name, "
             "birth_month, minor, under_15, sex, email, phone, school_id, class_level, commune_insee, domains, "
             "motivation, voucher_name, voucher_email, vouch_token, vouched_at, guardian_name, guardian_email, "
             "consent_token, consent_at, consent_method, outcome, outcome_text, withdrawn_reason, created_at, "
             "updated_at) VALUES (:p, :t, 'matched', :tk, :f, :l, :b, :mi, :u15, 'F', :e, :ph, :s, :c, :co, "
             "'usinage', :mo, :vn, :vm, :vt, 5, :gn, :gm, :ct, 6, 'email_link', 'bts', :ot, :wr, 2, 3) RETURNING id",
          soci::use(programme_id), soci::use(territory), soci::use(token), soci::use(first), soci::use(last),
          soci::use(birth), soci::use(is_minor), soci::use(is_minor), soci::use(email), soci::use(phone),
          soci::use(school), soci::use(cls), soci::use(commune), soci::use(motivation), soci::use(vname),
          soci::use(vmail), soci::use(vtoken), soci::use(gname), soci::use(gmail), soci::use(ctoken), soci::use(otext),
          soci::use(reason), soci::into(out.id);
      if (ambassador) {
        std::string why = m + "-pourquoi", end = m + "-fin", summary = m + "-compte-rendu", body = m + "-message",
                    comment = m + "-avis";
        sql << "INSERT INTO mentoring_pairs (programme_id, application_id, ambassador_id, status, why, end_reason, "
               "started_at, created_at, updated_at) VALUES (:p, :a, :am, 'active', :w, :e, 4, 4, 4) RETURNING id",
            soci::use(programme_id), soci::use(out.id), soci::use(ambassador), soci::use(why), soci::use(end),
            soci::into(out.pair);
        sql << "INSERT INTO mentoring_meetings (pair_id, day, minutes, mode, summary, created_at) VALUES (:p, "
               "'2026-03-04', 60, 'remote', :s, 5)",
            soci::use(out.pair), soci::use(summary);
        sql << "INSERT INTO mentoring_messages (pair_id, author, body, created_at) VALUES (:p, 'mentee', :b, 6)",
            soci::use(out.pair), soci::use(body);
        sql << "INSERT INTO mentoring_feedback (pair_id, phase, side, rating, comment, created_at) VALUES (:p, 'mid', "
               "'mentee', 4, :c, 7)",
            soci::use(out.pair), soci::use(comment);
      }
      std::string detail = "Candidature de " + first + " " + last, quoted = "Message envoyé à " + email;
      sql << "INSERT INTO audit_log (territory_id, user_label, at, action, entity, entity_id, detail) VALUES (:t, "
             "'coord.a@exemple.fr', 8, 'create', 'mentee_application', :id, :d)",
          soci::use(territory), soci::use(out.id), soci::use(detail);
      sql << "INSERT INTO audit_log (territory_id, user_label, at, action, entity, entity_id, detail) VALUES (:t, "
             "'coord.a@exemple.fr', 9, 'update', 'mentoring_pair', 0, :d)",
          soci::use(territory), soci::use(quoted);
    });
    return out;
  }

  long long offer(long long territory, long long organisation, const std::string& ends_on,
                  const std::string& expires_on) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      sql << "INSERT INTO offers (territory_id, organisation_id, kind, title, starts_on, ends_on, status, expires_on, "
             "created_at, updated_at) VALUES (:t, :o, 'stage_seconde', 'Stage de seconde en usinage', '2026-06-15', "
             ":e, 'published', :x, 1, 1) RETURNING id",
          soci::use(territory), soci::use(organisation), soci::use(ends_on), soci::use(expires_on), soci::into(id);
      return id;
    });
  }

  // An application to `offer_id` with markers in every personal field.
  long long candidate(long long territory, long long offer_id, const std::string& m, bool minor, long long school) {
    return db->write([&](soci::session& sql) {
      long long id = 0;
      std::string first = m + "-prenom", last = m + "-nom", email = m + "-email@exemple.fr", phone = m + "-tel",
                  cls = m + "-classe", message = m + "-message", interview = m + "-entretien", reason = m + "-refus";
      int is_minor = minor ? 1 : 0;
      sql << "INSERT INTO offer_applications (offer_id, territory_id, status, first_name, last_name, email, phone, "
             "sex, minor, school_id, class_level, message, interview_on, decline_reason, sent_at, decided_at, "
             "completed, created_at, updated_at) VALUES (:o, :t, 'accepted', :f, :l, :e, :ph, 'F', :mi, :s, :c, :m, "
             ":i, :r, 10, 11, 1, 10, 11) RETURNING id",
          soci::use(offer_id), soci::use(territory), soci::use(first), soci::use(last), soci::use(email),
          soci::use(phone), soci::use(is_minor), soci::use(school), soci::use(cls), soci::use(message),
          soci::use(interview), soci::use(reason), soci::into(id);
      std::string detail = "Candidature de " + first + " " + last;
      sql << "INSERT INTO audit_log (territory_id, user_label, at, action, entity, entity_id, detail) VALUES (:t, "
             "'coord.a@exemple.fr', 12, 'create', 'offer_application', :id, :d)",
          soci::use(territory), soci::use(id), soci::use(detail);
      return id;
    });
  }

  std::vector<std::string> found(const std::string& marker) { return fixture::tables_containing(*db, marker); }
};

TEST_P(PrivacyStore, PurgeErasesMinorsOnlyTheDayAfterTheirDataExpiresAndOnlyOnce) {
  long long ended = programme(ta, "2026-06-30");    // + 6 months = 2026-12-30: purged from 2026-12-31
  long long running = programme(ta, "2027-06-30");  // still running
  long long mentor_id = mentor(ta, "Nadia", "Mentornom");
  Mentee minor = mentee(ta, ended, "qzxmin1", true, mentor_id, s1);
  Mentee adult = mentee(ta, ended, "qzxadu1", false, mentor_id, s1);
  Mentee later = mentee(ta, running, "qzxmin2", true, mentor_id, s1);
  long long stage = offer(ta, company, "2026-06-30", "2026-05-31");
  long long no_end = offer(ta, company, "", "2026-06-29");  // ends with its expiry: + 6 months = 2026-12-29
  long long c_minor = candidate(ta, stage, "qzxcmin1", true, s1);
  long long c_adult = candidate(ta, stage, "qzxcadu1", false, s1);
  long long c_minor2 = candidate(ta, no_end, "qzxcmin2", true, s2);

  // The scan can see a marker: every fixture value is there before the purge.
  for (const char* m : {"qzxmin1", "qzxadu1", "qzxmin2", "qzxcmin1", "qzxcadu1", "qzxcmin2"})
    EXPECT_FALSE(found(m).empty()) << m;
  EXPECT_EQ(found("qzxmin1-message").size(), 1u);

  // The day before: only the offer without end day (it expired one day earlier) is due.
  auto before = jobs::run_privacy_jobs(*db, "2026-12-30", 6, now - 86400);
  EXPECT_EQ(before.programmes, 0);
  EXPECT_EQ(before.offers, 1);
  EXPECT_EQ(before.candidates, 1);
  EXPECT_TRUE(found("qzxcmin2").empty());
  EXPECT_FALSE(found("qzxmin1").empty()) << "not yet: the programme ended 6 months ago today";
  EXPECT_FALSE(found("qzxcmin1").empty());
  EXPECT_EQ(scalar("SELECT purged_at FROM mentoring_programmes WHERE id = " + std::to_string(ended)), 0);

  // The day after.
  auto after = jobs::run_privacy_jobs(*db, "2026-12-31", 6, now);
  EXPECT_EQ(after.programmes, 1);
  EXPECT_EQ(after.mentees, 1);
  EXPECT_EQ(after.offers, 1);
  EXPECT_EQ(after.candidates, 1);
  for (const char* m : {"qzxmin1", "qzxcmin1", "qzxcmin2"}) {
    auto left = found(m);
    EXPECT_TRUE(left.empty()) << m << " still in " << (left.empty() ? "" : left.front());
  }
  // Adults, and minors of a programme still running, keep everything.
  // (A first name is also in the audit entry about her application.)
  for (auto [m, n] : std::map<std::string, std::size_t>{{"qzxadu1-prenom", 2},
                                                        {"qzxadu1-message", 1},
                                                        {"qzxadu1-avis", 1},
                                                        {"qzxadu1-compte-rendu", 1},
                                                        {"qzxadu1-parent@exemple.fr", 1},
                                                        {"qzxmin2-prenom", 2},
                                                        {"qzxmin2-message", 1},
                                                        {"qzxcadu1-prenom", 2},
                                                        {"qzxcadu1-message", 1}})
    EXPECT_EQ(found(m).size(), n) << m;
  EXPECT_EQ(found("qzxadu1-email@exemple.fr").size(), 2u) << "her row and the audit entry quoting her e-mail";
  EXPECT_EQ(text("SELECT first_name FROM mentee_applications WHERE id = " + std::to_string(adult.id)),
            "qzxadu1-prenom");
  EXPECT_EQ(text("SELECT ambassadors.last_name FROM ambassadors WHERE id = " + std::to_string(mentor_id)), "Mentornom");

  // What the counts need stays.
  std::string m = std::to_string(minor.id);
  EXPECT_EQ(text("SELECT first_name FROM mentee_applications WHERE id = " + m), "Effacée");
  EXPECT_EQ(text("SELECT status || '/' || sex || '/' || minor || '/' || under_15 || '/' || outcome || '/' || domains "
                 "FROM mentee_applications WHERE id = " +
                 m),
            "matched/F/1/1/bts/usinage");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentee_applications WHERE school_id IS NULL AND id = " + m), 1);
  EXPECT_EQ(scalar("SELECT erased_at FROM mentee_applications WHERE id = " + m), now);
  EXPECT_EQ(text("SELECT token FROM mentee_applications WHERE id = " + m).size(), 32u) << "a fresh unusable link";
  EXPECT_EQ(text("SELECT vouch_token FROM mentee_applications WHERE id = " + m).size(), 32u);
  EXPECT_EQ(scalar("SELECT vouched_at + consent_at FROM mentee_applications WHERE id = " + m), 11) << "dates kept";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentoring_messages WHERE pair_id = " + std::to_string(minor.pair)), 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentoring_meetings WHERE pair_id = " + std::to_string(minor.pair)), 1);
  EXPECT_EQ(scalar("SELECT rating FROM mentoring_feedback WHERE pair_id = " + std::to_string(minor.pair)), 4);
  EXPECT_EQ(text("SELECT status FROM mentoring_pairs WHERE id = " + std::to_string(minor.pair)), "active");
  EXPECT_EQ(scalar("SELECT purged_at FROM mentoring_programmes WHERE id = " + std::to_string(ended)), now);
  EXPECT_EQ(scalar("SELECT purged_at FROM mentoring_programmes WHERE id = " + std::to_string(running)), 0);
  std::string c = std::to_string(c_minor);
  EXPECT_EQ(text("SELECT status || '/' || sex || '/' || minor || '/' || completed || '/' || first_name FROM "
                 "offer_applications WHERE id = " +
                 c),
            "accepted/F/1/1/Effacée");
  EXPECT_EQ(scalar("SELECT erased_at FROM offer_applications WHERE id = " + c), now);
  EXPECT_EQ(scalar("SELECT erased_at FROM offer_applications WHERE id = " + std::to_string(c_adult)), 0);
  EXPECT_EQ(scalar("SELECT erased_at FROM offer_applications WHERE id = " + std::to_string(c_minor2)), now - 86400);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM mentee_applications"), 3) << "rows stay for the counts";
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM offer_applications"), 3);

  // The register: one entry per programme or offer, with the rows changed counted by hand. The programme: her
  // application, the message deleted, the meeting, the feedback and the pair blanked, the audit entry about her and
  // the one quoting her e-mail, the programme's purged_at = 8. An offer: the application and its audit entry = 2.
  auto log = store::privacy_log_entries(*db, ta, 10);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].kind, "purge");
  EXPECT_EQ(log[0].done_at, now);
  EXPECT_EQ(log[0].done_by, "");
  std::map<std::string, long long> rows;
  for (const auto& e : log) rows[e.subject + " " + std::to_string(e.subject_id)] = e.rows_changed;
  EXPECT_EQ(rows["programme " + std::to_string(ended)], 8);
  EXPECT_EQ(rows["offer " + std::to_string(stage)], 2);
  EXPECT_EQ(rows["offer " + std::to_string(no_end)], 2);

  // A second run changes nothing.
  std::string before_rerun = fixture::snapshot(*db);
  auto again = jobs::run_privacy_jobs(*db, "2027-01-10", 6, now + 10 * 86400);
  EXPECT_EQ(again.programmes + again.offers + again.mentees + again.candidates, 0);
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM privacy_log"), 3);
  EXPECT_EQ(fixture::snapshot(*db), before_rerun);

  // The exports of the erased records hold nothing of them; the adult's holds hers.
  auto ex = store::export_person(*db, ta, "mentee", minor.id, by, now);
  ASSERT_TRUE(ex);
  EXPECT_EQ(ex->dump().find("qzxmin1"), std::string::npos) << ex->dump();
  auto exc = store::export_person(*db, ta, "candidate", c_minor, by, now);
  ASSERT_TRUE(exc);
  EXPECT_EQ(exc->dump().find("qzxcmin1"), std::string::npos) << exc->dump();
  (void)later;
}

TEST_P(PrivacyStore, ErasureOnRequestLeavesNothingOfHerAndNothingElseChanges) {
  long long p = programme(ta, "2027-06-30");
  long long mentor_id = mentor(ta, "Nadia", "Mentornom");
  Mentee her = mentee(ta, p, "qzxera1", true, mentor_id, s1);
  Mentee other = mentee(ta, p, "qzxoth1", true, mentor_id, s1);
  long long o = offer(ta, company, "2027-06-30", "2027-05-31");
  long long cand = candidate(ta, o, "qzxera2", false, s1);
  long long cand_other = candidate(ta, o, "qzxoth2", false, s1);
  store::Author me{coordinator, "coord.a@exemple.fr"};

  // Another territory's coordinator cannot reach them; unknown subjects and ids are not found.
  EXPECT_EQ(store::erase_person(*db, tb, "mentee", her.id, me, now).status, Status::not_found);
  EXPECT_EQ(store::erase_person(*db, ta, "ambassador", her.id, me, now).status, Status::not_found);
  EXPECT_EQ(store::erase_person(*db, ta, "candidate", her.id + cand + 100, me, now).status, Status::not_found);
  EXPECT_FALSE(store::export_person(*db, tb, "candidate", cand, me, now));
  EXPECT_FALSE(found("qzxera1").empty());

  ASSERT_TRUE(store::erase_person(*db, ta, "mentee", her.id, me, now).ok());
  ASSERT_TRUE(store::erase_person(*db, ta, "candidate", cand, me, now).ok());
  for (const char* m : {"qzxera1", "qzxera2"}) {
    auto left = found(m);
    EXPECT_TRUE(left.empty()) << m << " still in " << (left.empty() ? "" : left.front());
  }
  for (auto [m, n] : std::map<std::string, std::size_t>{{"qzxoth1-prenom", 2},
                                                        {"qzxoth1-message", 1},
                                                        {"qzxoth1-avis", 1},
                                                        {"qzxoth1-garant@exemple.fr", 1},
                                                        {"qzxoth1-pourquoi", 1},
                                                        {"qzxoth1-email@exemple.fr", 2},
                                                        {"qzxoth2-prenom", 2},
                                                        {"qzxoth2-message", 1}})
    EXPECT_EQ(found(m).size(), n) << m;
  EXPECT_EQ(scalar("SELECT erased_at FROM mentee_applications WHERE id = " + std::to_string(other.id)), 0);
  EXPECT_EQ(scalar("SELECT erased_at FROM offer_applications WHERE id = " + std::to_string(cand_other)), 0);
  // Once erased, the record is gone for a second erasure.
  EXPECT_EQ(store::erase_person(*db, ta, "mentee", her.id, me, now).status, Status::not_found);

  auto log = store::privacy_log_entries(*db, ta, 10);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].kind, "erasure");
  EXPECT_EQ(log[0].done_by, "Claire Coordinatrice");
  EXPECT_EQ(log[1].subject, "mentee_application");
  EXPECT_EQ(log[1].subject_id, her.id);
  EXPECT_EQ(log[1].rows_changed, 7) << "application, message, meeting, feedback, pair, two audit entries";
  EXPECT_EQ(log[0].subject, "offer_application");
  EXPECT_EQ(log[0].rows_changed, 2);
  EXPECT_TRUE(store::privacy_log_entries(*db, tb, 10).empty());
  (void)other;
}

TEST_P(PrivacyStore, ExportHoldsEverythingAboutHerButHerSecretLinksAndTheMentorsOtherDetails) {
  long long p = programme(ta, "2027-06-30");
  long long mentor_id = mentor(ta, "Nadia", "Mentornom");
  Mentee her = mentee(ta, p, "qzxexp1", true, mentor_id, s1);
  store::Author me{coordinator, "coord.a@exemple.fr"};
  auto j = store::export_person(*db, ta, "mentee", her.id, me, now);
  ASSERT_TRUE(j);
  const auto& a = (*j)["application"];
  for (const char* field :
       {"first_name", "last_name", "email", "phone", "motivation", "voucher_name", "voucher_email", "guardian_name",
        "guardian_email", "outcome_text", "withdrawn_reason", "class_level", "birth_month"})
    EXPECT_EQ(a.value(field, std::string()).rfind("qzxexp1-", 0), 0u) << field;
  for (const char* secret : {"token", "vouch_token", "consent_token"}) EXPECT_FALSE(a.contains(secret)) << secret;
  EXPECT_EQ(j->dump().find("jeton"), std::string::npos) << "no secret link in the export";
  EXPECT_EQ((*j)["programme"]["name"], "Elles font l’industrie");
  EXPECT_EQ((*j)["school"]["name"], "Collège Victor Hugo");
  ASSERT_EQ((*j)["pairs"].size(), 1u);
  const auto& pair = (*j)["pairs"][0];
  EXPECT_EQ(pair["mentor_first_name"], "Nadia");
  EXPECT_EQ(j->dump().find("Mentornom"), std::string::npos) << "the mentor's first name only";
  EXPECT_EQ(pair["messages"][0]["body"], "qzxexp1-message");
  EXPECT_EQ(pair["meetings"][0]["summary"], "qzxexp1-compte-rendu");
  EXPECT_EQ(pair["feedback"][0]["comment"], "qzxexp1-avis");
  EXPECT_EQ(pair["feedback"][0]["rating"], 4);
  auto log = store::privacy_log_entries(*db, ta, 10);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].kind, "export");
  EXPECT_EQ(log[0].subject_id, her.id);
  for (const auto& where : found("qzxexp1"))
    EXPECT_NE(where.rfind("privacy_log.", 0), 0u) << "the register names no one";
}

TEST_P(PrivacyStore, SearchFindsByNameOrAnyEMailIgnoringCaseAndAccentsInTheTerritoryOnly) {
  long long p = programme(ta, "2027-06-30");
  long long p_b = programme(tb, "2027-06-30");
  db->write([&](soci::session& sql) {
    sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name, "
           "email, guardian_email, voucher_email, minor, created_at, updated_at) VALUES (:p, :t, 'ready', "
           "'tok-zoe-0123456789abcdefghijklmn', 'Zoé', 'M.', '', 'parent.lefevre@exemple.fr', 'cpe@college.fr', 1, 5, "
           "5)",
        soci::use(p), soci::use(ta);
    sql << "INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name, "
           "email, minor, created_at, updated_at) VALUES (:p, :t, 'ready', 'tok-zoe-b123456789abcdefghijklmn', 'Zoé', "
           "'B.', 'zoe.b@exemple.fr', 0, 5, 5)",
        soci::use(p_b), soci::use(tb);
  });
  long long o = offer(ta, company, "2027-06-30", "2027-05-31");
  long long cand = candidate(ta, o, "zoe", false, s1);

  auto hits = store::privacy_search(*db, ta, "ZOE");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].subject, "mentee");
  EXPECT_EQ(hits[0].first_name, "Zoé");
  EXPECT_TRUE(hits[0].minor);
  EXPECT_EQ(hits[0].context, "Elles font l’industrie");
  EXPECT_EQ(hits[1].subject, "candidate");
  EXPECT_EQ(hits[1].id, cand);
  EXPECT_EQ(hits[1].context, "Stage de seconde en usinage — Métallerie Comtoise");
  EXPECT_EQ(store::privacy_search(*db, ta, "lefèvre").size(), 1u) << "the guardian's e-mail";
  EXPECT_EQ(store::privacy_search(*db, ta, "cpe@college").size(), 1u) << "the voucher's e-mail";
  EXPECT_EQ(store::privacy_search(*db, ta, "zoe-email@exemple.fr").size(), 1u);
  EXPECT_EQ(store::privacy_search(*db, ta, "zoé m.").size(), 1u) << "every word";
  EXPECT_TRUE(store::privacy_search(*db, ta, "zoe.b").empty()) << "another territory's";
  EXPECT_TRUE(store::privacy_search(*db, ta, "   ").empty());
  ASSERT_TRUE(store::erase_person(*db, ta, "candidate", cand, by, now).ok());
  EXPECT_EQ(store::privacy_search(*db, ta, "zoe").size(), 1u) << "an erased record is found no more";
  auto rec = store::privacy_record(*db, ta, "candidate", cand);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->first_name, "Effacée");
  EXPECT_FALSE(store::privacy_record(*db, tb, "candidate", cand));
}

// The same guarantee through the real workflow (store/mentoring.hpp), so that whatever those functions write elsewhere
// (audit entries, other columns) is covered too: an under-15 applies, is vouched for, her guardian consents, she is
// matched, writes to her mentor, a meeting and feedback are logged, she declares her orientation. After the purge
// no marker is left. (The offers' workflow: privacy_offer_test.cpp.)
TEST_P(PrivacyStore, PurgeAfterTheRealMentoringWorkflowLeavesNothingOfHer) {
  const std::string today = domain::paris_day(store::now_unix());
  long long t0 = store::now_unix();
  store::Author me{coordinator, "coord.a@exemple.fr"};

  domain::mentoring::Programme prog;
  prog.territory_id = ta;
  prog.name = "Programme de l’année";
  prog.audience = "collegiennes";
  prog.starts_on = domain::add_days(today, -30);
  prog.ends_on = domain::add_days(today, 30);
  prog.status = "open";
  auto pr = store::insert_programme(*db, prog, me);
  ASSERT_TRUE(pr.ok()) << (pr.errors.empty() ? "" : pr.errors.begin()->first + ": " + pr.errors.begin()->second);
  long long mentor_id = mentor(ta, "Nadia", "Mentornom");
  exec("UPDATE ambassadors SET offers = 'mentor,talk', domain = 'usinage' WHERE id = " + std::to_string(mentor_id));
  ASSERT_TRUE(store::join_programme(*db, ta, pr.id, mentor_id, 2, true, me).ok());

  domain::mentoring::Application a;
  a.first_name = "Qzwfprenom";
  a.last_name = "Qzwfnom";
  a.birth_month = std::to_string(std::stoi(today.substr(0, 4)) - 13) + "-01";  // 12 or 13: under 15
  a.school_id = s1;
  a.class_level = "4e";
  a.commune_insee = "25056";
  a.domains = {"usinage"};
  a.motivation = "qzwf motivation";
  a.phone = "06 98 76 54 32";
  a.voucher_name = "Qzwfgarant Prof";
  a.voucher_email = "qzwf.garant@college.fr";
  a.guardian_name = "Qzwfparent Martin";
  a.guardian_email = "qzwf.parent@exemple.fr";
  domain::mentoring::normalise(a, today);
  auto errors = domain::mentoring::validate(a, prog.audience, today);
  ASSERT_TRUE(errors.empty()) << errors.begin()->first << ": " << errors.begin()->second;
  ASSERT_TRUE(a.under_15);
  auto ins = store::insert_mentee_application(*db, pr.id, a);
  ASSERT_TRUE(ins.result.ok());
  std::string app_id = std::to_string(ins.result.id);
  auto vouch = store::vouch_by_token(*db, text("SELECT vouch_token FROM mentee_applications WHERE id = " + app_id), t0);
  ASSERT_TRUE(vouch.result.ok());
  ASSERT_TRUE(store::consent_by_token(*db, vouch.consent_token, t0).ok());
  auto run = store::run_mentoring_matching(*db, ta, pr.id, me);
  ASSERT_TRUE(run.result.ok());
  ASSERT_EQ(run.proposals, 1);
  auto pairs = store::pairs_of(*db, pr.id);
  ASSERT_EQ(pairs.size(), 1u);
  long long pair = pairs[0].id;
  ASSERT_TRUE(store::accept_pair(*db, ta, pair, me).ok());
  ASSERT_TRUE(store::add_message(*db, pair, "mentee", "qzwf message", t0).ok());
  ASSERT_TRUE(store::add_message(*db, pair, "mentor", "Bonjour Qzwfprenom !", t0).ok());
  ASSERT_TRUE(store::add_meeting(*db, pair, today, 45, "remote", "qzwf rencontre", coordinator, t0).ok());
  ASSERT_TRUE(store::add_feedback(*db, pair, "mid", "mentee", 5, "qzwf avis", t0).ok());
  ASSERT_TRUE(store::mentee_set_outcome(*db, ins.token, "bts_but", "qzwf orientation", t0).ok());

  const std::vector<std::string> markers = {"qzwf", "Qzwf", "98 76 54 32", "0698765432"};
  EXPECT_FALSE(found("qzwf message").empty()) << "the scan sees the workflow's data";
  std::string purge_day = domain::add_days(domain::add_months(prog.ends_on, 6), 1);
  auto report = jobs::run_privacy_jobs(*db, purge_day, 6, t0 + 1);
  EXPECT_EQ(report.programmes, 1);
  EXPECT_EQ(report.mentees, 1);
  for (const auto& m : markers) {
    auto left = found(m);
    EXPECT_TRUE(left.empty()) << "« " << m << " » still in " << (left.empty() ? "" : left.front());
  }
  auto j = store::export_person(*db, ta, "mentee", ins.result.id, me, t0 + 2);
  ASSERT_TRUE(j);
  for (const auto& m : markers) EXPECT_EQ(j->dump().find(m), std::string::npos) << m;
  EXPECT_EQ(text("SELECT status || '/' || outcome || '/' || under_15 || '/' || first_name FROM mentee_applications "
                 "WHERE id = " +
                 app_id),
            "matched/bts_but/1/Effacée");
  EXPECT_FALSE(store::mentee_application_by_token(*db, ins.token)) << "her old private link no longer works";
}

INSTANTIATE_TEST_SUITE_P(Engines, PrivacyStore, ::testing::ValuesIn(fixture::engines()));
