// The teacher's intervention request (issue 5, point 1): from the home page, without an account, she fills the form
// with the keyboard only (her school found through the search field), a missing field comes back with its French
// message, the e-mail caught by the SMTP sink carries her private link, she confirms there and sees her request;
// the form and the private page pass axe-core (WCAG 2.1 AA) on a desktop and on a phone, with no console error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, axeViolations, formatViolations, tabTo } from './support.mjs';

const env = useEnvironment({ smtp: true });

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// A weekday three weeks from now, 'YYYY-MM-DD'.
function weekdayInThreeWeeks() {
  const d = new Date(Date.now() + 21 * 86400_000);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// Tabs to the field with this id and types the text.
async function typeInto(page, id, text) {
  await tabTo(page, (f) => f.id === id, `#${id}`, 60);
  await page.keyboard.type(text);
}

test('request form with the keyboard → e-mail → private link → confirmed', { timeout: 180_000 }, async () => {
  const { baseUrl, mail } = env.server;
  const email = `enseignante.demande.${Date.now().toString(36)}@college.passerelles.test`;
  const day = weekdayInThreeWeeks();
  const { page, context, watch } = await env.newPage('desktop');
  try {
    await page.goto('/');
    await Promise.all([page.waitForURL('**/demandes/nouvelle'),
      page.locator('main').getByRole('button', { name: 'Demander une intervention' }).click()]);
    await expectNoViolations(page, 'request form');

    // The school through the search field: the datalist fills as she types (htmx).
    await tabTo(page, (f) => f.id === 'req-school', 'the school field', 60);
    const options = page.locator('#req-school-options option');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/demandes/etablissements') && r.status() === 200),
      page.keyboard.type('Clairs Soleils', { delay: 20 }),
    ]);
    await options.first().waitFor({ state: 'attached' });
    const proposal = await options.first().getAttribute('value');
    assert.match(proposal, /^0251116C — .*Clairs Soleils.*\(Besançon\)$/, `the proposal « ${proposal} »`);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(proposal);

    await typeInto(page, 'req-contact_name', 'Claire Martin');
    await typeInto(page, 'req-email', email);
    await typeInto(page, 'req-role', 'professeure de technologie');
    // « Témoignage en classe » is checked by default; one level; the counts; no date yet.
    await tabTo(page, (f) => f.id === 'req-level-4e', 'the 4e box', 60);
    await page.keyboard.press('Space');
    await typeInto(page, 'req-girls', '12');
    await typeInto(page, 'req-boys', '14');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Envoyer la demande', 'the submit button', 60);
    watch.expectStatus(`${baseUrl}/demandes/nouvelle`, 422);
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.keyboard.press('Enter'),
    ]);
    assert.equal(refused.status(), 422);
    await page.waitForLoadState('load');
    const summary = await page.locator('.error-summary').textContent();
    assert.ok(summary.includes('Proposez au moins un jour'), summary);
    assert.equal(await page.locator('#req-contact_name').inputValue(), 'Claire Martin', 'what she typed is kept');
    assert.ok(await page.locator('#req-level-4e').isChecked());
    await expectNoViolations(page, 'refused request form');

    // She follows the summary's link to the dates, types them and sends.
    await page.locator('.error-summary a', { hasText: 'Dates' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#req-dates').focus();
    await page.keyboard.type(`${day}, ${day}..${day}`);
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Envoyer la demande', 'the submit button', 60);
    await Promise.all([page.waitForURL('**/demandes/nouvelle?etat=envoyee'), page.keyboard.press('Enter')]);
    const sent = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.ok(sent.includes('Vérifiez votre messagerie'), sent.slice(0, 300));
    await expectNoViolations(page, 'check your mail');

    // The e-mail and its link; she confirms there.
    const message = await mail.waitFor(email);
    assert.match(message.subject, /^Confirmez votre demande d’intervention/);
    const m = message.text.match(/(https?:\/\/\S+)(\/demandes\/[A-Za-z0-9_-]{32})\?confirmer=1/);
    assert.ok(m, `a confirmation link in the e-mail:\n${message.text}`);
    assert.equal(m[1], baseUrl, 'the link points to this server');
    assert.ok(!(await page.content()).includes(m[2]), 'the private link was only in the e-mail');
    await page.goto(`${m[2]}?confirmer=1`);
    await expectNoViolations(page, 'private page (to confirm)');
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Confirmer ma demande', 'the confirm button', 40);
    await Promise.all([page.waitForURL(`**${m[2]}?etat=confirmee`), page.keyboard.press('Enter')]);
    const shown = (await page.locator('main').textContent()).replace(/\s+/g, ' ');
    assert.ok(shown.includes('Demande confirmée.'), shown.slice(0, 300));
    assert.ok(shown.includes('En attente d’ambassadrices'), shown.slice(0, 400));
    assert.ok(shown.includes('Clairs Soleils'));
    await expectNoViolations(page, 'private page (confirmed)');

    // On a phone: the form and the private page.
    const phone = await env.newPage('phone');
    try {
      await phone.page.goto('/demandes/nouvelle');
      await expectNoViolations(phone.page, 'request form (phone)');
      await phone.page.goto(m[2]);
      await expectNoViolations(phone.page, 'private page (phone)');
      await phone.page.goto(`${m[2]}/modifier`);
      await expectNoViolations(phone.page, 'edit form (phone)');
      assert.deepEqual(phone.watch.take(), []);
    } finally {
      await phone.context.close();
    }
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});
