// The events journey (issue 8): the coordinator publishes an event of today with places; a teacher, without an
// account, finds it in the public calendar, books a class (her school found through the search field), receives the
// e-mail, follows its private link and confirms; a second booking (a prescriber on a phone) checks itself in at the
// door's /p/TOKEN with its code; the coordinator ticks the class on the attendance sheet (on a phone) with the counts
// that really came, and the dashboard's people count for the month moves by exactly those. Every page on the way
// passes axe-core (WCAG 2.1 AA) and logs no console error; /evenements.ics lists the new event.
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment({ smtp: true });

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// Where a booking lands: its private page, "just booked" (the form's #inscription stays in the address).
const JUST_BOOKED = /\/inscriptions\/[^/?]+\?etat=nouvelle(#.*)?$/;

// Today in Paris, 'YYYY-MM-DD' (the server's day for "today" and for check-in).
const parisDay = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

// "Personnes sensibilisées" of the dashboard's key figures for one month (YYYY-MM), as a number.
async function peopleOfMonth(page, month) {
  const response = await page.goto(`/tableau-de-bord?du=${month}&au=${month}`);
  assert.equal(response.status(), 200);
  const text = await page.locator('article.key-figure:has(#chiffre-people_reached) .figure').textContent();
  assert.match(text.trim(), /^\d[\d\s\u202f\u00a0]*$/, `people figure « ${text} »`);
  return Number(text.replace(/\D/g, ''));
}

// Clicks a form's submit button and waits for the page the POST redirects to (matching `url`); when the form comes
// back instead, fails with the messages it shows.
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

// The private link an e-mail carries, as a path (/inscriptions/TOKEN).
function privatePath(mail, baseUrl) {
  const m = mail.text.match(/(https?:\/\/\S+)\/inscriptions\/([A-Za-z0-9_-]+)/);
  assert.ok(m, `a private link in the e-mail:\n${mail.text}`);
  assert.equal(m[1], baseUrl, 'the link points to this server');
  return `/inscriptions/${m[2]}`;
}

test('publish → book a class → confirm by e-mail → check-in and attendance → the dashboard counts it',
  { timeout: 180_000 }, async () => {
    const { baseUrl, mail } = env.server;
    const today = parisDay();
    const month = today.slice(0, 7);
    const title = `Visite de l’atelier d’usinage e2e ${Date.now().toString(36)}`;
    const teacherEmail = 'enseignante.e2e@college.passerelles.test';
    const prescriberEmail = 'conseillere.e2e@mission-locale.passerelles.test';
    const opened = [];
    const open = async (viewport) => { const p = await env.newPage(viewport); opened.push(p); return p; };

    try {
      // ---- the coordinator publishes the event -----------------------------------------------------------------
      const coord = await open('desktop');
      assert.equal(await login(coord.page, USERS.coordinator.email, USERS.coordinator.password), 303);
      const peopleBefore = await peopleOfMonth(coord.page, month);

      await coord.page.goto('/evenements/gerer');
      await coord.page.getByRole('button', { name: 'Nouvel événement' }).click();  // a link drawn as a button
      await coord.page.waitForURL('**/evenements/nouveau');
      await expectNoViolations(coord.page, 'organiser form');
      const form = coord.page.locator('main form[method="post"]');
      await form.getByLabel('Type d’événement').selectOption('visite_entreprise');
      await form.getByLabel('Titre').fill(title);
      await form.getByLabel('Description').fill('Découverte des machines à commande numérique et rencontre avec '
        + 'deux techniciennes de l’atelier.');
      await form.getByLabel('Jour de début').fill(today);
      await form.getByLabel('Heure de début').fill('09:00');
      await form.getByLabel('Heure de fin').fill('12:00');
      await form.getByLabel('Lieu', { exact: true }).fill('Atelier de décolletage, bâtiment B');
      await form.getByLabel('Adresse', { exact: true }).fill('12 rue de la Mécanique, Besançon');
      await form.getByLabel('Code INSEE de la commune').fill('25056');
      await form.getByLabel('Collégiens et collégiennes').check();
      await form.getByLabel('Femmes en reconversion').check();
      await form.getByLabel('Nombre de places').fill('60');
      await form.getByLabel('Consignes de sécurité').fill('Chaussures fermées, cheveux attachés.');
      await form.getByLabel('Publier maintenant dans le calendrier public').check();
      await submitTo(coord.page, form.getByRole('button', { name: 'Créer l’événement' }),
        /\/evenements\/\d+\/gestion/);
      const eventId = coord.page.url().match(/\/evenements\/(\d+)\/gestion/)[1];
      assert.match((await coord.page.locator('main').textContent()).replace(/\s+/g, ' '), /Statut : Publié\./,
        'the event is published');
      await expectNoViolations(coord.page, 'management page (new event)');
      await coord.page.getByRole('link', { name: 'Page publique' }).click();
      await coord.page.waitForURL(`**/evenements/${eventId}`);
      assert.equal(await coord.page.getByRole('heading', { level: 1 }).textContent(), title);

      // ---- a teacher finds it and books a class ----------------------------------------------------------------
      const teacher = await open('desktop');
      const tp = teacher.page;
      await tp.goto('/evenements');
      await expectNoViolations(tp, 'public list');
      await tp.goto('/evenements?vue=calendrier');
      assert.ok(await tp.locator('table.month-grid').getByRole('link', { name: title }).count() >= 1,
        'the event is in this month’s calendar');
      await expectNoViolations(tp, 'calendar view');
      await tp.goto('/evenements');
      await tp.getByLabel('Mots').fill(title.split(' ').pop());
      await tp.getByRole('button', { name: 'Filtrer' }).click();
      await tp.getByRole('link', { name: title }).click();
      await tp.waitForURL(`**/evenements/${eventId}`);
      assert.match(await tp.locator('.facts').textContent(), /60 places/);
      await expectNoViolations(tp, 'event page');

      const booking = tp.locator('form.booking-form');
      await booking.getByLabel('Une classe').check();
      // The school through the search field: the datalist fills as she types (htmx), she takes the proposal.
      const school = booking.getByLabel('Établissement');
      const options = tp.locator('#reg-school-options option');
      await Promise.all([
        tp.waitForResponse((r) => r.url().includes(`/evenements/${eventId}/etablissements`) && r.status() === 200),
        school.pressSequentially('Clairs Soleils', { delay: 20 }),
      ]);
      await options.first().waitFor({ state: 'attached' });
      const proposal = await options.first().getAttribute('value');
      assert.match(proposal, /^0251116C — .*Clairs Soleils.*\(Besançon\)$/, `the proposal « ${proposal} »`);
      await school.fill(proposal);
      await booking.getByLabel('Niveau de la classe').selectOption('4e');
      await booking.getByLabel('Filles').fill('12');
      await booking.getByLabel('Garçons').fill('10');
      await booking.getByLabel('Adultes accompagnateurs').fill('2');
      await booking.getByLabel('Nom et prénom').fill('Claire Martin');
      await booking.getByLabel('E-mail').fill(teacherEmail);
      await submitTo(tp, booking.getByRole('button', { name: 'Réserver' }), JUST_BOOKED);
      const booked = (await tp.locator('main').textContent()).replace(/\s+/g, ' ');
      assert.ok(booked.includes('Inscription enregistrée'), booked.slice(0, 300));
      assert.ok(booked.includes('24 places vous sont réservées'), booked.slice(0, 400));
      await expectNoViolations(tp, 'booking confirmation');

      // The e-mail, its private link; she confirms there.
      const teacherMail = await mail.waitFor(teacherEmail);
      assert.ok(teacherMail.subject.includes(title), `subject « ${teacherMail.subject} »`);
      assert.match(teacherMail.subject, /^Confirmez votre inscription/);
      const teacherPath = privatePath(teacherMail, baseUrl);
      assert.equal(new URL(tp.url()).pathname, teacherPath, 'the mailed link is the page she was sent to');
      await tp.goto(teacherPath);
      assert.ok((await tp.locator('dl.facts').textContent()).includes('à confirmer'));
      await expectNoViolations(tp, 'private page (to confirm)');
      await tp.getByRole('button', { name: 'Confirmer mon inscription' }).click();
      await tp.getByText('Inscription confirmée. Merci !').waitFor();
      assert.ok((await tp.locator('dl.facts').textContent()).includes('confirmée'));
      assert.equal(await tp.getByRole('button', { name: 'Confirmer mon inscription' }).count(), 0);
      await expectNoViolations(tp, 'private page (confirmed)');

      // ---- a prescriber books on her phone (checked in at the door below) --------------------------------------
      const prescriber = await open('phone');
      const pp = prescriber.page;
      await pp.goto(`/evenements/${eventId}`);
      const pbook = pp.locator('form.booking-form');
      await pbook.getByLabel('Des personnes que j’accompagne').check();
      await pbook.getByLabel('Ma structure').fill('Mission locale du Grand Besançon');
      await pbook.getByLabel('Nombre de personnes accompagnées').fill('4');
      await pbook.getByLabel('Ces personnes sont').selectOption('women_reconversion');
      await pbook.getByLabel('Nom et prénom').fill('Nadia Benali');
      await pbook.getByLabel('E-mail').fill(prescriberEmail);
      await submitTo(pp, pbook.getByRole('button', { name: 'Réserver' }), JUST_BOOKED);
      const prescriberMail = await mail.waitFor(prescriberEmail);
      const code = prescriberMail.text.match(/Votre code d’accueil : ([A-Z0-9]{6})/)?.[1];
      assert.ok(code, `a check-in code in the e-mail:\n${prescriberMail.text}`);
      assert.equal(await pp.locator('main strong.checkin-code').first().textContent(), code);

      // ---- the management page lists both; the door page shows the check-in address ---------------------------
      await coord.page.goto(`/evenements/${eventId}/gestion`);
      const manage = (await coord.page.locator('main').textContent()).replace(/\s+/g, ' ');
      assert.ok(manage.includes('Claire Martin') && manage.includes('Nadia Benali'), 'both registrations listed');
      await expectNoViolations(coord.page, 'management page (with registrations)');
      await coord.page.getByRole('button', { name: 'QR code d’accueil' }).click();
      await coord.page.waitForURL(`**/evenements/${eventId}/accueil`);
      assert.ok(await coord.page.locator('figure.qr svg').count() === 1, 'the QR code is drawn');
      const doorUrl = (await coord.page.locator('.door-url a').textContent()).trim();
      assert.match(doorUrl, /^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]+$/);
      await expectNoViolations(coord.page, 'door page');

      // ---- the coordinator ticks the class on a phone with the counts that came --------------------------------
      const coordPhone = await open('phone');
      const cp = coordPhone.page;
      assert.equal(await login(cp, USERS.coordinator.email, USERS.coordinator.password), 303);
      await cp.goto(`/evenements/${eventId}/presences`);
      await expectNoViolations(cp, 'attendance sheet');
      const row = cp.locator('fieldset.attendance-row', { hasText: 'Claire Martin' });
      await row.getByLabel('Présent').check();
      await row.getByLabel('Filles').fill('11');
      await row.getByLabel('Garçons').fill('9');
      await row.getByLabel('Adultes accompagnateurs').fill('1');
      const ticked = 11 + 9 + 1;
      await submitTo(cp, cp.getByRole('button', { name: 'Enregistrer les présences' }), /\/presences\?msg=presences/);
      await cp.getByText('Présences enregistrées').waitFor();
      const action = (await cp.locator('section.attendance-action').textContent()).replace(/\s+/g, ' ');
      assert.ok(action.includes(`${ticked} personnes présentes`), action);
      assert.ok(action.includes('Elle compte dans les indicateurs'), 'validated at once for a coordinator');
      assert.ok(await row.getByLabel('Présent').isChecked(), 'the sheet shows the class as present');
      assert.equal(await row.getByLabel('Filles').inputValue(), '11');
      await expectNoViolations(cp, 'attendance sheet (saved)');
      assert.equal(await peopleOfMonth(coord.page, month) - peopleBefore, ticked,
        'the dashboard moves by the counts ticked');

      // ---- the prescriber's group checks itself in on her phone -----------------------------------------------
      await pp.goto(doorUrl);
      await expectNoViolations(pp, 'check-in page');
      await pp.getByLabel('Code de l’inscription').fill(code.toLowerCase());
      await pp.getByLabel('Personnes (hors classe)').fill('3');
      await pp.getByRole('button', { name: 'Nous sommes arrivés' }).click();
      await pp.getByRole('heading', { name: 'Bienvenue !' }).waitFor();
      assert.ok((await pp.locator('main').textContent()).includes('3 personnes'));
      await expectNoViolations(pp, 'check-in done');
      // 3 women in retraining and the prescriber herself join the validated action.
      assert.equal(await peopleOfMonth(coord.page, month) - peopleBefore, ticked + 3 + 1,
        'the check-in adds the group and its prescriber');
      await cp.goto(`/evenements/${eventId}/presences`);
      const prow = cp.locator('fieldset.attendance-row', { hasText: 'Nadia Benali' });
      assert.ok(await prow.getByLabel('Présent').isChecked(), 'the checked-in group shows on the sheet');
      assert.equal(await prow.getByLabel('Personnes accompagnées').inputValue(), '3');

      // ---- the public iCalendar feed lists it -------------------------------------------------------------------
      const ics = await coord.page.request.get('/evenements.ics');
      assert.equal(ics.status(), 200);
      assert.match(ics.headers()['content-type'], /^text\/calendar/);
      const unfolded = (await ics.text()).replace(/\r\n[ \t]/g, '');
      assert.ok(unfolded.includes(`SUMMARY:${title}\r\n`), 'the feed lists the new event');

      for (const p of opened) assert.deepEqual(p.watch.take(), [], 'console errors');
    } finally {
      for (const p of opened) await p.context.close();
    }
  });

