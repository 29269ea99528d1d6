-- From "why not me" to an internship, an apprenticeship or a job (issue 7): mentoring programmes, companies'
-- offers and the applications to them, the hires companies report, and the register of privacy requests.
-- Same conventions as 0001: @ID@/@REAL@/@BIGINT@ per dialect, Unix seconds, 0/1 booleans, '' for absent text,
-- calendar days 'YYYY-MM-DD', comma-separated lists of codes.
-- Personal data of minors (mentees, candidates under 18) is purged N months after the programme or the offer ends
-- (option minor_data_months, docs/privacy.md): the rows stay, anonymised, so that the counts survive.

-- Company contacts, school contacts and prescribers act for one organisation of their territory's directory (a
-- company publishes offers; a school or an agency refers candidates). Set by the coordinator on the account.
ALTER TABLE users ADD COLUMN organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL;

-- ===== Mentoring (store/mentoring.hpp) =====

-- A programme: a period and the public it is for.
--   audience: collegiennes | lyceennes | etudiantes | reconversion
--   status: draft (being prepared) | open (takes applications and mentors) | closed (no new application)
CREATE TABLE mentoring_programmes (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  name TEXT NOT NULL,
  audience TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  remote_allowed INTEGER NOT NULL DEFAULT 1,  -- a pair may meet by video when too far apart
  status TEXT NOT NULL DEFAULT 'draft',
  purged_at @BIGINT@ NOT NULL DEFAULT 0,      -- minors' personal data purged (minor_data_months after ends_on)
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX mentoring_programmes_territory ON mentoring_programmes(territory_id, status);

-- An ambassador who offered to mentor in a programme (her profile's offers include 'mentor'), with how many
-- mentees she takes and whether she accepts to meet by video.
CREATE TABLE mentoring_mentors (
  id @ID@,
  programme_id @BIGINT@ NOT NULL REFERENCES mentoring_programmes(id) ON DELETE CASCADE,
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  capacity INTEGER NOT NULL DEFAULT 1,
  remote INTEGER NOT NULL DEFAULT 1,
  status TEXT NOT NULL DEFAULT 'active',      -- active | withdrawn
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX mentoring_mentors_unique ON mentoring_mentors(programme_id, ambassador_id);

-- A mentee's application: the minimum. A minor gives her first name and the initial of her last name, her birth
-- month, her school and class; she is reached through the platform only (her private link /parrainage/suivi/TOKEN
-- and the guardian's or the school contact's e-mail), never through a private channel with an adult.
--   submitted: a minor's application waits for her school contact to vouch for it (voucher_email, vouch_token)
--   awaiting_consent: vouched, under 15 on the day of the application: waits for a recorded parental consent
--   ready: may be matched (an adult; a vouched minor of 15 or more; an under-15 with consent_at set)
--   matched: in a pair (mentoring_pairs)
--   finished | withdrawn
-- Nobody contacts an under-15 (proposal to a mentor, message, meeting) before consent_at is set.
CREATE TABLE mentee_applications (
  id @ID@,
  programme_id @BIGINT@ NOT NULL REFERENCES mentoring_programmes(id) ON DELETE CASCADE,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  status TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,                 -- her private link (32 random characters)
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL DEFAULT '',         -- a minor: the initial only
  birth_month TEXT NOT NULL DEFAULT '',       -- 'YYYY-MM'; '' for an adult who did not give it
  minor INTEGER NOT NULL DEFAULT 0,           -- under 18 on the day of the application
  under_15 INTEGER NOT NULL DEFAULT 0,        -- under 15 on the day of the application
  sex TEXT NOT NULL DEFAULT 'F',              -- F | M | X (the funnel counts by sex)
  email TEXT NOT NULL DEFAULT '',             -- an adult's own address; a minor of 15 or more may give hers
  phone TEXT NOT NULL DEFAULT '',
  school_id @BIGINT@ REFERENCES schools(id) ON DELETE SET NULL,
  class_level TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  domains TEXT NOT NULL DEFAULT '',           -- collective domains she is curious about
  remote_ok INTEGER NOT NULL DEFAULT 1,
  weekly TEXT NOT NULL DEFAULT '',            -- half-days she is free: 'wed-pm,sat-am'
  motivation TEXT NOT NULL DEFAULT '',
  voucher_name TEXT NOT NULL DEFAULT '',      -- the school contact (teacher, CPE, Psy-EN) who vouches
  voucher_email TEXT NOT NULL DEFAULT '',
  vouch_token TEXT NOT NULL DEFAULT '',
  vouched_at @BIGINT@ NOT NULL DEFAULT 0,
  vouched_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,  -- when vouched from a school contact's account
  guardian_name TEXT NOT NULL DEFAULT '',
  guardian_email TEXT NOT NULL DEFAULT '',
  consent_token TEXT NOT NULL DEFAULT '',
  consent_at @BIGINT@ NOT NULL DEFAULT 0,     -- the recorded parental consent
  consent_method TEXT NOT NULL DEFAULT '',    -- email_link | paper
  consent_recorded_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  outcome TEXT NOT NULL DEFAULT '',           -- her declared orientation choice, a code (optional)
  outcome_text TEXT NOT NULL DEFAULT '',
  outcome_at @BIGINT@ NOT NULL DEFAULT 0,
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  erased_at @BIGINT@ NOT NULL DEFAULT 0,      -- personal data erased (on request or by the purge)
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX mentee_applications_programme ON mentee_applications(programme_id, status);
CREATE INDEX mentee_applications_territory ON mentee_applications(territory_id, status);

-- A mentor and a mentee. proposed (by the matching, reviewed by the coordinator) -> active -> ended, or cancelled.
CREATE TABLE mentoring_pairs (
  id @ID@,
  programme_id @BIGINT@ NOT NULL REFERENCES mentoring_programmes(id) ON DELETE CASCADE,
  application_id @BIGINT@ NOT NULL REFERENCES mentee_applications(id) ON DELETE CASCADE,
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  cost @BIGINT@ NOT NULL DEFAULT 0,
  distance_km @REAL@ NOT NULL DEFAULT 0,
  remote INTEGER NOT NULL DEFAULT 0,          -- they meet by video
  why TEXT NOT NULL DEFAULT '',               -- « 8 km, usinage, mercredi après-midi »
  started_at @BIGINT@ NOT NULL DEFAULT 0,
  ended_at @BIGINT@ NOT NULL DEFAULT 0,
  end_reason TEXT NOT NULL DEFAULT '',
  mid_asked_at @BIGINT@ NOT NULL DEFAULT 0,   -- both sides were e-mailed for the mid-term feedback (jobs)
  end_asked_at @BIGINT@ NOT NULL DEFAULT 0,   -- … for the end feedback
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX mentoring_pairs_programme ON mentoring_pairs(programme_id, status);
CREATE INDEX mentoring_pairs_ambassador ON mentoring_pairs(ambassador_id, status);
CREATE INDEX mentoring_pairs_application ON mentoring_pairs(application_id);

-- The meetings of a pair: day, length, how (in_person | remote | visit | phone), a short summary.
CREATE TABLE mentoring_meetings (
  id @ID@,
  pair_id @BIGINT@ NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  minutes INTEGER NOT NULL DEFAULT 60,
  mode TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  logged_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE INDEX mentoring_meetings_pair ON mentoring_meetings(pair_id, day);

-- The logged channel: every message between a mentor and a mentee goes through here (the coordinator can read
-- it); author: mentor | mentee | guardian | coordinator.
CREATE TABLE mentoring_messages (
  id @ID@,
  pair_id @BIGINT@ NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE INDEX mentoring_messages_pair ON mentoring_messages(pair_id, created_at);

-- Mid-term and end feedback, from each side: a rating 1..5 and a comment.
CREATE TABLE mentoring_feedback (
  id @ID@,
  pair_id @BIGINT@ NOT NULL REFERENCES mentoring_pairs(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,                        -- mid | end
  side TEXT NOT NULL,                         -- mentor | mentee
  rating INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX mentoring_feedback_unique ON mentoring_feedback(pair_id, phase, side);

-- ===== Opportunities (store/opportunities.hpp) =====

-- A company's offer.
--   kind: stage_3e (observation de 3e) | stage_seconde | stage_sup (BTS/BUT) | apprenticeship (apprentissage ou
--         alternance) | job (emploi)
--   status: draft | published | closed (by the company: filled or withdrawn) | expired (expires_on passed)
CREATE TABLE offers (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  organisation_id @BIGINT@ NOT NULL REFERENCES organisations(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  domain TEXT NOT NULL DEFAULT '',            -- a collective domain
  rome_code TEXT NOT NULL DEFAULT '',
  places INTEGER NOT NULL DEFAULT 1,
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  accessibility TEXT NOT NULL DEFAULT '',     -- step-free access, adapted workstation, public transport…
  contact_email TEXT NOT NULL DEFAULT '',     -- where the company receives applications ('' = its publisher)
  status TEXT NOT NULL DEFAULT 'draft',
  expires_on TEXT NOT NULL,                   -- last day applications are taken
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX offers_territory ON offers(territory_id, status, expires_on);
CREATE INDEX offers_organisation ON offers(organisation_id, status);

-- An application, made or referred by a school contact, a prescriber or the coordinator (referred_by).
--   sent -> seen (the company opened it) -> interview -> accepted | declined
--   sent | seen | interview -> expired: no decision 45 days after sent_at (reminders to the company at 7 and 14
--   days); withdrawn by the referrer.
-- completed: the internship was done (stages), or the apprenticeship or job started (the funnel's last steps).
CREATE TABLE offer_applications (
  id @ID@,
  offer_id @BIGINT@ NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  status TEXT NOT NULL,
  referred_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  referrer_organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  sex TEXT NOT NULL DEFAULT 'F',              -- F | M | X
  minor INTEGER NOT NULL DEFAULT 0,
  school_id @BIGINT@ REFERENCES schools(id) ON DELETE SET NULL,
  class_level TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '',
  interview_on TEXT NOT NULL DEFAULT '',
  decline_reason TEXT NOT NULL DEFAULT '',
  sent_at @BIGINT@ NOT NULL,
  seen_at @BIGINT@ NOT NULL DEFAULT 0,
  interview_at @BIGINT@ NOT NULL DEFAULT 0,
  decided_at @BIGINT@ NOT NULL DEFAULT 0,     -- accepted, declined, expired or withdrawn
  reminded_7_at @BIGINT@ NOT NULL DEFAULT 0,
  reminded_14_at @BIGINT@ NOT NULL DEFAULT 0,
  completed INTEGER NOT NULL DEFAULT 0,
  completed_at @BIGINT@ NOT NULL DEFAULT 0,
  erased_at @BIGINT@ NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX offer_applications_offer ON offer_applications(offer_id, status);
CREATE INDEX offer_applications_territory ON offer_applications(territory_id, status, sent_at);
CREATE INDEX offer_applications_referrer ON offer_applications(referred_by);
-- The funnel of the whole federation reads a period of every territory (store/funnel.cpp): by sending, decision and
-- completion day, each index holding every column its count reads, so that a long period is read from the index only
-- (bench/dashboard.sh with DASH_APPLICATIONS).
CREATE INDEX offer_applications_sent ON offer_applications(sent_at, status, sex, territory_id);
CREATE INDEX offer_applications_decided ON offer_applications(decided_at, status, offer_id, sex, territory_id);
CREATE INDEX offer_applications_completed ON offer_applications(completed_at, completed, status, offer_id, sex,
  territory_id);

-- ===== The funnel (store/funnel.hpp) =====

-- The hires a company reports for a year (all its hires in the network's jobs, and how many were women): the
-- share of women among hires, shown where companies report it.
CREATE TABLE company_hires (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  organisation_id @BIGINT@ NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  hires INTEGER NOT NULL,
  hires_women INTEGER NOT NULL,
  apprentices INTEGER NOT NULL DEFAULT 0,
  apprentices_women INTEGER NOT NULL DEFAULT 0,
  reported_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  reported_at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX company_hires_unique ON company_hires(organisation_id, year);
CREATE INDEX company_hires_territory ON company_hires(territory_id, year);

-- ===== Privacy (store/privacy.hpp, docs/privacy.md) =====

-- The register of privacy requests answered (export, erasure) and purges run: what was done, never whose data.
--   kind: export | erasure | purge
--   subject: 'mentee_application' | 'offer_application' | 'programme' …, with subject_id
CREATE TABLE privacy_log (
  id @ID@,
  territory_id @BIGINT@ REFERENCES territories(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  subject_id @BIGINT@ NOT NULL DEFAULT 0,
  rows_changed INTEGER NOT NULL DEFAULT 0,
  done_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  done_at @BIGINT@ NOT NULL
);
CREATE INDEX privacy_log_territory ON privacy_log(territory_id, done_at);
