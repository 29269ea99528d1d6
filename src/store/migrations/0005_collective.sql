-- The collective (issue 3): ambassadors' profiles, campaigns and portraits, the discourse kit, internal networks
-- and the monthly digest. Times are Unix seconds; days are 'YYYY-MM-DD'; lists are comma-separated codes.
-- Statements starting with @SQLITE@ or @POSTGRESQL@ run on that engine only (store.cpp, dialect_sql).

-- A member of the collective (or a candidate). Personal data lives here and in ambassador_steps /
-- ambassador_days_off only, so that leaving erases it in one place (store::erase_ambassador).
CREATE TABLE ambassadors (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  user_id @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,  -- set once she has an account
  status TEXT NOT NULL,               -- applicant | invited | active | left | declined
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL,                -- lower-cased
  phone TEXT NOT NULL DEFAULT '',
  job_title TEXT NOT NULL DEFAULT '',
  rome_code TEXT NOT NULL DEFAULT '', -- 'I1304'
  rome_ogr TEXT NOT NULL DEFAULT '',  -- the ROME title chosen, when chosen from the list
  domain TEXT NOT NULL DEFAULT '',    -- domain/collective.hpp collective_domains
  employer_organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  employer_name TEXT NOT NULL DEFAULT '',  -- company, school or lab, as she writes it
  languages TEXT NOT NULL DEFAULT '', -- 'fr,en,de'
  home_commune_insee TEXT NOT NULL DEFAULT '',
  max_km INTEGER NOT NULL DEFAULT 30,
  weekly TEXT NOT NULL DEFAULT '',    -- half-days available: 'mon-am,mon-pm,…,fri-pm'
  max_per_month INTEGER NOT NULL DEFAULT 2,
  offers TEXT NOT NULL DEFAULT '',    -- talk,visit,mentor,forum,video
  charter_accepted_at @BIGINT@ NOT NULL DEFAULT 0,
  consents TEXT NOT NULL DEFAULT '',  -- profile fields she agrees to publish: name,photo,job,employer,path,quote,cliche,video,commune
  motivation TEXT NOT NULL DEFAULT '',-- from the public « rejoindre » form
  invite_token_hash TEXT NOT NULL DEFAULT '',
  invite_expires_at @BIGINT@ NOT NULL DEFAULT 0,
  digest INTEGER NOT NULL DEFAULT 1,  -- receives the monthly digest
  unsubscribe_token TEXT NOT NULL,    -- 32 random characters, for the one-click unsubscribe link
  joined_at @BIGINT@ NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX ambassadors_territory_status ON ambassadors(territory_id, status);
CREATE INDEX ambassadors_user ON ambassadors(user_id);
CREATE UNIQUE INDEX ambassadors_territory_email ON ambassadors(territory_id, email) WHERE email <> '';

-- Her training path, in order: diploma, level 3..8 (0 unknown), year, school.
CREATE TABLE ambassador_steps (
  id @ID@,
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  diploma TEXT NOT NULL,
  level INTEGER NOT NULL DEFAULT 0,
  year INTEGER NOT NULL DEFAULT 0,
  school TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ambassador_steps_ambassador ON ambassador_steps(ambassador_id, position);

CREATE TABLE ambassador_days_off (
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  PRIMARY KEY (ambassador_id, day)
);

-- A campaign of portraits, e.g. « Femmes et Microtechniques 2019 ».
CREATE TABLE campaigns (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  year INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX campaigns_territory_slug ON campaigns(territory_id, slug);

-- Photos and uploaded videos: bytes in 1 MiB base64 chunks, so that a range request reads only what it sends
-- and every server of a federation sees the same media.
CREATE TABLE media (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  content_type TEXT NOT NULL,         -- decided from the bytes
  size @BIGINT@ NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  sha256 TEXT NOT NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE TABLE media_chunks (
  media_id @BIGINT@ NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,                 -- base64 of at most 1 MiB
  PRIMARY KEY (media_id, seq)
);

-- A portrait: what the public sees of a woman of the sector. Fields are shown only with her consent
-- (consents, as ambassadors.consents) and only while status = 'published' (domain::public_portrait).
CREATE TABLE portraits (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  ambassador_id @BIGINT@ REFERENCES ambassadors(id) ON DELETE SET NULL,
  campaign_id @BIGINT@ REFERENCES campaigns(id) ON DELETE SET NULL,
  slug TEXT NOT NULL UNIQUE,          -- 'amelie-r-technicienne-de-maintenance-12'
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL DEFAULT '',
  job_title TEXT NOT NULL DEFAULT '',
  rome_code TEXT NOT NULL DEFAULT '',
  domain TEXT NOT NULL DEFAULT '',
  employer TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  diploma_level INTEGER NOT NULL DEFAULT 0,  -- her highest level, 3..8, 0 unknown
  path TEXT NOT NULL DEFAULT '',      -- one step per line
  quote TEXT NOT NULL DEFAULT '',
  cliche TEXT NOT NULL DEFAULT '',    -- « le cliché que je casse »
  video_url TEXT NOT NULL DEFAULT '', -- PeerTube, YouTube or Vimeo page
  video_media_id @BIGINT@ REFERENCES media(id) ON DELETE SET NULL,  -- an uploaded MP4
  consents TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,               -- draft | submitted | published | unpublished
  validated_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  published_at @BIGINT@ NOT NULL DEFAULT 0,
  search TEXT NOT NULL DEFAULT '',    -- domain::search_document_fr of the public fields; '' unless published
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX portraits_territory_status ON portraits(territory_id, status);
CREATE INDEX portraits_status_published ON portraits(status, published_at);
CREATE INDEX portraits_campaign ON portraits(campaign_id);
CREATE INDEX portraits_ambassador ON portraits(ambassador_id);

-- The photo of a portrait in every size: variant is '160', '480', '1024' (WebP and JPEG) or 'full' (JPEG).
CREATE TABLE portrait_photos (
  portrait_id @BIGINT@ NOT NULL REFERENCES portraits(id) ON DELETE CASCADE,
  variant TEXT NOT NULL,
  format TEXT NOT NULL,               -- webp | jpeg
  media_id @BIGINT@ NOT NULL REFERENCES media(id) ON DELETE CASCADE,
  PRIMARY KEY (portrait_id, variant, format)
);

-- French full-text search over portraits.search (stems from domain/search_fr.hpp, docs/search-fr.md).
@SQLITE@ CREATE VIRTUAL TABLE portraits_fts USING fts5(search, content='portraits', content_rowid='id', tokenize='unicode61 remove_diacritics 0');
@SQLITE@ CREATE TRIGGER portraits_fts_insert AFTER INSERT ON portraits BEGIN INSERT INTO portraits_fts(rowid, search) VALUES (new.id, new.search); END;
@SQLITE@ CREATE TRIGGER portraits_fts_delete AFTER DELETE ON portraits BEGIN INSERT INTO portraits_fts(portraits_fts, rowid, search) VALUES ('delete', old.id, old.search); END;
@SQLITE@ CREATE TRIGGER portraits_fts_update AFTER UPDATE OF search ON portraits BEGIN INSERT INTO portraits_fts(portraits_fts, rowid, search) VALUES ('delete', old.id, old.search); INSERT INTO portraits_fts(rowid, search) VALUES (new.id, new.search); END;
@POSTGRESQL@ CREATE INDEX portraits_search ON portraits USING gin (to_tsvector('simple', search));

-- The discourse kit: pages co-written in Markdown, with every revision kept.
CREATE TABLE kit_pages (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,                 -- Markdown, rendered safely (no raw HTML)
  revision INTEGER NOT NULL DEFAULT 1,
  updated_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  updated_by_label TEXT NOT NULL DEFAULT '',
  updated_at @BIGINT@ NOT NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX kit_pages_territory_slug ON kit_pages(territory_id, slug);

CREATE TABLE kit_revisions (
  id @ID@,
  page_id @BIGINT@ NOT NULL REFERENCES kit_pages(id) ON DELETE CASCADE,
  revision INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',   -- what changed, in her words
  user_id @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  user_label TEXT NOT NULL DEFAULT '',
  at @BIGINT@ NOT NULL
);
CREATE UNIQUE INDEX kit_revisions_page ON kit_revisions(page_id, revision);

-- Shared resources: an uploaded file (files table) or a link, with tags.
CREATE TABLE kit_resources (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- slides | document | video | link | other
  url TEXT NOT NULL DEFAULT '',
  file_id @BIGINT@ REFERENCES files(id) ON DELETE SET NULL,
  description TEXT NOT NULL DEFAULT '',
  tags TEXT NOT NULL DEFAULT '',      -- ',cliches,college,' (leading and trailing commas, for LIKE '%,tag,%')
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_by_label TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX kit_resources_territory ON kit_resources(territory_id, created_at);

-- Internal networks: a women's network inside a company, a group inside a school.
CREATE TABLE networks (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_public INTEGER NOT NULL DEFAULT 1,  -- has a public page
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX networks_territory ON networks(territory_id, name);

CREATE TABLE network_members (
  network_id @BIGINT@ NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  role TEXT NOT NULL DEFAULT 'member',  -- member | lead
  joined_at @BIGINT@ NOT NULL,
  PRIMARY KEY (network_id, ambassador_id)
);
CREATE INDEX network_members_ambassador ON network_members(ambassador_id);

CREATE TABLE network_actions (
  network_id @BIGINT@ NOT NULL REFERENCES networks(id) ON DELETE CASCADE,
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  PRIMARY KEY (network_id, action_id)
);
CREATE INDEX network_actions_action ON network_actions(action_id);

-- The monthly digest: one row per member and month sent, so that a second run or a second server sends nothing.
CREATE TABLE digest_sends (
  ambassador_id @BIGINT@ NOT NULL REFERENCES ambassadors(id) ON DELETE CASCADE,
  month TEXT NOT NULL,                -- 'YYYY-MM'
  sent_at @BIGINT@ NOT NULL,
  PRIMARY KEY (ambassador_id, month)
);
