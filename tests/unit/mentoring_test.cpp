// Unit tests for mentoring rules: the age from a birth month at the birthday boundaries, the application's checks
// and statuses, the consent gate, the pair costs (availability, distance vs remote, domains, load) and optimality
// of the engine on a small instance computed by hand.
#include "domain/mentoring.hpp"

#include <gtest/gtest.h>

using namespace passerelles;
namespace mt = domain::mentoring;

namespace {

TEST(MentoringAge, BirthdayBoundaries) {
  struct Case {
    const char* birth;
    const char* day;
    int age;
  } cases[] = {
      {"2012-03", "2027-03-31", 14},  // counted as born on 31 March: 15 only from 1 April
      {"2012-03", "2027-04-01", 15}, {"2012-03", "2027-02-28", 14}, {"2009-11", "2027-11-30", 17},
      {"2009-11", "2027-12-01", 18}, {"2009-12", "2027-12-31", 17}, {"2009-12", "2028-01-01", 18},
      {"1990-01", "2026-11-28", 36},
  };
  for (const auto& c : cases) {
    auto age = mt::age_on(c.birth, c.day);
    ASSERT_TRUE(age) << c.birth;
    EXPECT_EQ(*age, c.age) << c.birth << " on " << c.day;
  }
  EXPECT_FALSE(mt::age_on("2012-13", "2027-01-01"));
  EXPECT_FALSE(mt::age_on("2012-3", "2027-01-01"));
  EXPECT_FALSE(mt::age_on("abcd-01", "2027-01-01"));
  EXPECT_FALSE(mt::age_on("2012-03", "2027-02-30"));
}

TEST(MentoringAge, MinorAndUnder15SetByNormalise) {
  mt::Application a;
  a.birth_month = "2012-03";
  a.last_name = "Bernard";
  a.email = "Lina@Exemple.fr";
  a.phone = "06 12 34 56 78";
  mt::normalise(a, "2027-03-31");
  EXPECT_TRUE(a.minor);
  EXPECT_TRUE(a.under_15);
  EXPECT_EQ(a.last_name, "B");
  EXPECT_EQ(a.email, "");  // an under-15 gives no e-mail
  EXPECT_EQ(a.phone, "");
  a.birth_month = "2012-03";
  a.email = "Lina@Exemple.fr";
  mt::normalise(a, "2027-04-01");
  EXPECT_TRUE(a.minor);
  EXPECT_FALSE(a.under_15);
  EXPECT_EQ(a.email, "lina@exemple.fr");
  a.birth_month = "2009-11";
  mt::normalise(a, "2027-12-01");
  EXPECT_FALSE(a.minor);
  EXPECT_EQ(a.display_name(), " B.");
}

mt::Application adult() {
  mt::Application a;
  a.first_name = "Amélie";
  a.last_name = "Roux";
  a.birth_month = "1995-06";
  a.email = "amelie@exemple.fr";
  a.motivation = "Changer de métier.";
  return a;
}

mt::Application pupil(const char* birth) {
  mt::Application a;
  a.first_name = "Lina";
  a.last_name = "Bernard";
  a.birth_month = birth;
  a.school_id = 3;
  a.class_level = "3e";
  a.voucher_name = "Mme Prof";
  a.voucher_email = "prof@ac-besancon.fr";
  a.motivation = "Découvrir l’usinage.";
  return a;
}

TEST(MentoringValidation, Messages) {
  const std::string today = "2027-01-15";
  auto a = adult();
  mt::normalise(a, today);
  EXPECT_TRUE(mt::validate(a, "reconversion", today).empty());
  a.email.clear();
  EXPECT_EQ(mt::validate(a, "reconversion", today).at("email"),
            "Indiquez votre adresse e-mail : votre lien de suivi y est envoyé.");
  auto b = adult();
  mt::normalise(b, today);
  EXPECT_EQ(mt::validate(b, "lyceennes", today).at("birth_month"),
            "Ce programme est réservé aux collégiennes et lycéennes mineures.");
  b.birth_month = "15/06/1995";
  EXPECT_EQ(mt::validate(b, "reconversion", today).at("birth_month"),
            "Indiquez le mois de naissance sous la forme aaaa-mm, par exemple 2010-04.");

  // A 16-year-old: school contact required, her own e-mail optional, no guardian.
  auto p = pupil("2010-06");
  mt::normalise(p, today);
  EXPECT_TRUE(p.minor);
  EXPECT_FALSE(p.under_15);
  EXPECT_TRUE(mt::validate(p, "lyceennes", today).empty());
  p.voucher_email = "pas-une-adresse";
  p.school_id = 0;
  auto e = mt::validate(p, "lyceennes", today);
  EXPECT_EQ(e.at("voucher_email"), "Cette adresse e-mail n’est pas valide.");
  EXPECT_EQ(e.at("school"), "Choisissez votre établissement dans la liste.");
  EXPECT_FALSE(e.count("guardian_email"));

  // A 13-year-old: the guardian's name and e-mail are required.
  auto u = pupil("2013-05");
  mt::normalise(u, today);
  EXPECT_TRUE(u.under_15);
  auto eu = mt::validate(u, "collegiennes", today);
  EXPECT_EQ(eu.at("guardian_name"), "Avant 15 ans, indiquez le nom de votre parent ou responsable légal.");
  EXPECT_EQ(eu.at("guardian_email"),
            "Avant 15 ans, indiquez l’adresse e-mail de votre parent : son accord est demandé.");
  u.guardian_name = "M. Bernard";
  u.guardian_email = "parent@exemple.fr";
  EXPECT_TRUE(mt::validate(u, "collegiennes", today).empty());
  u.domains = {"cuisine"};
  u.weekly = {"sun-am"};
  auto ed = mt::validate(u, "collegiennes", today);
  EXPECT_EQ(ed.at("domains"), "Choisissez des domaines de la liste.");
  EXPECT_EQ(ed.at("weekly"), "Choisissez des demi-journées de la liste.");
}

TEST(MentoringValidation, ProgrammeAndOthers) {
  mt::Programme p;
  p.name = "Marrainage 2027";
  p.audience = "lyceennes";
  p.starts_on = "2027-01-10";
  p.ends_on = "2027-01-01";
  auto e = mt::validate(p);
  EXPECT_EQ(e.at("ends_on"), "La fin du programme doit suivre son début.");
  p.ends_on = "2027-06-30";
  EXPECT_TRUE(mt::validate(p).empty());
  EXPECT_EQ(p.middle_day(), "2027-04-05");  // 171 days: + 85
  p.audience = "enfants";
  EXPECT_EQ(mt::validate(p).at("audience"), "Choisissez le public du programme.");
  EXPECT_EQ(mt::validate_meeting("2027-02-30", 3, "fax", "").size(), 3u);
  EXPECT_TRUE(mt::validate_meeting("2027-02-03", 60, "remote", "Premier échange").empty());
  EXPECT_EQ(mt::validate_message("   ").at("body"), "Écrivez votre message.");
  EXPECT_EQ(mt::validate_feedback("mid", 6, "").at("rating"), "Choisissez une note de 1 à 5.");
  EXPECT_TRUE(mt::validate_feedback("end", 5, "Merci").empty());
}

TEST(MentoringStatus, VouchConsentAndGate) {
  auto a = adult();
  mt::normalise(a, "2027-01-15");
  EXPECT_EQ(mt::initial_status(a), "ready");
  a.status = "ready";
  EXPECT_TRUE(mt::contact_allowed(a));

  auto s = pupil("2010-06");
  mt::normalise(s, "2027-01-15");
  EXPECT_EQ(mt::initial_status(s), "submitted");
  s.status = "ready";  // even marked ready, without the vouch she may not be contacted
  EXPECT_FALSE(mt::contact_allowed(s));
  s.vouched_at = 10;
  EXPECT_EQ(mt::status_after_vouch(s), "ready");
  EXPECT_TRUE(mt::contact_allowed(s));

  auto u = pupil("2013-05");
  mt::normalise(u, "2027-01-15");
  u.vouched_at = 10;
  EXPECT_EQ(mt::status_after_vouch(u), "awaiting_consent");
  u.status = "ready";
  EXPECT_FALSE(mt::contact_allowed(u));
  u.consent_at = 20;
  EXPECT_EQ(mt::status_after_vouch(u), "ready");
  EXPECT_TRUE(mt::contact_allowed(u));
  u.status = "withdrawn";
  EXPECT_FALSE(mt::contact_allowed(u));
}

// C0 at 47.0 N 6.0 E; 0.1° of latitude = 11.119 km, × 1.3 by road = 14.455 km, × 10 per km = 145.
mt::MenteeSide mentee(const std::string& id, double lat, std::vector<std::string> weekly,
                      std::vector<std::string> domains, bool remote = true) {
  mt::MenteeSide m;
  m.id = id;
  m.lat = lat;
  m.lon = 6.0;
  m.weekly = std::move(weekly);
  m.domains = std::move(domains);
  m.remote_ok = remote;
  return m;
}
mt::MentorSide mentor(const std::string& id, double lat, std::vector<std::string> weekly, std::string domain,
                      int capacity, int load = 0, bool remote = true, double max_km = 30) {
  mt::MentorSide a;
  a.id = id;
  a.lat = lat;
  a.lon = 6.0;
  a.weekly = std::move(weekly);
  a.domains = {std::move(domain)};
  a.capacity = capacity;
  a.load = load;
  a.remote = remote;
  a.max_km = max_km;
  return a;
}

TEST(MentoringPairCost, Constraints) {
  auto m = mentee("m", 47.0, {"wed-pm", "thu-am"}, {"usinage"});
  // Near, shared domain and half-day: 145.
  auto o = mt::pair_option(m, mentor("a", 47.1, {"wed-pm"}, "usinage", 1), true);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->cost, 145);
  EXPECT_FALSE(o->remote);
  EXPECT_NEAR(o->distance_km, 14.455, 0.01);
  EXPECT_EQ(o->why, "14 km, usinage, mercredi après-midi");
  // No common half-day: refused, even by video.
  EXPECT_FALSE(mt::pair_option(m, mentor("a", 47.0, {"mon-am"}, "usinage", 1), true));
  // Either lists none: any day.
  EXPECT_TRUE(mt::pair_option(m, mentor("a", 47.0, {}, "usinage", 1), true));
  // Too far (1° = 144.5 km by road): remote when both accept and the programme allows it.
  auto far = mentor("a", 48.0, {"thu-am"}, "chimie", 1);
  auto r = mt::pair_option(m, far, true);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->remote);
  EXPECT_EQ(r->cost, 400 + 300);  // remote + domain mismatch
  EXPECT_EQ(r->why, "à distance, jeudi matin");
  EXPECT_FALSE(mt::pair_option(m, far, false));  // the programme does not allow it
  far.remote = false;
  EXPECT_FALSE(mt::pair_option(m, far, true));  // she does not accept video
  auto m2 = m;
  m2.remote_ok = false;
  EXPECT_FALSE(mt::pair_option(m2, mentor("a", 48.0, {}, "usinage", 1), true));
  // Her max_km: 10 km refuses the 14 km pair (remote then).
  auto near_short = mt::pair_option(m, mentor("a", 47.1, {}, "usinage", 1, 0, true, 10), true);
  ASSERT_TRUE(near_short);
  EXPECT_TRUE(near_short->remote);
  // Load: + 100 per active pair.
  auto loaded = mt::pair_option(m, mentor("a", 47.1, {}, "usinage", 3, 2), true);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->cost, 145 + 200);
  // No commune for her: only remote.
  mt::MenteeSide nowhere = m;
  nowhere.lat.reset();
  auto nw = mt::pair_option(nowhere, mentor("a", 47.0, {}, "usinage", 1), true);
  ASSERT_TRUE(nw);
  EXPECT_TRUE(nw->remote);
  EXPECT_EQ(nw->cost, 400);
}

