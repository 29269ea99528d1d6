// The collective's members journey (issue 3, points 1, 2 and 9): the coordinator sees the animation view and the
// members, invites a new ambassador; the invitation e-mail's link lets her accept the charter and choose a password
// on her phone; signed in, she fills in her profile (job through the ROME list, path, half-days, days off, what she
// agrees to publish) and finds it saved. A visitor finds the public « rejoindre » form. Every page on the way passes
// axe-core (WCAG 2.1 AA) and logs no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment({ smtp: true });

async function expectClean(p, where) {
  const violations = await axeViolations(p.page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  assert.deepEqual(p.watch.take(), [], `${where}: console errors or CSP violations`);
}

// Clicks a form's submit button and waits for the page the POST redirects to; when the form comes back instead,
// fails with the messages it shows.
async function submitTo(page, button, url) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
    button.click(),
  ]);
  await page.waitForLoadState('load');
  if (response.status() !== 303) {
    const shown = await page.locator('.error-summary, .field-error, .error, [role="alert"]').allTextContents();
    assert.fail(`POST ${new URL(response.url()).pathname} answered ${response.status()}: ${shown.join(' | ')}`);
  }
  await page.waitForURL(url);
}

test('invite → accept by the e-mailed link → edit her profile; the collective pages are accessible',
  { timeout: 180_000 }, async () => {
    const { baseUrl, mail } = env.server;
    const email = `nouvelle.${Date.now().toString(36)}@membres.passerelles.test`;
    const opened = [];
    const open = async (viewport) => { const p = await env.newPage(viewport); opened.push(p); return p; };
    try {
      // ---- the coordinator: animation view, members, invitation ------------------------------------------------
      const coord = await open('desktop');
      const cp = coord.page;
      assert.equal(await login(cp, USERS.coordinator.email, USERS.coordinator.password), 303);
      assert.equal((await cp.goto('/collectif')).status(), 200);
      await cp.getByRole('heading', { name: 'Animation du collectif' }).waitFor();
      await expectClean(coord, '/collectif (coordinator)');
      assert.equal((await cp.goto('/collectif/membres')).status(), 200);
      await expectClean(coord, '/collectif/membres');
      await cp.getByRole('button', { name: 'Inviter une ambassadrice' }).click();  // a link drawn as a button
      await cp.waitForURL('**/collectif/membres/inviter');
      await expectClean(coord, '/collectif/membres/inviter');
      const form = cp.locator('main form[method="post"]');
      await form.getByLabel('Prénom').fill('Noémie');
      await form.locator('#invite-last_name').fill('Testeuse');
      await form.getByLabel('Adresse e-mail').fill(email);
      await form.getByLabel('Domaine').selectOption('maintenance');
      await submitTo(cp, form.getByRole('button', { name: 'Envoyer l’invitation' }), /\/collectif\/membres\/\d+\?etat=/);
      assert.match(await cp.locator('main').textContent(), /Invitation envoyée par e-mail/);
      await expectClean(coord, 'member page (invited)');

      // ---- the e-mail and its link -----------------------------------------------------------------------------
      const invitation = await mail.waitFor(email);
      assert.match(invitation.subject, /^Invitation à rejoindre le collectif des ambassadrices/);
      const m = invitation.text.match(/(https?:\/\/\S+)\/collectif\/invitation\/([A-Za-z0-9_-]+)/);
      assert.ok(m, `an invitation link in the e-mail:\n${invitation.text}`);
      assert.equal(m[1], baseUrl, 'the link points to this server');

      // ---- she accepts on her phone ----------------------------------------------------------------------------
      const she = await open('phone');
      const sp = she.page;
      assert.equal((await sp.goto(`/collectif/invitation/${m[2]}`)).status(), 200);
      await sp.getByRole('heading', { name: 'Charte de bonne conduite avec les mineurs' }).waitFor();
      await expectClean(she, 'invitation page');
      await sp.getByLabel('Mon mot de passe').fill('une phrase de passe e2e');
      await sp.getByLabel('Confirmez le mot de passe').fill('une phrase de passe e2e');
      // Without the charter: refused, the message next to the box (the browser logs the expected 422).
      she.watch.expectStatus(`${baseUrl}/collectif/invitation/${m[2]}`, 422);
      const [refused] = await Promise.all([
        sp.waitForResponse((r) => r.request().method() === 'POST'),
        sp.getByRole('button', { name: 'Rejoindre le collectif' }).click(),
      ]);
      assert.equal(refused.status(), 422);
      await sp.locator('#charter-error').waitFor();
      await expectClean(she, 'invitation page with an error');
      await sp.getByLabel('J’ai lu la charte et je m’engage à la respecter.').check();
      await sp.getByLabel('Mon mot de passe').fill('une phrase de passe e2e');
      await sp.getByLabel('Confirmez le mot de passe').fill('une phrase de passe e2e');
      await submitTo(sp, sp.getByRole('button', { name: 'Rejoindre le collectif' }), /\/collectif\/mon-profil\?etat=bienvenue/);
      assert.match(await sp.locator('main').textContent(), /Bienvenue dans le collectif/);
      await expectClean(she, '/collectif/mon-profil (welcome)');

      // ---- her profile ---------------------------------------------------------------------------------------
      const profile = sp.locator('main form[method="post"]');
      const job = profile.getByLabel('Métier *');
      await Promise.all([
        sp.waitForResponse((r) => r.url().includes('/collectif/metiers') && r.status() === 200),
        job.pressSequentially('maintenance', { delay: 20 }),
      ]);
      await job.fill('Technicienne de maintenance industrielle');
      await profile.getByLabel('Domaine', { exact: true }).selectOption('maintenance');
      await profile.locator('#profil-path_1_diploma').fill('Bac pro MELEC');
      await profile.locator('#profil-path_1_level').selectOption('4');
      await profile.locator('#profil-path_1_year').fill('2016');
      await profile.getByLabel('anglais').check();
      await profile.getByLabel('mardi matin').check();
      await profile.getByLabel('jeudi après-midi').check();
      await profile.getByLabel('Dates où je ne suis pas disponible').fill('2027-02-15\n2027-03-01');
      await profile.getByLabel('Témoigner en classe').check();
      await profile.getByLabel('Mon métier et mon domaine').check();
      await profile.getByLabel('Ma citation').check();
      await submitTo(sp, profile.getByRole('button', { name: 'Enregistrer le profil' }), /\/collectif\/mon-profil\?etat=enregistre/);
      assert.match(await sp.locator('main').textContent(), /Profil enregistré/);
      assert.equal(await sp.locator('#profil-job_title').inputValue(), 'Technicienne de maintenance industrielle');
      assert.ok(await sp.getByLabel('jeudi après-midi').isChecked());
      assert.equal(await sp.locator('#profil-days_off').inputValue(), '2027-02-15, 2027-03-01');
      assert.ok(await sp.getByLabel('Ma citation').isChecked());
      assert.ok(!(await sp.getByLabel('Ma photo').isChecked()));
      await expectClean(she, '/collectif/mon-profil (saved)');
      assert.equal((await sp.goto('/collectif')).status(), 200);
      await sp.getByRole('link', { name: 'Mon profil' }).first().waitFor();
      await expectClean(she, '/collectif (member hub)');
      assert.equal((await sp.goto('/collectif/mon-profil/quitter')).status(), 200);
      await expectClean(she, '/collectif/mon-profil/quitter');

      // The coordinator now sees her active.
      await cp.goto('/collectif/membres?statut=active&q=Testeuse');
      assert.match(await cp.locator('main table').textContent(), /Noémie Testeuse/);

      // ---- a visitor: the public form --------------------------------------------------------------------------
      const visitor = await open('desktop');
      assert.equal((await visitor.page.goto('/collectif/rejoindre')).status(), 200);
      await visitor.page.getByLabel('Territoire *').selectOption({ index: 1 });
      await expectClean(visitor, '/collectif/rejoindre');
    } finally {
      for (const p of opened) await p.context.close();
    }
  });
