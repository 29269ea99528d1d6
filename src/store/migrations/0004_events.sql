-- Public events and visits, registrations with a waiting list, and attendance on the day (docs/events.md).
-- Same conventions as 0001: @ID@/@REAL@/@BIGINT@ per dialect, Unix seconds, 0/1 booleans, '' for absent text,
-- calendar days as 'YYYY-MM-DD' and times of day as 'HH:MM' (Europe/Paris).

CREATE TABLE events (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,  -- the host (company, lab, school)
  kind TEXT NOT NULL,                 -- domain/event.hpp event_kinds
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,            -- 'YYYY-MM-DD'
  start_time TEXT NOT NULL DEFAULT '',-- 'HH:MM', '' = all day
  ends_on TEXT NOT NULL,              -- 'YYYY-MM-DD', >= starts_on
  end_time TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',     -- name of the place, e.g. 'Atelier de décolletage, bâtiment B'
  address TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',-- 3 characters, from the commune (filters)
  online_url TEXT NOT NULL DEFAULT '',-- webinars: the https link, given to registrants only
  audiences TEXT NOT NULL DEFAULT '', -- comma-separated codes (domain/event.hpp event_audiences)
  capacity INTEGER NOT NULL DEFAULT 0,-- places; 0 = no limit
  min_age INTEGER NOT NULL DEFAULT 0,
  accessibility TEXT NOT NULL DEFAULT '',
  safety_rules TEXT NOT NULL DEFAULT '',
  initiative_id @BIGINT@ REFERENCES initiatives(id) ON DELETE SET NULL,
  status TEXT NOT NULL,               -- draft | published | closed | done | cancelled
  cancel_reason TEXT NOT NULL DEFAULT '',
  checkin_token TEXT NOT NULL UNIQUE, -- /p/TOKEN: the group's check-in page, behind the QR code shown at the door
  action_id @BIGINT@ REFERENCES actions(id) ON DELETE SET NULL,  -- the action its attendance became
  search TEXT NOT NULL DEFAULT '',    -- folded title, place and commune (domain::fold)
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX events_territory_day ON events(territory_id, starts_on);
-- The public calendar: published and closed events from a day on, all territories.
CREATE INDEX events_status_day ON events(status, starts_on);
CREATE INDEX events_organisation ON events(organisation_id);

CREATE TABLE event_ambassadors (
  event_id @BIGINT@ NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  user_id @BIGINT@ NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, user_id)
);

-- A booking: a class (a teacher books places for her pupils), an adult for herself, or a prescriber for the
-- people she accompanies. Pupils are counted, never named. A booking holds its places as soon as it is made
-- (status booked) and must be confirmed by the e-mailed link within 48 hours, or it lapses and frees them.
CREATE TABLE event_registrations (
  id @ID@,
  event_id @BIGINT@ NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                 -- class | adult | prescriber
  status TEXT NOT NULL,               -- booked | waitlisted | cancelled
  places INTEGER NOT NULL,            -- class: girls + boys + adults; adult: 1; prescriber: 1 + people
  token TEXT NOT NULL UNIQUE,         -- the registrant's private link (/inscriptions/TOKEN)
  code TEXT NOT NULL,                 -- 6 characters, typed at the door on the check-in page
  confirmed_at @BIGINT@ NOT NULL DEFAULT 0,  -- 0 = the e-mailed link was not followed yet
  contact_name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  school_id @BIGINT@ REFERENCES schools(id) ON DELETE SET NULL,
  organisation TEXT NOT NULL DEFAULT '',     -- free text: the school when not in the directory, the employer, the structure
  class_level TEXT NOT NULL DEFAULT '',      -- domain/action.hpp class_levels
  girls INTEGER NOT NULL DEFAULT 0,
  boys INTEGER NOT NULL DEFAULT 0,
  adults INTEGER NOT NULL DEFAULT 0,         -- accompanying adults of a class
  people INTEGER NOT NULL DEFAULT 0,         -- adult: 1; prescriber: the people she accompanies
  category TEXT NOT NULL DEFAULT '',         -- adult, prescriber: audience category of `people` (women_reconversion…)
  needs TEXT NOT NULL DEFAULT '',            -- accessibility needs, questions
  attended INTEGER NOT NULL DEFAULT 0,
  attended_girls INTEGER NOT NULL DEFAULT 0,
  attended_boys INTEGER NOT NULL DEFAULT 0,
  attended_adults INTEGER NOT NULL DEFAULT 0,
  attended_people INTEGER NOT NULL DEFAULT 0,
  cancel_reason TEXT NOT NULL DEFAULT '',
  reminded_at @BIGINT@ NOT NULL DEFAULT 0,
  promoted_at @BIGINT@ NOT NULL DEFAULT 0,   -- moved from the waiting list to booked
  anonymised INTEGER NOT NULL DEFAULT 0,     -- contact details erased (a year after the event, or on request)
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
-- Places taken and the waiting list in order: (event, status, id).
CREATE INDEX event_registrations_event ON event_registrations(event_id, status, id);
CREATE UNIQUE INDEX event_registrations_code ON event_registrations(event_id, code);
