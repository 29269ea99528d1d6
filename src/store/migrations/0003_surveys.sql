-- Questionnaires, their public links per action, and anonymous answers (docs/surveys.md).
-- Privacy by design: an answer holds no identifier of its author, no IP address, no user agent and no time
-- finer than the day; a pupil's optional 4-character code only links her own before and after answers.

CREATE TABLE questionnaires (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  template_code TEXT NOT NULL DEFAULT '',  -- built-in template it was copied from
  audience TEXT NOT NULL,                  -- pupils | teachers | companies | ambassadors
  title TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',
  pre_post INTEGER NOT NULL DEFAULT 0,     -- 1: answered before and after the action
  archived INTEGER NOT NULL DEFAULT 0,
  created_at @BIGINT@ NOT NULL,
  updated_at @BIGINT@ NOT NULL
);
CREATE INDEX questionnaires_territory ON questionnaires(territory_id);

CREATE TABLE survey_questions (
  id @ID@,
  questionnaire_id @BIGINT@ NOT NULL REFERENCES questionnaires(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  code TEXT NOT NULL,                      -- stable key of a statement: statistics group by it
  kind TEXT NOT NULL,                      -- scale | single | multiple | text
  text TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '',        -- choices, one per line
  required INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0       -- 1: taken out of the form, kept for the answers it already has
);
CREATE INDEX survey_questions_questionnaire ON survey_questions(questionnaire_id, position);

-- A questionnaire attached to an action behind a short public link (/q/TOKEN) and its QR code.
CREATE TABLE survey_links (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  action_id @BIGINT@ NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
  questionnaire_id @BIGINT@ NOT NULL REFERENCES questionnaires(id),
  token TEXT NOT NULL UNIQUE,
  phase TEXT NOT NULL,                     -- what the link collects now: pre | post | single | closed
  created_at @BIGINT@ NOT NULL
);
CREATE INDEX survey_links_action ON survey_links(action_id);
CREATE INDEX survey_links_territory ON survey_links(territory_id);

-- One submitted form. Deliberately no created_at, no address, no agent, no account.
CREATE TABLE survey_responses (
  id @ID@,
  link_id @BIGINT@ NOT NULL REFERENCES survey_links(id) ON DELETE CASCADE,
  phase TEXT NOT NULL,                     -- pre | post | single
  day TEXT NOT NULL,                       -- 'YYYY-MM-DD', the finest time kept
  gender TEXT NOT NULL DEFAULT '',         -- '' | girl | boy | other (optional)
  level TEXT NOT NULL DEFAULT '',          -- class level code (optional)
  code TEXT NOT NULL DEFAULT '',           -- 4 characters chosen by the pupil to link before/after, or ''
  quote_consent INTEGER NOT NULL DEFAULT 0 -- adults: their free text may be quoted (anonymously)
);
CREATE INDEX survey_responses_link ON survey_responses(link_id, phase);

CREATE TABLE survey_answers (
  id @ID@,
  response_id @BIGINT@ NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
  question_id @BIGINT@ NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
  value INTEGER,                           -- scale: 1–5; NULL = "je ne sais pas"
  choices TEXT NOT NULL DEFAULT '',        -- single / multiple: chosen options, one per line
  text TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT ''          -- text folded (domain::fold) for the search of free answers
);
CREATE INDEX survey_answers_response ON survey_answers(response_id);
CREATE INDEX survey_answers_question ON survey_answers(question_id);

-- Themes the coordinator tags free-text answers with.
CREATE TABLE survey_answer_themes (
  answer_id @BIGINT@ NOT NULL REFERENCES survey_answers(id) ON DELETE CASCADE,
  theme TEXT NOT NULL,
  PRIMARY KEY (answer_id, theme)
);

-- Quotes selected by the coordinator for the public site, the dashboard and the funder report. The text is
-- copied (an answer can be erased; the quote then stays, anonymous by construction).
CREATE TABLE survey_quotes (
  id @ID@,
  territory_id @BIGINT@ NOT NULL REFERENCES territories(id),
  answer_id @BIGINT@ REFERENCES survey_answers(id) ON DELETE SET NULL,
  action_id @BIGINT@ REFERENCES actions(id) ON DELETE SET NULL,
  text TEXT NOT NULL,
  attribution TEXT NOT NULL,               -- "Une élève de 4e", "Un·e enseignant·e"… never a name
  day TEXT NOT NULL,                       -- the answer's day
  public INTEGER NOT NULL DEFAULT 1,
  created_by @BIGINT@ REFERENCES users(id) ON DELETE SET NULL,
  created_at @BIGINT@ NOT NULL
);
CREATE INDEX survey_quotes_territory ON survey_quotes(territory_id, public);
