// Mentoring programmes (issue 7, part 1): plain values and pure rules — labels, the mentee's age on the day of her
// application, what her application must hold, who may be contacted, and the cost of a mentor–mentee pair for the
// matching engine (domain/matching.hpp). Storage is store/mentoring.hpp; docs/mentoring.md.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/directory.hpp"  // Choice
#include "domain/matching.hpp"
#include "domain/validation.hpp"

namespace passerelles::domain::mentoring {

// collegiennes « Collégiennes », lyceennes « Lycéennes », etudiantes « Étudiantes », reconversion « Femmes en
// reconversion ».
const std::vector<Choice>& audiences();
// draft « En préparation », open « Ouvert », closed « Clos ».
const std::vector<Choice>& programme_statuses();
// submitted, awaiting_consent, ready, matched, finished, withdrawn with their French labels.
const std::vector<Choice>& application_statuses();
// The mentee's declared orientation choice: bac_pro_industriel, cap, bts_but, ingenieur, apprentissage, autre,
// ne_sait_pas.
const std::vector<Choice>& outcomes();
// in_person « En présentiel », remote « En visio », visit « Visite d’entreprise », phone « Par téléphone ».
const std::vector<Choice>& meeting_modes();
// proposed, active, ended, cancelled.
const std::vector<Choice>& pair_statuses();

// The audiences of pupils (collegiennes, lyceennes): the application names a school, a class and a school contact
// who vouches for it.
bool is_pupil_audience(std::string_view audience);

constexpr int kMaxMentorCapacity = 5;

struct Programme {
  long long id = 0;
  long long territory_id = 0;
  std::string name, audience, starts_on, ends_on, description;
  bool remote_allowed = true;
  std::string status = "draft";
  long long purged_at = 0, created_at = 0, updated_at = 0;
  // The middle day of the period: mid-term feedback is asked from that day on.
  std::string middle_day() const;
};

void normalise(Programme& p);
// French messages keyed by name, audience, starts_on, ends_on, description, status.
Errors validate(const Programme& p);

// ---- age -----------------------------------------------------------------------------------------------------

// Her age in whole years on `day` ('YYYY-MM-DD') from her birth month ('YYYY-MM'). Only the month is known, so she
// is counted as born on its last day: she turns N on the first day of the month after her birth month N years
// later. That errs on the side of the protections (a girl born in March 2012 is under 15 until 31 March 2027).
// nullopt when birth_month or day is malformed.
std::optional<int> age_on(std::string_view birth_month, std::string_view day);
// True for a well-formed 'YYYY-MM' (month 01..12, year 1900..2100).
bool valid_birth_month(std::string_view birth_month);

// ---- applications --------------------------------------------------------------------------------------------

struct Application {
  long long id = 0;
  long long programme_id = 0;
  long long territory_id = 0;
  std::string status;
  std::string token;
  std::string first_name, last_name, birth_month;
  bool minor = false, under_15 = false;
  std::string sex = "F";
  std::string email, phone;
  long long school_id = 0;
  std::string school_name;  // read only
  std::string class_level, commune_insee;
  std::string commune_name;  // read only
  std::vector<std::string> domains;
  bool remote_ok = true;
  std::vector<std::string> weekly;
  std::string motivation;
  std::string voucher_name, voucher_email, vouch_token;
  long long vouched_at = 0, vouched_by = 0;
  std::string guardian_name, guardian_email, consent_token;
  long long consent_at = 0;
  std::string consent_method;
  long long consent_recorded_by = 0;
  std::string outcome, outcome_text;
  long long outcome_at = 0;
  std::string withdrawn_reason;
  long long erased_at = 0, created_at = 0, updated_at = 0;

  // The name others see: first name and initial (« Lina B. »).
  std::string display_name() const;
};

// Trims the texts, keeps only the initial of the last name of a minor, lower-cases the e-mails and sets minor and
// under_15 from birth_month on `today`.
void normalise(Application& a, std::string_view today);
// French messages keyed by form field (first_name, last_name, birth_month, email, school, class_level, commune,
// domains, weekly, motivation, voucher_name, voucher_email, guardian_name, guardian_email, phone), for a programme
// of `audience`, on `today`: birth month required (age 11..99; a pupil audience is for minors), a school, class
// and school contact for a minor, the guardian's name and e-mail for an under-15 (who gives no e-mail of her own),
// an e-mail of her own for an adult.
Errors validate(const Application& a, std::string_view audience, std::string_view today);

// The status an application takes once stored (the rules of 0007_pathways.sql): a minor waits for her school
// contact (submitted), an adult is ready.
std::string initial_status(const Application& a);
// The status once vouched: ready (15 or more), awaiting_consent (under 15 without consent), ready (consent set).
std::string status_after_vouch(const Application& a);

// THE CONSENT GATE: whether anybody may contact her (propose her to a mentor, put her in a pair, write to her pair,
// log a meeting, e-mail a mentor's introduction): vouched when a minor, consent_at set when under 15, not
// withdrawn, finished or erased.
bool contact_allowed(const Application& a);

// ---- matching ------------------------------------------------------------------------------------------------

struct MenteeSide {
  std::string id;
  std::optional<double> lat, lon;  // her commune; absent: only a remote pair is possible
  std::vector<std::string> weekly;
  std::vector<std::string> domains;
  bool remote_ok = true;
};

struct MentorSide {
  std::string id;
  std::optional<double> lat, lon;
  double max_km = 30;
  std::vector<std::string> weekly;
  std::vector<std::string> domains;
  bool remote = true;
  int capacity = 1;  // her capacity in the programme
  int load = 0;      // her active pairs in the programme
};

struct Weights {
  double road_factor = 1.3;
  double per_km = 10;
  long long remote_cost = 400;      // a pair that meets by video, instead of the distance
  long long domain_mismatch = 300;  // no shared domain (0 when the mentee named none)
  long long load_step = 100;        // × her active pairs
};

struct PairOption {
  long long cost = 0;
  double distance_km = 0;  // by road (haversine × road factor); 0 when unknown
  bool remote = false;
  std::string why;  // « 8 km, usinage, mercredi après-midi » / « à distance, usinage »
};

// The pair's cost, or nullopt when not allowed: they must share a free half-day (or either lists none), and be
// within her max_km by road, or else both accept video and the programme allows it (remote cost).
std::optional<PairOption> pair_option(const MenteeSide& m, const MentorSide& a, bool remote_allowed,
                                      const Weights& w = {});

// The engine's instance: mentees as requests (needed 1), mentors as ambassadors with capacity − load places,
// the allowed pairs as pair_costs.
matching::Instance instance_of(const std::vector<MenteeSide>& mentees, const std::vector<MentorSide>& mentors,
                               bool remote_allowed, const Weights& w = {});

// ---- meetings, messages, feedback ----------------------------------------------------------------------------

// A meeting as logged: French messages keyed by day, minutes (5..600), mode, summary (2000 characters).
Errors validate_meeting(std::string_view day, int minutes, std::string_view mode, std::string_view summary);
// A message of the logged channel: 1..4000 characters (key body).
Errors validate_message(std::string_view body);
// Feedback: phase mid|end, side mentor|mentee, rating 1..5, comment 2000 characters (keys phase, rating, comment).
Errors validate_feedback(std::string_view phase, int rating, std::string_view comment);

}  // namespace passerelles::domain::mentoring
