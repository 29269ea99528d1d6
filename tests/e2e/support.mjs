// Browser-test support: a fresh server on a temporary SQLite database (optionally with an SMTP sink that keeps what it
// sends), Chromium through playwright-core, login through the real form, console/CSP watching and axe-core scans.
// Everything started here is stopped here.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile, appendFile, readFile, copyFile, rename, readdir, stat } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = resolve(ROOT, process.env.PASSERELLES_BIN || 'build/passerelles');
export const DATA_DIR = resolve(ROOT, process.env.PASSERELLES_DATA_DIR || '../shared/data');

// Accounts created for every run (whatever `demo` creates, these exist with these passwords).
export const PASSWORD = 'e2e-mot-de-passe-2026';
export const USERS = {
  admin: { email: 'e2e-admin@passerelles.test', role: 'admin', password: PASSWORD },
  coordinator: { email: 'e2e-coordinatrice@passerelles.test', role: 'coordinator', password: PASSWORD },
  // Used by the tests that fail a login on purpose, so the other accounts are never locked.
  journey: { email: 'e2e-parcours@passerelles.test', role: 'coordinator', password: PASSWORD },
  ambassador: { email: 'e2e-ambassadrice@passerelles.test', role: 'ambassador', password: PASSWORD },
  // Offers and applications (issue 7): a company contact acting for a demo company, a school contact.
  company: { email: 'e2e-rh@passerelles.test', role: 'company_contact', password: PASSWORD,
    organisation: 'Précision Démo Besançon' },
  school: { email: 'e2e-enseignante@passerelles.test', role: 'school_contact', password: PASSWORD },
};
export const TERRITORY = 'cmq-msi-bfc';

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
};

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// ---- processes ----------------------------------------------------------------------------------

const live = new Set();  // child processes to kill if the test process dies before `stop`
process.on('exit', () => { for (const c of live) try { c.kill('SIGKILL'); } catch { /* already gone */ } });

// Runs the binary to completion; resolves {code, stdout, stderr} (never rejects on a non-zero exit).
function run(args, { input = '', timeoutMs = 60_000 } = {}) {
  return new Promise((res) => {
    const child = execFile(BIN, args, { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 },
      (err, stdout, stderr) => res({ code: err ? (err.code ?? err.signal ?? 1) : 0, stdout, stderr }));
    child.stdin.end(input);
  });
}

async function runOrThrow(args, opts) {
  const r = await run(args, opts);
  if (r.code !== 0) throw new Error(`passerelles ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
  return r;
}

function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

function sqlite(dbPath, sql) {
  return new Promise((res, rej) => execFile('sqlite3', [dbPath, sql], { timeout: 30_000 },
    (err, stdout, stderr) => (err ? rej(new Error(`sqlite3: ${stderr || err.message}`)) : res(stdout))));
}

// Seeds the database: `demo` when it works, else the CLI plus one territory row; then our own accounts.
// Returns a one-line description of what was done (printed by the tests as a diagnostic).
async function seed(db, log) {
  let how;
  const demo = await run(['--db', db, '--data-dir', DATA_DIR, 'demo'], { timeoutMs: 180_000 });
  await appendFile(log, `--- demo (exit ${demo.code})\n${demo.stdout}${demo.stderr}`);
  // An organisation exists only when the demo ran.
  const addUser = (u, territory) => run(['--db', db, 'user', 'add', '--email', u.email, '--role', u.role,
    ...(territory ? ['--territory', territory] : []), '--name', u.email.split('@')[0], '--password-stdin',
    ...(u.organisation && demo.code === 0 ? ['--organisation', u.organisation] : [])],
  { input: `${u.password}\n` });
  if (demo.code === 0) {
    how = 'seeded by `passerelles demo`';
  } else {
    // No territory subcommand yet: insert the demo's first territory directly (schema 0001).
    how = `\`passerelles demo\` unavailable (${(demo.stderr.trim().split('\n').pop() || demo.code)}); seeded one territory with sqlite3`;
    await sqlite(db.replace(/^sqlite:/, ''),
      `INSERT INTO territories (slug, name, kind, departments, academy, created_at) VALUES ('${TERRITORY}',
       'Campus des Métiers et des Qualifications Microtechniques et Systèmes Intelligents', 'cmq',
       '025,039,070,090', 'Besançon', CAST(strftime('%s','now') AS INTEGER));`);
  }
  for (const u of Object.values(USERS)) {
    const r = await addUser(u, u.role === 'admin' ? null : TERRITORY);
    await appendFile(log, `--- user add ${u.email} (exit ${r.code})\n${r.stdout}${r.stderr}`);
    if (r.code !== 0) throw new Error(`could not create ${u.email}: ${r.stderr}`);
  }
  return how;
}

