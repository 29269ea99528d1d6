// From an offer to an accepted application (issue 7) in a real browser: a company contact publishes an offer, a
// school contact finds it in /offres and refers a pupil, the company opens the application (it becomes « Vue »),
// proposes an interview and accepts; the school contact sees « Acceptée »; the e-mails reach the SMTP sink. Every
// new page passes axe-core (WCAG 2.1 AA) on a desktop and on a phone, and logs no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment({ smtp: true });

async function expectClean(p, where) {
  const violations = await axeViolations(p.page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
  assert.deepEqual(p.watch.take(), [], `${where}: console errors or CSP violations`);
}

// 'YYYY-MM-DD', `days` from now.
const dayIn = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('an offer, a referred pupil, an interview and the acceptance', { timeout: 120_000 }, async () => {
  const company = await env.newPage('desktop');
  const school = await env.newPage('desktop');
  const title = `Stage d’observation en micromécanique ${Date.now() % 100000}`;
  const pages = [];
  try {
    // The company contact publishes.
    assert.equal(await login(company.page, USERS.company.email, USERS.company.password), 303);
    assert.equal((await company.page.goto('/offres/nouvelle')).status(), 200);
    await expectClean(company, '/offres/nouvelle');
    const form = company.page.locator('main form');
    await form.getByLabel('Type d’offre').selectOption('stage_3e');
    await form.getByLabel('Titre').fill(title);
    await form.getByLabel('Places').fill('2');
    await form.getByLabel('Début').fill(dayIn(30));
    await form.getByLabel('Fin', { exact: true }).fill(dayIn(34));
    await form.getByLabel('Accessibilité').fill('Atelier de plain-pied, bus ligne 3.');
    await form.getByRole('radio', { name: /Publiée/ }).check();
    await Promise.all([company.page.waitForURL(/\/offres\/\d+\?msg=enregistre$/),
      form.getByRole('button', { name: 'Enregistrer l’offre' }).click()]);
    const offerPath = new URL(company.page.url()).pathname;
    await company.page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await expectClean(company, offerPath);
    pages.push('/offres', offerPath, '/offres/nouvelle');

    // The school contact finds it and refers a pupil.
    assert.equal(await login(school.page, USERS.school.email, USERS.school.password), 303);
    assert.equal((await school.page.goto('/offres?type=stage_3e&q=micromecanique')).status(), 200);
    await expectClean(school, '/offres (filtered)');
    await Promise.all([school.page.waitForURL(`**${offerPath}`), school.page.getByRole('link', { name: title }).click()]);
    await Promise.all([school.page.waitForURL(`**${offerPath}/candidater`),
      school.page.getByRole('button', { name: 'Présenter une candidature' }).click()]);
    await expectClean(school, `${offerPath}/candidater`);
    pages.push(`${offerPath}/candidater`);
    const apply = school.page.locator('main form');
    await apply.getByLabel('Prénom').fill('Léa');
    await apply.getByLabel('Nom *', { exact: true }).fill('Martin');
    await apply.getByLabel('Sexe').selectOption('F');
    await apply.getByLabel('Oui, moins de 18 ans').check();
    await apply.getByLabel('Classe').selectOption('3e');
    await apply.getByLabel('Message à l’entreprise').fill('Léa aime démonter les réveils.');
    await Promise.all([school.page.waitForURL(/\/candidatures\/\d+\?msg=envoyee$/),
      apply.getByRole('button', { name: 'Envoyer la candidature' }).click()]);
    const applicationPath = new URL(school.page.url()).pathname;
    assert.match(await school.page.locator('main').textContent(), /Envoyée/);
    await expectClean(school, applicationPath);
    pages.push(applicationPath, '/candidatures');
    const notice = await env.server.mail.waitFor(USERS.company.email);
    assert.match(notice.subject, /Nouvelle candidature/);
    assert.ok(notice.text.includes(applicationPath), 'the link to the application');

    // The company opens it (« Vue »), proposes an interview, accepts.
    assert.equal((await company.page.goto(applicationPath)).status(), 200);
    assert.match(await company.page.locator('.application-state').textContent(), /Vue par l’entreprise/);
    await expectClean(company, `${applicationPath} (company)`);
    await company.page.getByLabel('Jour de l’entretien').fill(dayIn(5));
    await Promise.all([company.page.waitForURL(/msg=enregistre/),
      company.page.getByRole('button', { name: 'Proposer un entretien' }).click()]);
    assert.match(await company.page.locator('.application-state').textContent(), /Entretien prévu/);
    await Promise.all([company.page.waitForURL(/msg=enregistre/),
      company.page.getByRole('button', { name: 'Accepter la candidature' }).click()]);
    assert.match(await company.page.locator('.application-state').textContent(), /Acceptée/);
    await expectClean(company, `${applicationPath} accepted`);

    // The school contact sees « Acceptée », and was told by e-mail.
    assert.equal((await school.page.goto('/candidatures')).status(), 200);
    const row = school.page.locator('tbody tr', { hasText: title });
    assert.match(await row.textContent(), /Acceptée/);
    await expectClean(school, '/candidatures');
    const told = await env.server.mail.waitFor((m) => m.to.includes(USERS.school.email) && /Acceptée/.test(m.subject));
    assert.ok(told.text.includes('la candidature est acceptée'), told.text);
  } finally {
    await company.context.close();
    await school.context.close();
  }

  // The new pages on a phone.
  for (const [who, paths] of [[USERS.company, ['/offres', pages[1], '/offres/nouvelle', pages[4]]],
    [USERS.school, [pages[3], '/candidatures']]]) {
    const phone = await env.newPage('phone');
    try {
      assert.equal(await login(phone.page, who.email, who.password), 303);
      for (const path of paths) {
        assert.equal((await phone.page.goto(path)).status(), 200, path);
        await expectClean(phone, `${path} (phone)`);
      }
    } finally {
      await phone.context.close();
    }
  }
});
