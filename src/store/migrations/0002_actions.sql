-- Action plan (initiatives, targets, partnerships, funding), actions and the aggregates the dashboard reads.
-- Same conventions as 0001: @ID@/@REAL@/@BIGINT@ per dialect, Unix seconds, 0/1 booleans, '' for absent text.
-- Calendar days are ISO text 'YYYY-MM-DD' (sortable, the same on both engines); months are 'YYYY-MM'.

-- Uploaded files (signed conventions, evidence photos, attendance sheets), kept in the database so that one
-- SQLite file (or one PostgreSQL dump) is the whole state to back up. Content is base64 text: portable
-- across engines and SOCI backends; files are size-limited at upload.
CREATE TABLE files (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  name TEXT NOT NULL,                 -- the uploader's file name, sanitised, for Content-Disposition
  content_type TEXT NOT NULL,         -- decided from the content (magic bytes), never from the name
  size @BIGINT@ NOT NULL,
  sha256 TEXT NOT NULL,
  content TEXT NOT NULL,              -- base64
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE INDEX files_territory ON files(territory_id);

CREATE TABLE initiatives (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  axis TEXT NOT NULL DEFAULT '',      -- the axis it belongs to, e.g. 'Axe 2 — Faire découvrir'
  name TEXT NOT NULL,
  objective TEXT NOT NULL DEFAULT '',
  audiences TEXT NOT NULL DEFAULT '', -- comma-separated codes (domain/plan.hpp target_audiences)
  lead_organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  position INTEGER NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX initiatives_territory ON initiatives(territory_id, position);

CREATE TABLE initiative_partners (
  initiative_id @BIGINT@ NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
  organisation_id @BIGINT@ NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (initiative_id, organisation_id)
);

-- Yearly numeric targets: indicator is people_reached | girls | actions | schools_reached.
CREATE TABLE initiative_targets (
  initiative_id @BIGINT@ NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  indicator TEXT NOT NULL,
  target @BIGINT@ NOT NULL,
  PRIMARY KEY (initiative_id, year, indicator)
);

-- A convention between the network and a partner organisation.
CREATE TABLE partnerships (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  title TEXT NOT NULL,
  organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  starts_on TEXT NOT NULL DEFAULT '',
  ends_on TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,               -- draft | signed | ended | cancelled
  document_file_id @BIGINT@ REFERENCES files(id) ON DELETE SET NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX partnerships_territory ON partnerships(territory_id);

CREATE TABLE fundings (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  funder TEXT NOT NULL,               -- e.g. 'Région Bourgogne-Franche-Comté', 'FSE+'
  funder_organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  amount_cents @BIGINT@ NOT NULL DEFAULT 0,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX fundings_territory_end ON fundings(territory_id, ends_on);

CREATE TABLE funding_initiatives (
  funding_id @BIGINT@ NOT NULL REFERENCES fundings(id) ON DELETE CASCADE,
  initiative_id @BIGINT@ NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
  PRIMARY KEY (funding_id, initiative_id)
);
CREATE INDEX funding_initiatives_initiative ON funding_initiatives(initiative_id);

-- Actions: what was done, when, for whom. Audience columns are the people present (raw); what counts toward
-- the indicators follows docs/counting.md (validated only; a follow-up session of the same group adds none).
CREATE TABLE actions (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  kind TEXT NOT NULL,                 -- domain/action.hpp action_kinds
  title TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,            -- 'YYYY-MM-DD'
  month TEXT NOT NULL,                -- 'YYYY-MM', from starts_on (aggregate key)
  duration_minutes INTEGER NOT NULL DEFAULT 0,
  place TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',-- 3 characters: the first school's, else the commune's
  initiative_id @BIGINT@ REFERENCES initiatives(id) ON DELETE SET NULL,
  status TEXT NOT NULL,               -- declared | validated | rejected
  same_group_as @BIGINT@ REFERENCES actions(id) ON DELETE SET NULL,
  girls INTEGER NOT NULL DEFAULT 0,
  boys INTEGER NOT NULL DEFAULT 0,
  women_reconversion INTEGER NOT NULL DEFAULT 0,
  teachers INTEGER NOT NULL DEFAULT 0,
  prescribers INTEGER NOT NULL DEFAULT 0,
  employees INTEGER NOT NULL DEFAULT 0,
  parents INTEGER NOT NULL DEFAULT 0,
  highlight TEXT NOT NULL DEFAULT '', -- a highlight or testimonial for the funder report
  notes TEXT NOT NULL DEFAULT '',
  rejection_reason TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',    -- folded title, place and school names (domain::fold), for the list's search
  declared_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  validated_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  validated_at @BIGINT@ NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX actions_territory_day ON actions(territory_id, starts_on);
-- The counted actions of a territory over months: indicators computed from the actions, rebuilds.
CREATE INDEX actions_territory_status_month ON actions(territory_id, status, month);
-- Federation views filtered by class level or priority education read the validated actions of the period:
-- at 5 million actions one such query over a school year took 0.5 s by a full scan and 0.14 s through this index.
CREATE INDEX actions_status_month ON actions(status, month);
CREATE INDEX actions_same_group ON actions(same_group_as);
CREATE INDEX actions_declared_by ON actions(declared_by);

-- Organisations involved: role is school | company | lab | partner (co-delivering association) | other.
CREATE TABLE action_organisations (
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  organisation_id @BIGINT@ NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  PRIMARY KEY (action_id, organisation_id)
);
CREATE INDEX action_organisations_org ON action_organisations(organisation_id);

-- Schools reached, from the official directory (schools reached and their share are counted from these).
CREATE TABLE action_schools (
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  school_id @BIGINT@ NOT NULL REFERENCES schools(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, school_id)
);
CREATE INDEX action_schools_school ON action_schools(school_id);

CREATE TABLE action_ambassadors (
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  user_id @BIGINT@ NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (action_id, user_id)
);
CREATE INDEX action_ambassadors_user ON action_ambassadors(user_id);

-- Classes reached: level (domain/action.hpp class_levels) and track (e.g. 'STI2D', 'Bac pro MELEC').
CREATE TABLE action_classes (
  id @ID@,
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  level TEXT NOT NULL,
  track TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_classes_action ON action_classes(action_id);

-- Evidence: photo | attendance.
CREATE TABLE action_files (
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  file_id @BIGINT@ NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  PRIMARY KEY (action_id, file_id)
);

-- Aggregates, kept up to date in the same transaction as every change to a validated action (store/actions.cpp)
-- and rebuilt from the actions by store::rebuild_aggregates. Counted values only (docs/counting.md).
-- initiative_id 0 = no initiative. people = sum of the seven audience columns.
CREATE TABLE action_agg (
  territory_id @BIGINT@ NOT NULL,
  month TEXT NOT NULL,
  department TEXT NOT NULL,
  initiative_id @BIGINT@ NOT NULL,
  kind TEXT NOT NULL,
  actions @BIGINT@ NOT NULL DEFAULT 0,
  minutes @BIGINT@ NOT NULL DEFAULT 0,
  people @BIGINT@ NOT NULL DEFAULT 0,
  girls @BIGINT@ NOT NULL DEFAULT 0,
  boys @BIGINT@ NOT NULL DEFAULT 0,
  women_reconversion @BIGINT@ NOT NULL DEFAULT 0,
  teachers @BIGINT@ NOT NULL DEFAULT 0,
  prescribers @BIGINT@ NOT NULL DEFAULT 0,
  employees @BIGINT@ NOT NULL DEFAULT 0,
  parents @BIGINT@ NOT NULL DEFAULT 0,
  PRIMARY KEY (territory_id, month, department, initiative_id, kind)
);
-- Federation views with a kind filter read every territory's rows of that kind over a period: kind first (at 5
-- million actions, ten years of one kind took 200 ms through an index on (month, kind) and 60 ms through this one).
CREATE INDEX action_agg_kind_month ON action_agg(kind, month);

-- The same rolled up per territory, month and département: the national view (without a kind or initiative
-- filter) reads only this and school_reach — by month, by territory and by département for the map of France.
CREATE TABLE action_agg_month (
  territory_id @BIGINT@ NOT NULL,
  month TEXT NOT NULL,
  department TEXT NOT NULL,
  actions @BIGINT@ NOT NULL DEFAULT 0,
  minutes @BIGINT@ NOT NULL DEFAULT 0,
  people @BIGINT@ NOT NULL DEFAULT 0,
  girls @BIGINT@ NOT NULL DEFAULT 0,
  boys @BIGINT@ NOT NULL DEFAULT 0,
  women_reconversion @BIGINT@ NOT NULL DEFAULT 0,
  teachers @BIGINT@ NOT NULL DEFAULT 0,
  prescribers @BIGINT@ NOT NULL DEFAULT 0,
  employees @BIGINT@ NOT NULL DEFAULT 0,
  parents @BIGINT@ NOT NULL DEFAULT 0,
  PRIMARY KEY (territory_id, month, department)
);
CREATE INDEX action_agg_month_month ON action_agg_month(month);

-- Schools reached per month, kind and initiative (validated actions, follow-ups included): distinct schools over a
-- period, with or without a kind or initiative filter, are counted from here, never from the actions.
-- actions = how many validated actions of that kind and initiative reached it that month.
CREATE TABLE school_reach (
  territory_id @BIGINT@ NOT NULL,
  school_id @BIGINT@ NOT NULL,
  month TEXT NOT NULL,
  kind TEXT NOT NULL,
  initiative_id @BIGINT@ NOT NULL,
  actions @BIGINT@ NOT NULL DEFAULT 0,
  PRIMARY KEY (territory_id, month, school_id, kind, initiative_id)
);
CREATE INDEX school_reach_month_school ON school_reach(month, school_id);
-- Distinct schools of the federation over a period: one probe per school (store/indicators.cpp).
CREATE INDEX school_reach_school_month ON school_reach(school_id, month);

-- Credit per organisation involved (action_organisations): a co-delivered action is counted in full for each of its
-- organisations here, once in the tables above. Rows go with their organisation (a deleted organisation's links
-- to actions go too, so maintained and rebuilt rows stay equal).
CREATE TABLE action_agg_org (
  territory_id @BIGINT@ NOT NULL,
  month TEXT NOT NULL,
  organisation_id @BIGINT@ NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  initiative_id @BIGINT@ NOT NULL,
  actions @BIGINT@ NOT NULL DEFAULT 0,
  minutes @BIGINT@ NOT NULL DEFAULT 0,
  people @BIGINT@ NOT NULL DEFAULT 0,
  girls @BIGINT@ NOT NULL DEFAULT 0,
  boys @BIGINT@ NOT NULL DEFAULT 0,
  women_reconversion @BIGINT@ NOT NULL DEFAULT 0,
  teachers @BIGINT@ NOT NULL DEFAULT 0,
  prescribers @BIGINT@ NOT NULL DEFAULT 0,
  employees @BIGINT@ NOT NULL DEFAULT 0,
  parents @BIGINT@ NOT NULL DEFAULT 0,
  PRIMARY KEY (territory_id, month, organisation_id, kind, initiative_id)
);
CREATE INDEX action_agg_org_organisation ON action_agg_org(organisation_id);
