// Questionnaires in a browser: a coordinator copies the pupils' perception template, rewords a statement and sees
// it in the preview; a refused edit shows its message next to the field. The questionnaire pages, the free-text
// answers and the quotes have no axe-core violation, on a desktop and on a phone, and log no console or CSP error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { useEnvironment, login, axeViolations, formatViolations, USERS, VIEWPORTS, TERRITORY } from './support.mjs';

const env = useEnvironment();

const SAFETY = 'Les élèves ont posé beaucoup de questions sur la sécurité.';
const TOO_LONG = 'Intervention un peu longue pour une classe de troisième.';

function sqlite(sql) {
  const file = env.server.db.replace(/^sqlite:/, '');
  return new Promise((res, rej) => execFile('sqlite3', [file, sql], { timeout: 30_000 },
    (err, stdout, stderr) => (err ? rej(new Error(`sqlite3: ${stderr || err.message}`)) : res(stdout))));
}

// Two teachers' answers to the territory's latest teachers' questionnaire, on one of its actions (the anonymous
// form is tested elsewhere): one who agrees to be quoted, one who does not.
async function seedTeacherAnswers() {
  const link = `(SELECT id FROM survey_links WHERE token = 'E2EQWB')`;
  const question = `(SELECT MIN(sq.id) FROM survey_questions sq JOIN survey_links l ON l.questionnaire_id =
    sq.questionnaire_id WHERE l.token = 'E2EQWB' AND sq.kind = 'text')`;
  const answer = (text, search, consent) => `
    INSERT INTO survey_responses (link_id, phase, day, gender, level, code, quote_consent)
      VALUES (${link}, 'single', '2025-03-10', '', '', '', ${consent});
    INSERT INTO survey_answers (response_id, question_id, value, choices, text, search)
      VALUES ((SELECT MAX(id) FROM survey_responses), ${question}, NULL, '', '${text.replace(/'/g, "''")}', '${search}');`;
  await sqlite(`
    INSERT INTO survey_links (territory_id, action_id, questionnaire_id, token, phase, created_at)
      SELECT q.territory_id, (SELECT MIN(a.id) FROM actions a WHERE a.territory_id = q.territory_id), q.id, 'E2EQWB',
        'single', 0
      FROM questionnaires q JOIN territories t ON t.id = q.territory_id
      WHERE t.slug = '${TERRITORY}' AND q.audience = 'teachers' ORDER BY q.id DESC LIMIT 1;
    ${answer(SAFETY, 'les eleves ont pose beaucoup de questions sur la securite.', 1)}
    ${answer(TOO_LONG, 'intervention un peu longue pour une classe de troisieme.', 0)}`);
}

async function expectAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

test('a coordinator copies the pupils’ template and rewords a statement', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const statement = `Les métiers de l’industrie se font dans des ateliers bruyants ${Date.now().toString(36)}.`;
    await login(page, USERS.coordinator.email, USERS.coordinator.password);
    await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Questionnaires' }).click();
    await page.getByRole('heading', { level: 1, name: 'Questionnaires' }).waitFor();
    await expectAccessible(page, '/questionnaires');

    await page.getByRole('button', { name: /^Copier ce modèle : Ton regard sur les métiers/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier le questionnaire' }).waitFor();
    await page.getByText('Questionnaire copié').waitFor();
    await expectAccessible(page, 'questionnaire edit form');
    const editUrl = page.url();

    const second = page.getByRole('group', { name: 'Question 2', exact: true });
    assert.match(await second.getByLabel('Énoncé').inputValue(), /bruyants/);
    await second.getByLabel('Énoncé').fill(statement);
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.waitForURL((url) => /^\/questionnaires\/\d+$/.test(url.pathname));
    await page.getByText('Modifications enregistrées.').waitFor();
    const preview = page.getByRole('form', { name: 'Aperçu du questionnaire (lecture seule)' });
    await preview.getByText(statement).waitFor();
    assert.ok(await preview.getByLabel('5 — Tout à fait d’accord').first().isDisabled(), 'the preview is read-only');
    await expectAccessible(page, 'questionnaire preview');

    // A title emptied: the form comes back with the message next to the field.
    watch.expectStatus(editUrl.replace(/\?.*$/, ''), 422);
    await page.goto(editUrl);
    await page.getByLabel('Titre *').fill('');
    await page.getByRole('button', { name: 'Enregistrer le questionnaire' }).click();
    await page.getByText('Le formulaire n’a pas été enregistré').waitFor();
    assert.equal(await page.getByLabel('Titre *').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByRole('group', { name: 'Question 2', exact: true }).getByLabel('Énoncé').inputValue(), statement);
    await expectAccessible(page, 'refused questionnaire form');
    assert.deepEqual(watch.take(), [], 'no console or CSP error');
  } finally {
    await context.close();
  }
});

