// The whole intervention journey (issue 5): a teacher, without an account, asks for a testimony in class at
// /demandes/nouvelle; the confirmation e-mail is caught by the SMTP sink and its link followed; the coordinator runs
// the matching on /interventions and accepts the proposals; the ambassador, invited by e-mail, accepts from her
// « Mes interventions »; the confirmation e-mails carry an invitation.ics that python3-icalendar parses; after the
// day she reports in one minute, and the girls she met are counted on the dashboard. Every page of the journey passes
// axe-core (WCAG 2.1 AA) on a desktop and on a phone.
//
// Set-up done in the database with sqlite3 (the journey's own pages cannot do it): the e2e ambassador account gets
// a collective profile (home commune = the school's commune, every half-day, 30 km), the territory's other members
// are made unavailable so that the matching can only propose her, and, once she accepted, the day of the
// intervention is moved to today ("the day has come": a report is allowed on the day itself).
import { test } from 'node:test';
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS, TERRITORY } from './support.mjs';

const env = useEnvironment({ smtp: true });

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// 'YYYY-MM-DD' in Paris, `days` from today.
function parisDay(days = 0) {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// The first weekday (Monday–Friday) after today.
function nextWeekday() {
  for (let n = 1; ; ++n) {
    const day = parisDay(n);
    const wd = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (wd >= 1 && wd <= 5) return day;
  }
}

function sql(db, statement) {
  return new Promise((res, rej) => execFile('sqlite3', ['-cmd', '.timeout 5000', db.replace(/^sqlite:/, ''), statement],
    { timeout: 30_000 }, (err, stdout, stderr) => (err ? rej(new Error(`sqlite3: ${stderr || err.message}`)) : res(stdout.trim()))));
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

// The invitation.ics attached to a raw message (multipart/mixed, base64), decoded.
function attachedIcs(mail) {
  const at = mail.raw.indexOf('filename="invitation.ics"');
  assert.ok(at > 0, `an invitation.ics attached to « ${mail.subject} »`);
  const header = mail.raw.slice(0, at).split('\r\n').reverse().find((l) => l.startsWith('Content-Type: text/calendar'));
  assert.match(header || '', /method=REQUEST/, 'text/calendar; method=REQUEST');
  const body = mail.raw.slice(mail.raw.indexOf('\r\n\r\n', at) + 4);
  return Buffer.from(body.slice(0, body.indexOf('--')).replace(/\s+/g, ''), 'base64').toString('utf8');
}

// Parses an .ics with Debian's python3-icalendar: its METHOD, and each VEVENT's start and location.
function parseIcs(ics) {
  const dir = mkdtempSync(join(tmpdir(), 'passerelles-journey-'));
  try {
    const file = join(dir, 'invitation.ics');
    writeFileSync(file, ics);
    const out = execFileSync('/usr/bin/python3', ['-c', `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
events = [{'start': e.decoded('DTSTART').isoformat(), 'location': str(e.get('LOCATION', '')),
           'uid': str(e['UID'])} for e in cal.walk('VEVENT')]
print(json.dumps({'method': str(cal.get('METHOD', '')), 'events': events}))
`, file], { encoding: 'utf8' });
    return JSON.parse(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// "Filles" of the dashboard's key figures for one month (YYYY-MM), as a number.
async function girlsOfMonth(page, month) {
  const response = await page.goto(`/tableau-de-bord?du=${month}&au=${month}`);
  assert.equal(response.status(), 200);
  const text = await page.locator('article.key-figure:has(#chiffre-girls) .figure').textContent();
  return Number(text.replace(/\D/g, ''));
}

test('teacher request → e-mail confirmation → matching → the ambassador accepts → .ics → report → dashboard',
  { timeout: 240_000 }, async () => {
    const { baseUrl, mail, db } = env.server;
    const today = parisDay();
    const day = nextWeekday();
    const teacherEmail = `enseignante.${Date.now().toString(36)}@college.passerelles.test`;
    const opened = [];
    const open = async (viewport) => { const p = await env.newPage(viewport); opened.push(p); return p; };
    const visited = [];  // paths to check again on a phone

    try {
      // ---- set-up: a school of the territory, the e2e ambassador's profile, nobody else available -------------
      const territory = await sql(db, `SELECT id FROM territories WHERE slug = '${TERRITORY}'`);
      const [schoolId, uai, insee] = (await sql(db, `SELECT s.id, s.uai, s.commune_insee FROM schools s
        JOIN communes c ON c.insee = s.commune_insee WHERE s.department = '025' AND s.lat IS NOT NULL
        AND c.lat IS NOT NULL ORDER BY s.id LIMIT 1`)).split('|');
      assert.ok(schoolId, 'a school of the Doubs with coordinates in the seeded directory');
      const userId = await sql(db, `SELECT id FROM users WHERE email = '${USERS.ambassador.email}'`);
      await sql(db, `UPDATE ambassadors SET weekly = '' WHERE territory_id = ${territory};
        INSERT INTO ambassadors (territory_id, user_id, status, first_name, last_name, email, job_title, domain,
          home_commune_insee, max_km, weekly, max_per_month, unsubscribe_token, joined_at, created_at, updated_at)
        VALUES (${territory}, ${userId}, 'active', 'Élise', 'Parcours', '${USERS.ambassador.email}',
          'Technicienne de maintenance', '', '${insee}', 30,
          'mon-am,mon-pm,tue-am,tue-pm,wed-am,wed-pm,thu-am,thu-pm,fri-am,fri-pm', 8,
          'e2e-journey-unsubscribe-token-000', 1, 1, 1);`);

      // ---- the teacher asks, without an account ----------------------------------------------------------------
      const teacher = await open('desktop');
      const tp = teacher.page;
      await tp.goto('/demandes/nouvelle');
      visited.push('/demandes/nouvelle');
      await expectNoViolations(tp, 'request form');
      const form = tp.locator('main form[action="/demandes/nouvelle"]');
      await form.locator('#req-school').fill(uai);
      await form.locator('#req-contact_name').fill('Claire Enseignante');
      await form.locator('#req-email').fill(teacherEmail);
      await form.locator('#req-role').fill('professeure de technologie');
      await form.locator('#req-kind-talk').check();
      await form.locator('#req-level-4e').check();
      await form.locator('#req-girls').fill('14');
      await form.locator('#req-boys').fill('12');
      await form.locator('#req-needed-1').check();
      await form.locator('#req-dates').fill(day);
      await submitTo(tp, form.getByRole('button', { name: 'Envoyer la demande' }), /\/demandes\/nouvelle\?etat=/);
      await expectNoViolations(tp, 'request sent');

      // ---- the confirmation e-mail, its link followed ---------------------------------------------------------
      const confirmMail = await mail.waitFor(teacherEmail);
      const link = confirmMail.text.match(/(https?:\/\/\S+?)\/demandes\/([A-Za-z0-9_-]+)/);
      assert.ok(link, `the private link in the e-mail:\n${confirmMail.text}`);
      assert.equal(link[1], baseUrl, 'the link points to this server');
      const privatePath = `/demandes/${link[2]}`;
      await tp.goto(privatePath);
      await expectNoViolations(tp, 'private request page (to confirm)');
      await submitTo(tp, tp.getByRole('button', { name: 'Confirmer ma demande' }).first(), /etat=confirmee/);
      await expectNoViolations(tp, 'private request page (confirmed)');
      visited.push(privatePath);
      const requestId = await sql(db, `SELECT id FROM intervention_requests WHERE email = '${teacherEmail}'`);
      assert.equal(await sql(db, `SELECT status FROM intervention_requests WHERE id = ${requestId}`), 'open');

      // ---- the coordinator runs the matching and accepts -------------------------------------------------------
      const coord = await open('desktop');
      const cp = coord.page;
      assert.equal(await login(cp, USERS.coordinator.email, USERS.coordinator.password), 303);
      const month = today.slice(0, 7);
      const girlsBefore = await girlsOfMonth(cp, month);
      await cp.goto('/interventions');
      visited.push('/interventions');
      await expectNoViolations(cp, 'matching page');
      await submitTo(cp, cp.getByRole('button', { name: 'Lancer l’appariement' }), /\/interventions\?etat=appariement/);
      await expectNoViolations(cp, 'matching page with proposals');
      const proposed = await sql(db, `SELECT a.status FROM request_assignments a JOIN ambassadors m
        ON m.id = a.ambassador_id WHERE a.request_id = ${requestId} AND m.user_id = ${userId}`);
      assert.equal(proposed, 'proposed', 'the matching proposes the only available ambassador');
      await submitTo(cp, cp.getByRole('button', { name: 'Tout accepter' }), /\/interventions\?etat=/);

      // ---- the ambassador: the invitation e-mail, then « Mes interventions » ------------------------------------
      const invitation = await mail.waitFor((m) => m.to.includes(USERS.ambassador.email) && /\/reponse\//.test(m.text));
      const answer = invitation.text.match(/\/reponse\/([A-Za-z0-9_-]+)/);
      visited.push(`/reponse/${answer[1]}`);
      const amb = await open('desktop');
      const ap = amb.page;
      await ap.goto(`/reponse/${answer[1]}`);
      await expectNoViolations(ap, 'one-click answer page');
      assert.equal(await login(ap, USERS.ambassador.email, USERS.ambassador.password), 303);
      await ap.goto('/collectif');
      await ap.getByRole('link', { name: 'Mes interventions' }).click();
      await ap.waitForURL('**/collectif/interventions');
      visited.push('/collectif/interventions');
      await expectNoViolations(ap, 'my interventions (invited)');
      const card = ap.locator('article.assignment', { has: ap.locator(`form[action$="/accepter"]`) }).first();
      await submitTo(ap, card.getByRole('button', { name: 'Accepter' }), /msg=confirmee/);
      await expectNoViolations(ap, 'my interventions (confirmed)');
      assert.match(await ap.locator('main').textContent(), /Claire Enseignante/, 'the teacher’s contact, once confirmed');
      assert.equal(await sql(db, `SELECT status || ' ' || day FROM intervention_requests WHERE id = ${requestId}`),
        `confirmed ${day}`);

      // ---- the .ics of the confirmation e-mails parses with python3-icalendar ----------------------------------
      for (const to of [teacherEmail, USERS.ambassador.email]) {
        const confirmed = await mail.waitFor((m) => m.to.includes(to) && /confirmée/.test(m.subject));
        const parsed = parseIcs(attachedIcs(confirmed));
        assert.equal(parsed.method, 'REQUEST');
        assert.equal(parsed.events.length, 1);
        assert.equal(parsed.events[0].start, day, `the day in ${to}’s invitation`);
      }
      // The download from her page too.
      const assignmentId = await sql(db, `SELECT id FROM request_assignments WHERE request_id = ${requestId}
        AND status = 'accepted'`);
      const download = await ap.request.get(`/collectif/interventions/${assignmentId}/invitation.ics`);
      assert.equal(download.status(), 200);
      assert.equal(parseIcs(await download.text()).events[0].uid.startsWith(`intervention-${assignmentId}@`), true);
      // Her calendar feed lists it.
      const feedUrl = await ap.locator('#feed-url').inputValue();
      const feed = await ap.request.get(new URL(feedUrl).pathname);
      assert.equal(feed.status(), 200);
      assert.equal(parseIcs(await feed.text()).events.length, 1);

      // ---- the day has come: her report ------------------------------------------------------------------------
      await sql(db, `UPDATE request_assignments SET day = '${today}' WHERE id = ${assignmentId};
        UPDATE intervention_requests SET day = '${today}' WHERE id = ${requestId};`);
      await ap.goto('/collectif/interventions');
      await ap.getByRole('link', { name: 'Compte rendu' }).click();
      await ap.waitForURL(`**/collectif/interventions/${assignmentId}/compte-rendu`);
      visited.push(`/collectif/interventions/${assignmentId}/compte-rendu`);
      await expectNoViolations(ap, 'report form');
      const report = ap.locator('main form[action$="/compte-rendu"]');
      await report.getByLabel('Filles').fill('13');
      await report.getByLabel('Garçons').fill('11');
      await report.getByLabel('Durée (minutes)').fill('75');
      await report.getByLabel(/Un moment fort/).fill('Trois élèves veulent visiter un atelier de maintenance.');
      await submitTo(ap, report.getByRole('button', { name: 'Enregistrer le compte rendu' }), /msg=compte-rendu/);
      await expectNoViolations(ap, 'my interventions (reported)');
      assert.equal(await sql(db, `SELECT status FROM intervention_requests WHERE id = ${requestId}`), 'done');

      // ---- the dashboard counts the girls she met --------------------------------------------------------------
      assert.equal(await girlsOfMonth(cp, month), girlsBefore + 13, 'the girls of her report on the dashboard');
      visited.push(`/tableau-de-bord?du=${month}&au=${month}`);
      await expectNoViolations(cp, 'dashboard');

      // ---- the same pages on a phone ----------------------------------------------------------------------------
      const phones = { anonymous: await open('phone'), coordinator: await open('phone'), ambassador: await open('phone') };
      assert.equal(await login(phones.coordinator.page, USERS.coordinator.email, USERS.coordinator.password), 303);
      assert.equal(await login(phones.ambassador.page, USERS.ambassador.email, USERS.ambassador.password), 303);
      for (const path of visited) {
        const who = path.startsWith('/collectif') ? 'ambassador'
          : path.startsWith('/interventions') || path.startsWith('/tableau') ? 'coordinator' : 'anonymous';
        const response = await phones[who].page.goto(path);
        assert.equal(response.status(), 200, `${path} on a phone`);
        await expectNoViolations(phones[who].page, `${path} (phone)`);
      }
      for (const p of opened) assert.deepEqual(p.watch.take(), [], 'no console error, no CSP violation');
    } finally {
      for (const p of opened) await p.context.close();
    }
  });
