-- Foundation schema: territories, accounts, sessions, audit, reference data (communes, schools, ROME) and the directory.
-- Written once for both engines; @ID@, @REAL@ and @BIGINT@ are rewritten per dialect (store.cpp, dialect_sql).
-- Times are Unix seconds (UTC) in @BIGINT@ columns; booleans are INTEGER 0/1; optional text is '' not NULL.

CREATE TABLE territories (
  id @ID@,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- cmq | industry_territory | other
  departments TEXT NOT NULL,          -- comma-separated 3-character codes, e.g. '025,039,070,090'
  academy TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  road_factor @REAL@ NOT NULL DEFAULT 1.3,
  created_at @BIGINT@ NOT NULL
);

CREATE TABLE users (
  id @ID@,
  email TEXT NOT NULL UNIQUE,         -- stored lower-cased
  display_name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,                 -- admin | coordinator | ambassador | school_contact | company_contact | prescriber | viewer
  territory_id @BIGINT@ REFERENCES territories(id),   -- NULL only for admin
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until @BIGINT@ NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  last_login_at @BIGINT@ NOT NULL DEFAULT 0
);
CREATE INDEX users_territory ON users(territory_id);

CREATE TABLE sessions (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,    -- hex BLAKE2b of the cookie value; the value itself is never stored
  user_id @BIGINT@ NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at @BIGINT@ NOT NULL,
  last_seen_at @BIGINT@ NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE password_resets (
  id @ID@,
  token_hash TEXT NOT NULL UNIQUE,
  user_id @BIGINT@ NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at @BIGINT@ NOT NULL,
  used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
  id @ID@,
  user_id @BIGINT@ NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  prefix TEXT NOT NULL,               -- first characters, shown so the owner can tell tokens apart
  created_at @BIGINT@ NOT NULL,
  last_used_at @BIGINT@ NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE audit_log (
  id @ID@,
  territory_id @BIGINT@ REFERENCES territories(id),
  user_id @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  user_label TEXT NOT NULL DEFAULT '',
  at @BIGINT@ NOT NULL,
  action TEXT NOT NULL,               -- create | update | delete | merge | import | login | …
  entity TEXT NOT NULL,
  entity_id @BIGINT@ NOT NULL DEFAULT 0,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_territory_at ON audit_log(territory_id, at);

-- Reference data, shared by all territories.
CREATE TABLE communes (
  insee TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department TEXT NOT NULL,           -- as in the INSEE file: '01', '2A', '971'
  region TEXT NOT NULL DEFAULT '',
  population INTEGER NOT NULL DEFAULT 0,
  lat @REAL@,
  lon @REAL@,
  search TEXT NOT NULL DEFAULT ''     -- lower-case, accent-free name for LIKE search
);
CREATE INDEX communes_department ON communes(department);

CREATE TABLE postal_codes (
  postal_code TEXT NOT NULL,
  insee TEXT NOT NULL REFERENCES communes(insee) ON DELETE CASCADE,
  PRIMARY KEY (postal_code, insee)
);
CREATE INDEX postal_codes_insee ON postal_codes(insee);  -- a commune's codes (importer, cascade deletes)

CREATE TABLE schools (
  id @ID@,
  uai TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,                 -- college | lycee_general | lycee_technologique | lycee_professionnel | lycee_polyvalent | lycee | erea | post_bac
  sector TEXT NOT NULL DEFAULT '',    -- public | private
  address TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  commune_name TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',-- 3 characters as in education files: '035', '025', '02A'
  academy TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  lat @REAL@,
  lon @REAL@,
  priority_education TEXT NOT NULL DEFAULT '',  -- '', 'REP', 'REP+'
  pupils INTEGER NOT NULL DEFAULT 0,
  phone TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '',
  voies TEXT NOT NULL DEFAULT '',     -- e.g. 'generale,technologique,professionnelle'
  source TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX schools_department_name ON schools(department, name);
CREATE INDEX schools_commune ON schools(commune_insee);

CREATE TABLE rome_domains (
  code TEXT PRIMARY KEY,              -- 'H29'
  grand_domain TEXT NOT NULL,         -- 'H'
  grand_domain_title TEXT NOT NULL,
  title TEXT NOT NULL
);

CREATE TABLE rome_codes (
  code TEXT PRIMARY KEY,              -- 'I1304'
  title TEXT NOT NULL,
  domain_code TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rome_titles (
  ogr TEXT PRIMARY KEY,
  code TEXT NOT NULL REFERENCES rome_codes(code) ON DELETE CASCADE,
  title TEXT NOT NULL,
  search TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rome_titles_code ON rome_titles(code);

CREATE TABLE diploma_levels (
  level INTEGER PRIMARY KEY,          -- 3..8
  old_level TEXT NOT NULL DEFAULT '',
  examples TEXT NOT NULL DEFAULT '',
  access TEXT NOT NULL DEFAULT ''
);

-- The directory: owned by one territory.
CREATE TABLE organisations (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  kind TEXT NOT NULL,                 -- school | company | lab | association | public_body | prescriber | training_centre
  name TEXT NOT NULL,
  uai TEXT NOT NULL DEFAULT '',
  siret TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  commune_insee TEXT NOT NULL DEFAULT '',
  lat @REAL@,
  lon @REAL@,
  website TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX organisations_territory_name ON organisations(territory_id, name);
-- A UAI or SIRET names one organisation per territory (a merge deletes the duplicate before the kept one takes it).
CREATE UNIQUE INDEX organisations_territory_uai ON organisations(territory_id, uai) WHERE uai <> '';
CREATE UNIQUE INDEX organisations_territory_siret ON organisations(territory_id, siret) WHERE siret <> '';

CREATE TABLE people (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  organisation_id @BIGINT@ REFERENCES organisations(id) ON DELETE SET NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  job_title TEXT NOT NULL DEFAULT '',
  roles TEXT NOT NULL DEFAULT '',     -- comma-separated: teacher, principal, hr, network_member, adviser, …
  notes TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX people_territory_name ON people(territory_id, last_name);
CREATE INDEX people_organisation ON people(organisation_id);
CREATE UNIQUE INDEX people_territory_email ON people(territory_id, email) WHERE email <> '';
