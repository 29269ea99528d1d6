// A person's privacy request (issue 7, part 4): the coordinator finds a mentee by her guardian's e-mail on
// /confidentialite, downloads her data as JSON, opens the erasure confirmation with the keyboard and confirms; the
// register then lists the export and the erasure, and the search finds her no more. Every page passes axe-core
// (WCAG 2.1 AA) on a desktop and on a phone, with no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { useEnvironment, login, axeViolations, formatViolations, tabTo, USERS, TERRITORY, VIEWPORTS } from './support.mjs';

const env = useEnvironment();

function sqlite(db, sql) {
  return new Promise((res, rej) => execFile('sqlite3', [db.replace(/^sqlite:/, ''), sql], { timeout: 30_000 },
    (err, stdout, stderr) => (err ? rej(new Error(`sqlite3: ${stderr || err.message}`)) : res(stdout.trim()))));
}

async function expectClean(page, watch, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  assert.deepEqual(watch.take(), [], `${where}: console errors`);
}

// A programme of the demo territory and a minor mentee with a mentor-less application (markers in her fields).
async function seedMentee(db, marker) {
  const t = `(SELECT id FROM territories WHERE slug = '${TERRITORY}')`;
  await sqlite(db, `INSERT INTO mentoring_programmes (territory_id, name, audience, starts_on, ends_on, status,
    created_at, updated_at) VALUES (${t}, 'Programme ${marker}', 'lyceennes', '2026-01-01', '2026-12-31', 'open', 1, 1)`);
  return sqlite(db, `INSERT INTO mentee_applications (programme_id, territory_id, status, token, first_name, last_name,
    birth_month, minor, email, guardian_name, guardian_email, motivation, created_at, updated_at) VALUES
    ((SELECT MAX(id) FROM mentoring_programmes), ${t}, 'ready', '${marker}-jeton-0123456789abcdef', 'Lina${marker}',
    'B.', '2010-04', 1, '', 'Parent ${marker}', 'parent.${marker}@exemple.fr', 'Découvrir ${marker}', 1, 1)
    RETURNING id`);
}

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`privacy request at ${viewport} size: find, export, erase`, { timeout: 180_000 }, async () => {
    const marker = `qzx${viewport}${Date.now().toString(36)}`;
    const id = await seedMentee(env.server.db, marker);
    const { page, context, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      await page.goto('/confidentialite');
      await expectClean(page, watch, `/confidentialite at ${viewport}`);

      await page.getByLabel('Nom, prénom ou adresse e-mail').fill(`parent.${marker}@exemple.fr`);
      await Promise.all([page.waitForURL('**/confidentialite?q=*'), page.getByRole('button', { name: 'Rechercher' }).click()]);
      await expectClean(page, watch, `search results at ${viewport}`);
      const row = page.locator('tbody tr', { hasText: `Lina${marker}` });
      assert.equal(await row.count(), 1);

      // The export link, fetched with her session (a phone's emulated browser has no download event).
      const href = await row.getByRole('link', { name: /^Exporter \(JSON\)/ }).getAttribute('href');
      assert.equal(href, `/confidentialite/export/mentee/${id}.json`);
      const exported = await page.request.get(href);
      assert.equal(exported.status(), 200);
      assert.equal(exported.headers()['content-disposition'], `attachment; filename="donnees-mentee-${id}.json"`);
      assert.match(exported.headers()['cache-control'], /no-store/);
      const data = await exported.json();
      assert.equal(data.application.first_name, `Lina${marker}`);
      assert.equal(data.application.token, undefined, 'no private link in the export');

      // The erasure link, reached and followed with the keyboard.
      await page.locator('#q').focus();
      await tabTo(page, (f) => f.tag === 'A' && f.href?.endsWith(`/mentee/${id}/effacer`), 'the « Effacer » link', 20);
      await Promise.all([page.waitForURL(`**/confidentialite/mentee/${id}/effacer`), page.keyboard.press('Enter')]);
      await expectClean(page, watch, `erase confirmation at ${viewport}`);
      await Promise.all([page.waitForURL('**/confidentialite?etat=effacee'),
        page.getByRole('button', { name: 'Effacer définitivement' }).click()]);
      await expectClean(page, watch, `register after erasure at ${viewport}`);
      await assert.doesNotReject(page.getByRole('status').filter({ hasText: 'ont été effacées' }).waitFor());
      const register = page.locator('#tableau-registre').locator('..');
      assert.match(await register.innerText(), new RegExp(`Effacement sur demande[\\s\\S]*Candidature au parrainage n° ${id}`));
      assert.equal(await sqlite(env.server.db, `SELECT COUNT(*) FROM mentee_applications WHERE first_name LIKE '%${marker}%'
        OR guardian_email LIKE '%${marker}%' OR motivation LIKE '%${marker}%' OR token LIKE '%${marker}%'`), '0');
    } finally {
      await context.close();
    }
  });
}
