// Portrait editing in a browser: a coordinator creates a portrait, uploads a photo (setInputFiles), publishes it and
// finds it in the public gallery; the editing pages, the campaigns page and a member's own portrait
// (/collectif/mon-portrait, the demo ambassador of cmq-msi-bfc) have no axe-core violation on a desktop and on a
// phone, and log no console or CSP error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { useEnvironment, login, axeViolations, formatViolations, USERS, VIEWPORTS } from './support.mjs';

const env = useEnvironment();

// The demo's member account linked to a profile of the collective (src/cli/demo_collective.cpp).
const MEMBER = { email: 'ambassadrice@cmq-msi-bfc.demo', password: 'demo-passerelles' };

async function expectAccessible(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// CRC-32 (PNG chunks).
function crc32(bytes) {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

// A width×height RGB PNG with a gradient, built here so that the test needs no image file.
function gradientPng(width, height) {
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 140], row + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

test('a coordinator creates a portrait, adds a photo, publishes it and finds it in the gallery', { timeout: 120_000 }, async () => {
  const { context, page, watch } = await env.newPage('desktop');
  try {
    const suffix = Date.now().toString(36);
    const job = `Régleuse sur tour multibroche ${suffix}`;
    await login(page, USERS.coordinator.email, USERS.coordinator.password);
    await page.goto('/collectif/portraits');
    await expectAccessible(page, '/collectif/portraits');
    await page.getByRole('button', { name: 'Nouveau portrait' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nouveau portrait' }).waitFor();
    await expectAccessible(page, '/collectif/portraits/nouveau');

    // Refused first: no job, a video link that is not one; what was typed comes back.
    watch.expectStatus(`${env.server.baseUrl}/collectif/portraits/nouveau`, 422);
    await page.getByLabel('Prénom *').fill('Clémence');
    await page.getByLabel('Lien vers une vidéo').fill('https://exemple.fr/ma-video');
    await page.getByRole('button', { name: 'Créer le portrait' }).click();
    await page.getByText('Le formulaire n’a pas été enregistré').waitFor();
    assert.equal(await page.getByLabel('Métier *').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Lien vers une vidéo').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Prénom *').inputValue(), 'Clémence');
    await expectAccessible(page, 'refused portrait form');

    await page.getByLabel('Nom', { exact: true }).fill('Vuillemin');
    await page.getByLabel('Métier *').fill(job);
    await page.getByLabel('Domaine', { exact: true }).selectOption('usinage');
    await page.getByLabel('Niveau de diplôme le plus élevé').selectOption('4');
    await page.getByRole('textbox', { name: 'Citation' }).fill('Au micron près, et fière de l’être.');
    await page.getByRole('textbox', { name: 'Le cliché que je casse' }).fill('L’usinage, c’est un métier de force.');
    await page.getByLabel('Lien vers une vidéo').fill('https://peertube.example.org/w/abc123xyz');
    await page.getByLabel('Ou nouvelle campagne').fill(`Campagne e2e ${suffix}`);
    await page.getByLabel('Mon prénom et l’initiale de mon nom', { exact: true }).check();
    await page.getByLabel('Mon métier et mon domaine', { exact: true }).check();
    await page.getByLabel('Ma photo', { exact: true }).check();
    await page.getByLabel('Ma citation', { exact: true }).check();
    await page.getByRole('button', { name: 'Créer le portrait' }).click();
    await page.getByText('Portrait créé.').waitFor();
    assert.match(new URL(page.url()).pathname, /^\/collectif\/portraits\/\d+\/modifier$/);
    await expectAccessible(page, 'portrait edit page');

    // The photo, chosen as a file.
    await page.getByLabel(/Ajouter une photo/).setInputFiles({ name: 'portrait.png', mimeType: 'image/png',
      buffer: gradientPng(1100, 1300) });
    await page.getByRole('button', { name: 'Envoyer la photo' }).click();
    await page.getByText('Photo enregistrée.').waitFor();
    const preview = page.getByRole('img', { name: 'Photo actuelle du portrait' });
    await preview.waitFor();
    assert.ok(await preview.evaluate((img) => img.complete && img.naturalWidth === 480), 'the 480 px preview loads');
    await expectAccessible(page, 'portrait edit page with its photo');

    await page.getByRole('button', { name: 'Valider et publier' }).click();
    await page.getByText('Portrait publié : il est visible dans la galerie.').waitFor();
    const publicLink = page.getByRole('link', { name: 'voir le portrait public' });
    const slug = (await publicLink.getAttribute('href')).split('/').pop();

    // Newest first in the public gallery, for anyone.
    const visitor = await env.browser.newContext({ ...VIEWPORTS.desktop, baseURL: env.server.baseUrl, locale: 'fr-FR' });
    try {
      const gallery = await visitor.newPage();
      await gallery.goto('/portraits');
      await gallery.locator(`a[href="/portraits/${slug}"]`).first().waitFor();
      const poster = await gallery.request.get(`/portraits/${slug}/affiche.pdf?format=a3`);
      assert.equal(poster.status(), 200);
      assert.equal(poster.headers()['content-type'], 'application/pdf');
    } finally {
      await visitor.close();
    }

    await page.goto('/collectif/campagnes');
    await page.getByRole('link', { name: `Affiches A4 de Campagne e2e ${suffix}` }).waitFor();
    await expectAccessible(page, '/collectif/campagnes');
    assert.deepEqual(watch.take(), [], 'no console or CSP error');
  } finally {
    await context.close();
  }
});

for (const viewport of Object.keys(VIEWPORTS)) {
  test(`editing pages and a member's own portrait are accessible at ${viewport} size`, { timeout: 120_000 }, async () => {
    const { context, page, watch } = await env.newPage(viewport);
    try {
      await login(page, USERS.coordinator.email, USERS.coordinator.password);
      for (const path of ['/collectif/portraits', '/collectif/portraits?statut=publie', '/collectif/portraits/nouveau',
        '/collectif/campagnes']) {
        const response = await page.goto(path);
        assert.equal(response.status(), 200, path);
        await expectAccessible(page, `${path} at ${viewport}`);
      }
      // A demo portrait's page with its photo.
      await page.goto('/collectif/portraits?statut=publie');
      await page.getByRole('table', { name: /Portraits du territoire/ }).getByRole('link').first().click();
      await page.getByRole('heading', { level: 2, name: 'Photo' }).waitFor();
      await expectAccessible(page, `a demo portrait's edit page at ${viewport}`);
      await context.clearCookies();

      const member = await login(page, MEMBER.email, MEMBER.password);
      assert.equal(member, 303, 'the demo member logs in');
      const mine = await page.goto('/collectif/mon-portrait');
      assert.equal(mine.status(), 200, '/collectif/mon-portrait');
      await page.getByRole('heading', { level: 1, name: 'Mon portrait' }).waitFor();
      await expectAccessible(page, `/collectif/mon-portrait at ${viewport}`);
      assert.deepEqual(watch.take(), [], 'no console or CSP error');
    } finally {
      await context.close();
    }
  });
}
