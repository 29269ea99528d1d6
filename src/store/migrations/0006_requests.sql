-- School intervention requests and the matching of ambassadors to them (issue 5, docs/matching.md).
-- Same conventions as 0001: @ID@/@REAL@/@BIGINT@ per dialect, Unix seconds, 0/1 booleans, '' for absent text,
-- calendar days 'YYYY-MM-DD', comma-separated lists of codes.

-- A teacher's request, made without an account: she confirms it by the e-mailed link (status unconfirmed ->
-- open), follows it by its private link /demandes/TOKEN, and may edit or cancel it.
--   unconfirmed: the e-mailed link was not followed yet (lapses after 48 hours)
--   open: waiting for ambassadors (matching proposes, the coordinator reviews, ambassadors answer)
--   confirmed: every needed place has an ambassador who accepted; the day is fixed (day)
--   done: an ambassador reported it (action_id set)
--   cancelled: by the teacher or the coordinator (cancel_reason, cancelled_by)
CREATE TABLE intervention_requests (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  status TEXT NOT NULL,
  token TEXT NOT NULL UNIQUE,          -- 32 random characters: the teacher's private link
  confirmed_at @BIGINT@ NOT NULL DEFAULT 0,
  school_id @BIGINT@ REFERENCES schools(id) ON DELETE SET NULL,  -- from the directory (coordinates, REP/REP+)
  contact_name TEXT NOT NULL,
  email TEXT NOT NULL,                 -- lower-cased
  phone TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL DEFAULT '',       -- her function: professeure de technologie, CPE, Psy-EN…
  kind TEXT NOT NULL,                  -- domain/request.hpp request_kinds: talk | visit_company | visit_lab | forum | mentoring
  class_levels TEXT NOT NULL DEFAULT '',  -- domain/action.hpp class_levels codes
  girls INTEGER NOT NULL DEFAULT 0,
  boys INTEGER NOT NULL DEFAULT 0,
  needed INTEGER NOT NULL DEFAULT 1,   -- people wished: 1, or 2 (a pair)
  domains TEXT NOT NULL DEFAULT '',    -- domain/collective.hpp collective_domains codes
  jobs TEXT NOT NULL DEFAULT '',       -- jobs wished, free text
  accessibility TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '',   -- '' = French; else e.g. 'en', 'de'
  message TEXT NOT NULL DEFAULT '',
  day TEXT NOT NULL DEFAULT '',        -- the day fixed once confirmed
  shortage_reason TEXT NOT NULL DEFAULT '',  -- the last matching run could not fill it: why (waiting list)
  shortage_since @BIGINT@ NOT NULL DEFAULT 0,
  cancel_reason TEXT NOT NULL DEFAULT '',
  cancelled_by TEXT NOT NULL DEFAULT '',     -- teacher | coordinator | ''
  action_id @BIGINT@ REFERENCES actions(id) ON DELETE SET NULL,  -- the action the report became
  anonymised INTEGER NOT NULL DEFAULT 0,     -- contact details erased (a year after, or on request)
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX intervention_requests_territory ON intervention_requests(territory_id, status, id);
CREATE INDEX intervention_requests_school ON intervention_requests(school_id);

-- The days she proposes (each day of a window is stored; at most 60 days).
CREATE TABLE request_days (
  request_id @BIGINT@ NOT NULL REFERENCES intervention_requests(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  PRIMARY KEY (request_id, day)
);

-- An ambassador put on a request.
--   proposed: by the last matching run, waiting for the coordinator (replaced by each run)
--   invited: the coordinator accepted the proposal; she is asked by e-mail and in the app
--   accepted | declined (decline_reason; the place goes back into matching)
--   cancelled: after acceptance, by her, the teacher or the coordinator, with notice (cancel_reason)
--   reported: she reported it after the day (the request becomes done)
CREATE TABLE request_assignments (
  id @ID@,
  request_id @BIGINT@ NOT NULL REFERENCES intervention_requests(id) ON DELETE CASCADE,
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  cost @BIGINT@ NOT NULL DEFAULT 0,
  distance_km @REAL@ NOT NULL DEFAULT 0,
  why TEXT NOT NULL DEFAULT '',        -- « 12 km, maintenance industrielle, 1re intervention ce trimestre »
  response_token TEXT NOT NULL UNIQUE, -- one-click accept / decline from the e-mail
  decline_reason TEXT NOT NULL DEFAULT '',
  cancel_reason TEXT NOT NULL DEFAULT '',
  cancelled_by TEXT NOT NULL DEFAULT '',     -- ambassador | teacher | coordinator
  invited_at @BIGINT@ NOT NULL DEFAULT 0,
  answered_at @BIGINT@ NOT NULL DEFAULT 0,
  reminded_at @BIGINT@ NOT NULL DEFAULT 0,   -- the reminder of the day before was sent
  report_asked_at @BIGINT@ NOT NULL DEFAULT 0,
  reported_at @BIGINT@ NOT NULL DEFAULT 0,
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX request_assignments_request ON request_assignments(request_id, status);
CREATE INDEX request_assignments_ambassador ON request_assignments(ambassador_id, status, day);
CREATE INDEX request_assignments_day ON request_assignments(status, day);

-- The cost model's weights of a territory (domain/matching.hpp Weights; the road factor is territories.road_factor).
-- No row = the defaults.
CREATE TABLE matching_weights (
  territory_id @BIGINT@ PRIMARY KEY REFERENCES territories(id),
  per_km @REAL@ NOT NULL,
  domain_mismatch @REAL@ NOT NULL,
  load_step @REAL@ NOT NULL,
  repeat_school @REAL@ NOT NULL,
  never_reached_bonus @REAL@ NOT NULL,
  priority_bonus @REAL@ NOT NULL,
  updated_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  updated_at @BIGINT@ NOT NULL
);

-- Her personal calendar feed /agenda/TOKEN.ics (32 random characters; '' until she first asks for it).
ALTER TABLE ambassadors ADD COLUMN calendar_token TEXT NOT NULL DEFAULT '';