// The demo's upcoming events, as the database holds them, are what the public feeds give, read by an independent
// parser (Debian's python3-icalendar through tests/tools/check_ics.py).
test('the iCalendar feeds list the demo\'s upcoming events of each territory', { timeout: 60_000 }, async () => {
  const file = env.server.db.replace(/^sqlite:/, '');
  const q = (sql) => JSON.parse(execFileSync('sqlite3', ['-json', file, sql], { encoding: 'utf8' }).trim() || '[]');
  const today = parisDay();
  const dir = mkdtempSync(join(tmpdir(), 'passerelles-ics-'));
  try {
    for (const [path, where] of [
      ['/evenements.ics', ''],
      ['/territoires/cmq-msi-bfc/evenements.ics', "AND t.slug = 'cmq-msi-bfc'"],
      ['/territoires/ti-flandre-saint-omer/evenements.ics', "AND t.slug = 'ti-flandre-saint-omer'"],
    ]) {
      const rows = q(`SELECT e.title FROM events e JOIN territories t ON t.id = e.territory_id WHERE e.status <> 'draft'
        AND e.ends_on >= '${today}' ${where} ORDER BY e.starts_on, e.start_time, e.id`);
      assert.ok(rows.length >= (where ? 5 : 10), `the demo has several upcoming events (${path}: ${rows.length})`);
      const res = await fetch(env.server.baseUrl + path);
      assert.equal(res.status, 200, path);
      const ics = join(dir, 'feed.ics');
      writeFileSync(ics, Buffer.from(await res.arrayBuffer()));
      const args = ['tests/tools/check_ics.py', ics, '--expect-count', String(rows.length)];
      for (const r of rows) args.push('--expect-summary', r.title);
      try {
        execFileSync('/usr/bin/python3', args, { encoding: 'utf8', stdio: 'pipe' });
      } catch (e) {
        assert.fail(`${path}: ${e.stderr || e.message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