// A migrated and seeded database for this binary, built once and kept in the temp folder (`demo` takes about a
// minute): its key is the binary's path, size and time, and the data folder. E2E_NO_CACHE=1 rebuilds it every time.
const SEED_VERSION = 3;  // bump when `seed` changes
async function templateDb() {
  const st = statSync(BIN);
  const key = createHash('sha256').update([SEED_VERSION, BIN, st.size, st.mtimeMs, DATA_DIR].join('\0')).digest('hex');
  const cache = join(tmpdir(), 'passerelles-e2e-cache');
  const file = join(cache, `${key.slice(0, 16)}.db`);
  await mkdir(cache, { recursive: true });
  if (!process.env.E2E_NO_CACHE && existsSync(file) && existsSync(`${file}.json`))
    return { file, ...JSON.parse(await readFile(`${file}.json`, 'utf8')), cached: true };
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-e2e-seed-'));
  try {
    const db = join(dir, 'passerelles.db');
    const log = join(dir, 'seed.log');
    await runOrThrow(['--db', `sqlite:${db}`, 'migrate']);
    const seeded = await seed(`sqlite:${db}`, log);
    if (existsSync(`${db}-wal`)) await sqlite(db, 'PRAGMA wal_checkpoint(TRUNCATE);');
    // Old templates (other builds) go after a day; the new one appears atomically.
    // Another test file may be seeding at the same time (node --test-concurrency=2): its temporary copy can vanish
    // between readdir and stat, and both may write the same template (the same bytes; the last rename wins).
    for (const f of await readdir(cache)) {
      const p = join(cache, f);
      const age = await stat(p).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > 86_400_000) await rm(p, { force: true });
    }
    await copyFile(db, `${file}.${process.pid}`);
    await rename(`${file}.${process.pid}`, file);
    await writeFile(`${file}.json`, JSON.stringify({ seeded }));
    return { file, seeded, cached: false };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- mail --------------------------------------------------------------------------------------

// RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header value, decoded.
function decodeHeader(value) {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=(\s+(?==\?))?/g, (_, charset, enc, text) => {
    const quoted = () => text.replace(/_/g, ' ')
      .replace(/=([0-9A-Fa-f]{2})/g, (m, h) => String.fromCharCode(parseInt(h, 16)));
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : Buffer.from(quoted(), 'latin1');
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  });
}

// One message as the sink wrote it: {file, to (envelope recipients), subject (decoded), headers, text, raw}.
// The server sends text/plain UTF-8 in 8 bits (src/mail/mailer.cpp); other transfer encodings are left as they are.
function parseMessage(file, raw) {
  const text = raw.toString('utf8');
  const cut = text.indexOf('\r\n\r\n');
  const head = (cut < 0 ? text : text.slice(0, cut)).replace(/\r\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    file,
    to: (headers['x-envelope-to'] || headers.to || '').split(',').map((a) => a.trim().toLowerCase()),
    subject: decodeHeader(headers.subject || ''),
    headers,
    text: cut < 0 ? '' : text.slice(cut + 4).replace(/\r\n/g, '\n'),
    raw: text,
  };
}

