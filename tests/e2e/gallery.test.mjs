// The public portraits (issue 3, point 4): the gallery, a portrait page, the embeddable frame and the home page's
// portrait of the day pass axe-core (WCAG 2.1 AA) with no console error or CSP violation, on a desktop and on a
// phone (no horizontal scrolling, one card a row); a visitor searches with the keyboard only, typing a job without
// its accents and in the plural, and finds it; another site can frame the embeddable page. Video players of other
// sites are answered locally (the tests run offline).
import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import { useEnvironment, axeViolations, formatViolations, tabTo } from './support.mjs';

const env = useEnvironment();

async function expectNoViolations(page, where) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, formatViolations(violations, where));
}

// A page at `viewport` whose requests to other sites (the video players' frames) get a tiny local page.
async function newOfflinePage(viewport) {
  const p = await env.newPage(viewport);
  await p.context.route((url) => !url.href.startsWith(env.server.baseUrl), (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html lang="fr"><title>Lecteur</title></html>' }));
  return p;
}

// Without the demo's campaigns (`passerelles demo` unavailable), three published portraits written with sqlite3;
// their search column holds the stems domain::search_document_fr gives (docs/search-fr.md).
async function ensurePortraits() {
  const r = await fetch(`${env.server.baseUrl}/api/v1/portraits?per_page=1`);
  assert.equal(r.status, 200);
  if ((await r.json()).total > 0) return;
  const now = Math.floor(Date.now() / 1000);
  const rows = [
    ['usineuse', 'Nadia', 'Usineuse', 'usinage', 'nadia r usineu usinag'],
    ['technicienne-en-mecanique', 'Léa', 'Technicienne en mécanique', 'mecanique', 'lea r technicien mecaniqu'],
    ['regleuse', 'Inès', 'Régleuse', 'microtechnique', 'ine r regleu microtechniqu'],
  ];
  const sql = rows.map(([slug, first, job, domain, search]) => `INSERT INTO portraits (territory_id, slug, first_name,
    last_name, job_title, domain, consents, status, published_at, search, created_at, updated_at) SELECT id, '${slug}',
    '${first}', 'Roux', '${job}', '${domain}', 'name,job', 'published', ${now}, '${search}', ${now}, ${now}
    FROM territories ORDER BY id LIMIT 1;`).join('\n');
  execFileSync('sqlite3', [env.server.db.replace(/^sqlite:/, ''), sql]);
}

// The address of the first card's portrait page, and that card's job.
async function firstCard(page) {
  const card = page.locator('.portrait-grid article').first();
  const href = await card.locator('.portrait-card-title a').getAttribute('href');
  const job = (await card.locator('.portrait-job').count())
    ? (await card.locator('.portrait-job').textContent()).trim()
    : (await card.locator('.portrait-card-title a').textContent()).trim();
  return { href, job };
}

for (const viewport of ['desktop', 'phone']) {
  test(`gallery, portrait page, embed and home page pass axe on a ${viewport}`, async () => {
    await ensurePortraits();
    const { context, page, watch } = await newOfflinePage(viewport);
    try {
      const gallery = await page.goto('/portraits');
      assert.equal(gallery.status(), 200);
      assert.ok(await page.locator('.portrait-grid article').count() > 0, 'the gallery lists portraits');
      await expectNoViolations(page, `/portraits (${viewport})`);
      const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(await noScroll(), `/portraits scrolls sideways on a ${viewport}`);
      if (viewport === 'phone') {
        const boxes = await page.locator('.portrait-grid > li').evaluateAll((lis) => lis.slice(0, 2).map((li) => {
          const r = li.getBoundingClientRect();
          return { x: r.x, y: r.y, width: r.width };
        }));
        if (boxes.length === 2) assert.ok(boxes[1].y > boxes[0].y, 'one card a row on a phone');
        assert.ok(boxes[0].width > 300, `a card uses the phone's width (${boxes[0].width} px)`);
      }

      // A portrait with a video when there is one (its player's frame is part of what axe checks).
      const withVideo = await page.evaluate(async () => {
        const r = await fetch('/api/v1/portraits?per_page=100');
        const j = await r.json();
        const v = j.items.find((p) => p.video_url);
        return v ? new URL(v.url).pathname : null;
      });
      const { href } = await firstCard(page);
      const portraitPath = withVideo || href;
      const portrait = await page.goto(portraitPath);
      assert.equal(portrait.status(), 200);
      assert.equal(await page.locator('h1').count(), 1);
      const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content').catch(() => null);
      if (ogImage) assert.match(ogImage, /^https?:\/\//, 'og:image is absolute');
      await expectNoViolations(page, `${portraitPath} (${viewport})`);
      assert.ok(await noScroll(), `${portraitPath} scrolls sideways on a ${viewport}`);

      assert.equal((await page.goto('/portraits/integrer?limite=4')).status(), 200);
      await expectNoViolations(page, `/portraits/integrer (${viewport})`);
      assert.ok(await noScroll(), `/portraits/integrer scrolls sideways on a ${viewport}`);

      assert.equal((await page.goto('/')).status(), 200);
      assert.equal(await page.locator('#portrait-du-jour').count(), 1, 'the home page shows the portrait of the day');
      await expectNoViolations(page, `/ (${viewport})`);
      assert.deepEqual(watch.take(), []);
    } finally {
      await context.close();
    }
  });
}

test('a visitor searches with the keyboard: no accents and a plural still find the job', async () => {
  await ensurePortraits();
  const { context, page, watch } = await newOfflinePage('desktop');
  try {
    await page.goto('/portraits');
    const { href, job } = await firstCard(page);
    // The job's longest word, without its accents and in the plural: « Régleuse » is typed « regleuses ».
    const word = job.split(/[\s'’-]+/).sort((a, b) => b.length - a.length)[0];
    const typed = `${word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()}s`;
    const box = await tabTo(page, (f) => f.id === 'f-q', 'the search box');
    assert.equal(box.tag, 'INPUT');
    await page.keyboard.type(typed);
    await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === typed), page.keyboard.press('Enter')]);
    const status = (await page.locator('.result-count').textContent()).trim();
    assert.match(status, /correspond/, status);
    const hrefs = await page.locator('.portrait-card-title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(hrefs.includes(href), `searching « ${typed} » finds ${href} (« ${job} »); found ${hrefs.join(', ')}`);
    assert.equal(await page.locator('#f-q').inputValue(), typed, 'the search box keeps what was typed');
    await expectNoViolations(page, `/portraits?q=${typed}`);

    // A word no portrait has: the result says so.
    await page.goto('/portraits?q=zzqxjw');
    assert.equal(await page.locator('.portrait-grid article').count(), 0);
    assert.match(await page.locator('.result-count').textContent(), /Aucun portrait/);
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
  }
});

test('another website can frame the embeddable portraits', async () => {
  await ensurePortraits();
  const { context, page, watch } = await env.newPage('desktop');
  // « Another website »: a page served from another origin (another port) with the snippet the gallery gives.
  let host;
  try {
    await page.goto('/portraits');
    const snippet = await page.locator('#embed-code').inputValue();
    assert.match(snippet, /^<iframe src="http[^"]+\/portraits\/integrer\?/);
    host = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="fr"><title>Site d’un collège</title><body>${snippet}</body></html>`);
    });
    await new Promise((res) => host.listen(0, '127.0.0.1', res));
    await page.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = page.frameLocator('iframe');
    await frame.locator('.portrait-grid article').first().waitFor();
    const target = await frame.locator('.portrait-card-title a').first().getAttribute('target');
    assert.equal(target, '_blank', 'links of the frame open a new tab');
    assert.deepEqual(watch.take(), []);
  } finally {
    await context.close();
    if (host) await new Promise((res) => host.close(res));
  }
});
