// Every reachable page, for a visitor, a coordinator and an admin, on a desktop and on a phone: axe-core finds no
// WCAG 2.1 A/AA violation, and the browser logs no console error, uncaught exception or CSP violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, axeViolations, formatViolations, USERS, VIEWPORTS } from './support.mjs';

// Pages that must answer 200 to this role once they exist (a 404 means "not built yet" and is reported).
// Links found on the pages are visited too, so new pages are checked without being listed here.
const EXPECTED = {
  visitor: ['/', '/connexion', '/mot-de-passe/oubli', '/evenements', '/evenements?vue=calendrier', '/evenements/integrer',
    '/collectif/rejoindre', '/portraits', '/portraits/integrer'],
  coordinator: ['/tableau-de-bord', '/actions', '/actions/nouvelle', '/plan', '/annuaire/etablissements',
    '/annuaire/organisations', '/annuaire/personnes', '/profil', '/journal',
    '/collectif', '/collectif/membres', '/collectif/membres/inviter', '/parrainage', '/parrainage/programmes/nouveau',
    '/confidentialite', '/offres', '/offres/nouvelle', '/candidatures', '/entreprise/embauches'],
  admin: ['/tableau-de-bord', '/profil', '/journal', '/utilisateurs', '/territoires', '/confidentialite'],
};
const MISSING_PAGE = '/cette-page-n-existe-pas';  // scanned as the 404 page
const MAX_PAGES = 40;       // per role and viewport
const MAX_PER_SHAPE = 1;    // e.g. one school page, not every school

// "/annuaire/etablissements/0350122T" -> "/annuaire/etablissements/:id"
const shape = (path) => path.split('/').map((s) => (/\d/.test(s) ? ':id' : s)).join('/');

// Visits the expected pages, then the links they hold; scans each HTML page. Returns one record per path.
async function crawl(page, watch, role, baseUrl) {
  const queue = [...EXPECTED[role], ...(role === 'visitor' ? [MISSING_PAGE] : [])];
  const queued = new Set(queue);
  const perShape = new Map();
  const records = [];
  while (queue.length && records.filter((r) => r.scanned).length < MAX_PAGES) {
    const path = queue.shift();
    const url = baseUrl + path;
    const probe = await page.request.get(url, { maxRedirects: 0 });
    const record = { path, status: probe.status(), type: probe.headers()['content-type'] || '', scanned: false };
    records.push(record);
    if (!record.type.startsWith('text/html')) continue;
    if (record.status !== 200 && path !== MISSING_PAGE) continue;
    watch.expectStatus(url, record.status);
    const response = await page.goto(url, { waitUntil: 'load' });
    record.status = response.status();
    await page.waitForLoadState('networkidle', { timeout: 3000 }).catch(() => {});
    record.violations = await axeViolations(page);
    record.problems = watch.take();
    record.scanned = true;
    for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.href))) {
      const u = new URL(href);
      if (u.origin !== baseUrl || u.pathname.startsWith('/static/') || queued.has(u.pathname)) continue;
      const n = perShape.get(shape(u.pathname)) || 0;
      if (n >= MAX_PER_SHAPE) continue;
      perShape.set(shape(u.pathname), n + 1);
      queued.add(u.pathname);
      record.links = (record.links || 0) + 1;
      queue.push(u.pathname);
    }
  }
  return records;
}

const env = useEnvironment();

for (const role of Object.keys(EXPECTED)) {
  for (const viewport of Object.keys(VIEWPORTS)) {
    test(`${role} at ${viewport} size: pages are accessible and error-free`, { timeout: 300_000 }, async (t) => {
      const { context, page, watch } = await env.newPage(viewport);
      try {
        if (role !== 'visitor') {
          await login(page, USERS[role].email, USERS[role].password);
          assert.equal(new URL(page.url()).pathname, '/tableau-de-bord', `${role} could not log in`);
          assert.deepEqual(watch.take(), [], 'console errors while logging in');
        }
        const records = await crawl(page, watch, role, env.server.baseUrl);
        const where = (r) => `${r.path} as ${role} at ${viewport} (${VIEWPORTS[viewport].viewport.width}×${VIEWPORTS[viewport].viewport.height})`;

        await t.test('expected pages answer 200 (or 404 while not built)', () => {
          const notYet = [];
          for (const path of EXPECTED[role]) {
            const r = records.find((x) => x.path === path);
            if (r.status === 404) notYet.push(path);
            else assert.equal(r.status, 200, `${path} answered ${r.status} to ${role}`);
          }
          if (notYet.length) t.diagnostic(`not built yet (404): ${notYet.join(', ')}`);
          const missing = records.find((x) => x.path === MISSING_PAGE);
          if (missing) assert.equal(missing.status, 404, `${MISSING_PAGE} should answer 404`);
        });
        t.diagnostic(`scanned: ${records.filter((r) => r.scanned).map((r) => r.path).join(', ')}`);
        const broken = records.filter((r) => r.status === 404 && r.path !== MISSING_PAGE && !EXPECTED[role].includes(r.path));
        if (broken.length) t.diagnostic(`links to pages not built yet (404): ${broken.map((r) => r.path).join(', ')}`);
        const other = records.filter((r) => !r.scanned && r.status !== 404);
        if (other.length) t.diagnostic(`not scanned: ${other.map((r) => `${r.path} (${r.status} ${r.type})`).join(', ')}`);

        for (const r of records.filter((x) => x.scanned)) {
          await t.test(`${r.path} (${r.status}): axe WCAG 2.1 AA`, () => {
            const report = formatViolations(r.violations, where(r));
            if (report) console.log(report);
            assert.equal(r.violations.length, 0, report);
          });
          await t.test(`${r.path} (${r.status}): no console error, exception or CSP violation`, () => {
            assert.deepEqual(r.problems, [], `${where(r)}:\n  ${r.problems.join('\n  ')}`);
          });
        }
      } finally {
        await context.close();
      }
    });
  }
}