// tests/support/smtp_sink.py under Debian's python3 (python3-aiosmtpd), as tests/support/smtp_sink.cpp runs it: every
// message lands in DIR/NNNN.eml. Resolves {url, messages(), waitFor(match, timeoutMs), stop()}.
async function startSmtpSink(folder) {
  await mkdir(folder, { recursive: true });
  const port = await freePort();
  const child = spawn('/usr/bin/python3', [join(ROOT, 'tests/support/smtp_sink.py'), String(port), folder],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  child.stdout.on('data', (b) => { output += b; });
  child.stderr.on('data', (b) => { output += b; });
  let exit = null;
  const exited = new Promise((res) => child.on('exit', (code, signal) => {
    live.delete(child);
    exit = { code, signal };
    res(exit);
  }));
  const deadline = Date.now() + 10_000;
  while (!existsSync(join(folder, 'ready'))) {
    if (exit) throw new Error(`the SMTP sink exited at start (is python3-aiosmtpd installed?):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the SMTP sink did not start within 10 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const messages = async () => {
    const files = (await readdir(folder)).filter((f) => f.endsWith('.eml')).sort();
    return Promise.all(files.map(async (f) => parseMessage(f, await readFile(join(folder, f)))));
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    // Every message received so far, in the order received.
    messages,
    // The first message for which match(message) holds (a string: the recipient's address), waiting up to
    // timeoutMs; fails listing what did arrive.
    async waitFor(match, timeoutMs = 10_000) {
      const test = typeof match === 'string' ? (m) => m.to.includes(match.toLowerCase()) : match;
      const until = Date.now() + timeoutMs;
      for (;;) {
        const all = await messages();
        const found = all.find(test);
        if (found) return found;
        if (Date.now() > until) {
          assert.fail(`no matching e-mail within ${timeoutMs} ms; received: ${
            all.map((m) => `${m.to.join(',')} « ${m.subject} »`).join('; ') || 'nothing'}`);
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

// Starts a server on a fresh copy of the seeded database. Resolves once /healthz answers 200.
// { smtp: true }: the server sends its e-mails to an SMTP sink, read through `server.mail` (see startSmtpSink);
// without it the server keeps its default SMTP address, where nothing listens.
export async function startServer({ smtp = false } = {}) {
  if (!existsSync(BIN)) throw new Error(`no server binary at ${BIN} (build it, or set PASSERELLES_BIN)`);
  const template = await templateDb();
  const dir = await mkdtemp(join(tmpdir(), 'passerelles-e2e-'));
  await copyFile(template.file, join(dir, 'passerelles.db'));
  const db = `sqlite:${join(dir, 'passerelles.db')}`;
  const log = join(dir, 'server.log');
  await writeFile(log, '');
  const seeded = `${template.seeded}${template.cached ? ', cached copy' : ''}`;

  const mail = smtp ? await startSmtpSink(join(dir, 'mail')) : null;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(BIN, ['--db', db, '--listen', `127.0.0.1:${port}`, '--data-dir', DATA_DIR,
    '--access-log', 'false', ...(mail ? ['--smtp-url', mail.url] : []), 'serve'],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const keep = (b) => { output += b; appendFile(log, b).catch(() => {}); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((res) => child.on('exit', (code, signal) => { live.delete(child); res({ code, signal }); }));
  let exit = null;
  exited.then((e) => { exit = e; });

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (exit) {
      await mail?.stop();
      throw new Error(`server exited during start-up (${exit.code ?? exit.signal}):\n${output}`);
    }
    try {
      const r = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (r.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await mail?.stop();
      throw new Error(`server did not answer /healthz within 15 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    baseUrl, dir, db, seeded, mail,
    output: () => output,
    // SIGTERM, then SIGKILL after 15 s; throws if the server did not shut down cleanly.
    async stop() {
      if (!exit) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      const e = exit;
      await mail?.stop();
      if (process.env.E2E_KEEP_TMP) console.log(`kept ${dir}`);
      else await rm(dir, { recursive: true, force: true });
      if (e.code !== 0) throw new Error(`server did not exit cleanly on SIGTERM (${e.code ?? e.signal}):\n${output}`);
    },
  };
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30_000 });
}

