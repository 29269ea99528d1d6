// The login journey in a real browser: French errors next to the form, the dashboard on success, logout that ends
// the session on the server, and the return to the page first asked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEnvironment, login, submitLogin, axeViolations, formatViolations, USERS } from './support.mjs';

const env = useEnvironment();
const u = USERS.journey;

// Login-form failures; each row is one submission (at most 3 bad passwords per server: the limiter's free tries).
const FAILURES = [
  { name: 'wrong password', email: u.email, password: 'pas-le-bon-mot-de-passe', status: 401,
    error: 'Adresse e-mail ou mot de passe incorrect.' },
  { name: 'unknown e-mail (same message: accounts cannot be discovered)', email: 'personne@passerelles.test',
    password: u.password, status: 401, error: 'Adresse e-mail ou mot de passe incorrect.' },
  { name: 'empty password', email: u.email, password: '', status: 422,
    error: 'Saisissez votre adresse e-mail et votre mot de passe.' },
];

for (const c of FAILURES) {
  test(`login form, ${c.name}: the French error is shown next to the form`, async () => {
    const { context, page, watch } = await env.newPage('desktop');
    try {
      await page.goto('/connexion');
      watch.expectStatus(`${env.server.baseUrl}/connexion`, c.status);
      assert.equal(await submitLogin(page, c.email, c.password), c.status);
      assert.equal(new URL(page.url()).pathname, '/connexion');
      const alert = page.locator('article:has(form[action="/connexion"]) [role="alert"]');
      assert.equal(await alert.count(), 1, 'one error, in the same block as the form');
      assert.equal((await alert.textContent()).trim(), c.error);
      const errorId = await alert.getAttribute('id');
      const email = page.getByLabel('Adresse e-mail');
      assert.equal(await email.getAttribute('aria-invalid'), 'true');
      assert.ok((await email.getAttribute('aria-describedby') || '').split(' ').includes(errorId),
        'the e-mail field is described by the error');
      assert.equal(await email.inputValue(), c.email, 'the e-mail typed is kept');
      assert.equal(await page.getByLabel('Mot de passe', { exact: true }).inputValue(), '', 'the password is not sent back');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(violations, `/connexion after "${c.name}"`));
      assert.deepEqual(watch.take(), []);
    } finally {
      await context.close();
    }
  });
}

test('right password lands on the dashboard; logout ends the session', async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const status = await login(page, u.email, u.password);
    assert.ok(status >= 300 && status < 400, `POST /connexion answered ${status}`);
    assert.equal(new URL(page.url()).pathname, '/tableau-de-bord');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Tableau de bord');
    assert.ok(await page.getByRole('button', { name: 'Se déconnecter' }).isVisible());
    const session = (await context.cookies()).find((k) => /passerelles$/.test(k.name));
    assert.ok(session, 'a session cookie is set');
    assert.ok(session.httpOnly, 'the session cookie is HttpOnly');

    await Promise.all([page.waitForURL((url) => url.pathname === '/'),
      page.getByRole('button', { name: 'Se déconnecter' }).click()]);
    assert.equal((await page.getByRole('status').textContent()).trim(), 'Vous êtes déconnectée.');
    assert.ok(await page.getByRole('link', { name: 'Se connecter' }).isVisible());
    assert.ok(!(await context.cookies()).some((k) => k.name === session.name && k.value), 'the cookie is cleared');

    // The old cookie no longer opens a session: the server deleted it.
    const replay = await fetch(`${env.server.baseUrl}/tableau-de-bord`,
      { headers: { cookie: `${session.name}=${session.value}` }, redirect: 'manual' });
    assert.ok(replay.status >= 300 && replay.status < 400, `the old cookie got ${replay.status}, not a redirect to login`);
    assert.match(replay.headers.get('location') || '', /^\/connexion/, 'the old session cookie is refused');

    // A protected page asks for login, then comes back to where the user was going.
    await page.goto('/tableau-de-bord');
    assert.equal(new URL(page.url()).pathname, '/connexion');
    assert.equal(new URL(page.url()).searchParams.get('suite'), '/tableau-de-bord');
    await submitLogin(page, u.email, u.password);
    assert.equal(new URL(page.url()).pathname, '/tableau-de-bord');
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});

test('the coordinator login printed by `make run` opens her dashboard', async (t) => {
  if (!env.server.seeded.includes('passerelles demo')) return t.skip('the database was not seeded by `demo`');
  // Read the login from the script that prints it, so the printed words are the ones tested.
  const { readFile } = await import('node:fs/promises');
  const script = await readFile(new URL('../../scripts/run_demo.sh', import.meta.url), 'utf8');
  const m = /Log in as the coordinator of the CMQ demo:\s+(\S+)\s+\/\s+(\S+)/.exec(script);
  assert.ok(m, 'scripts/run_demo.sh prints a coordinator login');
  const { context, page } = await env.newPage('phone');
  try {
    assert.equal(await login(page, m[1], m[2]), 303);
    assert.equal(new URL(page.url()).pathname, '/tableau-de-bord');
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    assert.ok((await page.textContent('main')).includes('CMQ Microtechniques'));
  } finally {
    await context.close();
  }
});