test('a coordinator tags a teacher’s answer and quotes it', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    await login(page, USERS.coordinator.email, USERS.coordinator.password);
    await page.goto('/questionnaires');
    await page.getByRole('button', { name: /^Copier ce modèle : Votre avis sur l’intervention/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Modifier le questionnaire' }).waitFor();
    await seedTeacherAnswers();

    await page.goto('/retours?q=SECURITE');
    const safety = page.getByRole('article').filter({ hasText: SAFETY });
    await safety.waitFor();
    assert.equal(await page.getByRole('article').filter({ hasText: TOO_LONG }).count(), 0, 'the search folds accents');
    await safety.getByLabel('Thèmes de cette réponse (séparés par des virgules)').fill('sécurité, questions des élèves');
    await safety.getByRole('button', { name: /^Enregistrer les thèmes/ }).click();
    await page.getByText('Thèmes enregistrés.').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'SECURITE', 'the search is kept');
    await page.getByRole('link', { name: 'questions des élèves' }).first().waitFor();
    await page.getByRole('article').filter({ hasText: SAFETY }).getByRole('button', { name: /^Citer/ }).click();
    await page.getByText('Réponse citée').waitFor();
    await expectAccessible(page, '/retours after tagging and quoting');

    await page.goto('/retours');
    const refused = page.getByRole('article').filter({ hasText: TOO_LONG });
    await refused.getByText('Citation impossible').waitFor();
    assert.equal(await refused.getByRole('button', { name: /^Citer/ }).count(), 0, 'no consent, no button');

    await page.goto('/citations');
    const quote = page.getByRole('article').filter({ hasText: SAFETY });
    await quote.getByText('Un·e enseignant·e').waitFor();
    await quote.getByRole('button', { name: /^Retirer du site public/ }).click();
    await page.getByText('Citation retirée du site public.').waitFor();
    await page.getByRole('article').filter({ hasText: SAFETY }).getByRole('button', { name: /^Publier/ }).waitFor();
    await expectAccessible(page, '/citations');
    assert.deepEqual(watch.take(), [], 'no console or CSP error');
  } finally {
    await context.close();
  }
});

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`questionnaire, answer and quote pages are accessible at ${viewport} size`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      await page.goto('/questionnaires');
      const copy = page.getByRole('button', { name: /^Copier ce modèle : Votre avis sur l’intervention/ });
      await copy.click();
      await page.getByRole('heading', { level: 1, name: 'Modifier le questionnaire' }).waitFor();
      const edit = new URL(page.url()).pathname;
      const show = edit.replace(/\/modifier$/, '');
      for (const path of ['/questionnaires', edit, show, '/retours', '/retours?q=atelier&du=2025-01', '/citations']) {
        const response = await page.goto(path);
        assert.equal(response.status(), 200, path);
        await expectAccessible(page, `${path} at ${viewport}`);
      }
      assert.deepEqual(watch.take(), [], 'no console or CSP error');
    } finally {
      await context.close();
    }
  });
}