// Registers before/after hooks for a test file: one server and one browser, shared by its tests. `options` go to
// startServer (e.g. { smtp: true }).
export function useEnvironment(options = {}) {
  const env = {};
  before(async () => {
    env.server = await startServer(options);
    env.browser = await launchBrowser();
    console.log(`server ${env.server.baseUrl} (${env.server.seeded}); Chromium ${env.browser.version()}`);
  }, { timeout: 240_000 });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  }, { timeout: 60_000 });
  // A new browser context (cookies of its own) at a viewport from VIEWPORTS.
  env.newPage = async (viewport = 'desktop') => {
    const context = await env.browser.newContext({ ...VIEWPORTS[viewport], baseURL: env.server.baseUrl, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    return { context, page, watch: watchConsole(page) };
  };
  return env;
}

// ---- pages --------------------------------------------------------------------------------------

// Logs in through the login form; resolves the status of the POST /connexion answer (303 on success, before
// the redirect is followed) and leaves the page on wherever the server sent it.
export async function login(page, email, password) {
  await page.goto('/connexion');
  return submitLogin(page, email, password);
}

export async function submitLogin(page, email, password) {
  const form = page.locator('form[action="/connexion"]');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/connexion'),
    form.getByRole('button', { name: 'Se connecter' }).click(),
  ]);
  await page.waitForLoadState('load');
  return response.status();
}

// What has the focus: tag, id, type, href, text, whether it is inside <main>/<header>, and where it is drawn.
export const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  const r = a.getBoundingClientRect();
  return {
    tag: a.tagName, id: a.id, type: a.getAttribute('type'), href: a.getAttribute('href'),
    text: (a.textContent || '').trim(), inMain: !!a.closest('main'), inHeader: !!a.closest('header'),
    box: { x: r.x, y: r.y, width: r.width, height: r.height }, viewport: { width: innerWidth, height: innerHeight },
  };
});

// Presses Tab until `match(focus)` holds; fails after `max` presses, listing the focus stops.
export async function tabTo(page, match, what, max = 30) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
    stops.push(`${f.tag}${f.id ? `#${f.id}` : ''} "${f.text.slice(0, 30)}"`);
  }
  assert.fail(`${what} not reached in ${max} Tab presses; focus went: ${stops.join(' → ')}`);
}

// Collects console errors, uncaught exceptions and CSP violations of a page; `take()` returns and clears them.
// `expectStatus(url, status)` declares a non-2xx document status that Chromium will report as a console error.
export function watchConsole(page) {
  let problems = [];
  const expected = new Map();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const { url } = m.location();
    const status = /status of (\d{3})/.exec(m.text())?.[1];
    if (status && url && expected.get(url) === Number(status)) return;
    problems.push(`console error: ${m.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  // Belt and braces: Chromium logs CSP violations to the console, this also catches report-only ones.
  page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return {
    expectStatus(url, status) { expected.set(url, status); },
    take() { const p = problems; problems = []; return p; },
  };
}

// Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is; resolves the violations.
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations;
}

// One readable block per violation: rule, impact, help link, and each offending element with axe's advice.
export function formatViolations(violations, where) {
  if (!violations.length) return '';
  const lines = [`${where}: ${violations.length} axe violation(s)`];
  for (const v of violations) {
    lines.push(`  [${v.impact}] ${v.id}: ${v.help}`, `    ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 8)) {
      lines.push(`    - ${n.target.join(' ')}`, `      ${n.html.slice(0, 200)}`);
      for (const l of (n.failureSummary || '').split('\n')) if (l.trim()) lines.push(`        ${l.trim()}`);
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more element(s)`);
  }
  return lines.join('\n');
}