TEST(MentoringPairCost, OptimalOnSmallInstanceAndCapacity) {
  // Two mentees, two mentors of capacity 1:
  //   m1 at 47.0: A (47.1, usinage) 145, B (47.0, chimie) 0 + 300 = 300
  //   m2 at 47.0 (chimie): A 145 + 300 = 445, B 0
  // The optimum is m1–A (145) + m2–B (0) = 145.
  std::vector<mt::MenteeSide> ms = {mentee("m1", 47.0, {}, {"usinage"}), mentee("m2", 47.0, {}, {"chimie"})};
  std::vector<mt::MentorSide> as = {mentor("A", 47.1, {}, "usinage", 1), mentor("B", 47.0, {}, "chimie", 1)};
  auto res = domain::matching::solve(mt::instance_of(ms, as, true));
  ASSERT_EQ(res.assignments.size(), 2u);
  EXPECT_EQ(res.total_cost, 145);
  for (const auto& x : res.assignments) EXPECT_EQ(x.ambassador, x.request == "m1" ? "A" : "B");

  // A crossed case where the cheapest pair is not in the optimum:
  //   m1: A 0, B 145; m2: A 145, B unavailable (no common half-day) -> m1–B + m2–A = 290 fills both.
  std::vector<mt::MenteeSide> ms2 = {mentee("m1", 47.1, {"wed-pm"}, {}), mentee("m2", 47.0, {"mon-am"}, {})};
  std::vector<mt::MentorSide> as2 = {mentor("A", 47.1, {"wed-pm", "mon-am"}, "usinage", 1),
                                     mentor("B", 47.0, {"wed-pm"}, "usinage", 1)};
  auto res2 = domain::matching::solve(mt::instance_of(ms2, as2, false));
  ASSERT_EQ(res2.assignments.size(), 2u);
  EXPECT_EQ(res2.total_cost, 290);
  for (const auto& x : res2.assignments) EXPECT_EQ(x.ambassador, x.request == "m1" ? "B" : "A");

  // Capacity minus load: A has capacity 2 and one active pair: one place only; B none left.
  std::vector<mt::MentorSide> as3 = {mentor("A", 47.0, {}, "usinage", 2, 1), mentor("B", 47.0, {}, "usinage", 1, 1)};
  auto res3 = domain::matching::solve(mt::instance_of(ms, as3, true));
  ASSERT_EQ(res3.assignments.size(), 1u);
  EXPECT_EQ(res3.assignments[0].ambassador, "A");
}

}  // namespace
