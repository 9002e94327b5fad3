// Browser tests of the overview and the timeline (issue 11): the landing view summarises the
// corpus and follows the filter; the timeline draws dated statements with their precision,
// opens an article at the date, and a brush across it filters the corpus, kept in the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, open, waitForCount } from './browser.mjs';

const { server, browser } = await startSite();
const results = (page) => page.locator('.result-list .article-item');
const params = (page) => new URL(page.url()).searchParams;

test('the overview is the landing view: counts, the most-named entities one click from a filter', async () => {
  const page = await open(browser, server.url);
  const overview = page.locator('.overview');
  await overview.waitFor();
  assert.match(await overview.locator('.overview-counts').textContent(), /^5 articles · 2 sources · \d+ entities$/);
  assert.match(await overview.locator('.overview-dates').textContent(), /dates named from 1950-01-01 to 2024-\d\d-\d\d/);
  const people = await overview.locator('.top-group.t-person .entity-name').allTextContents();
  assert.equal(people[0], 'Kim Jong Un', people.join(', '));
  assert.ok(people.includes('Sergei Shoigu'), people.join(', '));
  const places = await overview.locator('.top-group.t-place .entity-name').allTextContents();
  for (const p of ['North Korea', 'Russia']) assert.ok(places.slice(0, 3).includes(p), places.join(', '));
  assert.ok(await overview.locator('.top-group.t-weapon .top-entity').count() > 0);
  // one click filters, and the overview follows the filter
  await overview.locator('.top-group.t-person .top-entity', { hasText: 'Sergei Shoigu' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'g:PERSON:Sergei Shoigu');
  await overview.locator('.overview-counts', { hasText: /of 5 articles/ }).waitFor();
  // the reader is one click away, and closing it brings the overview back
  await results(page).first().locator('a').click();
  await page.locator('.reader-article').waitFor();
  assert.equal(await overview.isVisible(), false);
  await page.close();
});

test('the timeline shows the ARMY 2024 forum in August 2024 and the Korean War as 1950 to 1953', async () => {
  const page = await open(browser, server.url);
  // ARMY 2024 is the forum's other name: the entity is the International Military-Technical Forum
  const FORUM = 'International Military-Technical Forum';
  await page.locator('#entity-filter').fill('ARMY 2024');
  await page.locator('.entity-group.t-event .entity-name', { hasText: FORUM }).waitFor();
  await page.locator('.tl-chart .tl-mark').first().waitFor();
  await page.locator('.tl-details summary').click();
  const rows = await page.locator('.tl-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const forum = rows.filter((r) => r[2].split(' / ').includes(FORUM) && r[0].startsWith('2024'));
  assert.ok(forum.length >= 2, JSON.stringify(rows.slice(0, 5)));
  // the Dong-A Ilbo's dates and Korea Daily's, each as the range of days it gives
  assert.ok(forum.some((r) => r[0] === '2024-08-15 to 2024-08-21' && r[1] === 'days' && r[3] === 'The Dong-A Ilbo'), JSON.stringify(forum));
  assert.ok(forum.some((r) => r[0] === '2024-08-12 to 2024-08-14' && r[1] === 'days' && r[3] === 'Korea Daily'), JSON.stringify(forum));
  const war = rows.find((r) => r[0] === '1950 to 1953');
  assert.ok(war, 'the Korean War interval');
  assert.equal(war[1], 'years');
  // marks keep their precision: a range of years is a band wider than a day's tick
  const widths = await page.locator('.tl-chart .tl-mark').evaluateAll((ms) => ms.map((m) => Number(m.getAttribute('width'))));
  assert.ok(Math.max(...widths) > 4 * Math.min(...widths), widths.join(','));
  await page.close();
});

test('brushing the timeline filters the list, and the URL reproduces the state', async () => {
  const page = await open(browser, server.url);
  const chart = page.locator('.tl-chart');
  await chart.locator('.tl-mark').first().waitFor();
  // the keyboard zooms and pans the focused chart; 0 shows the whole range again
  await chart.focus();
  await page.keyboard.press('+');
  await page.waitForFunction(() => new URL(location.href).searchParams.has('tw'));
  const zoomed = params(page).get('tw');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((z) => new URL(location.href).searchParams.get('tw') !== z, zoomed);
  await page.keyboard.press('0');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('tw'));
  // a window on August 2024 (the URL keeps it), brushed across from end to end
  await page.goto(`${server.url}?tw=2024-08-10/2024-08-25`);
  await chart.locator('.tl-mark').first().waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  // along the axis, above the lanes (a press on a mark opens it instead)
  const y = box.y + 4;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.98, y, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('mfrom'));
  const p = params(page);
  assert.match(p.get('mfrom'), /^\d{4}-\d\d-\d\d$/);
  assert.match(p.get('mto'), /^\d{4}-\d\d-\d\d$/);
  const n = await results(page).count();
  assert.ok(n >= 1 && n < 5, `${n} articles in the brushed range`);
  await page.locator('.chip', { hasText: /Mentions dates from/ }).first().waitFor();
  // the same URL gives the same view
  const url = page.url();
  const again = await open(browser, url);
  await waitForCount(results(again), n);
  assert.equal(await again.locator('.tl-chart .tl-chosen').count(), 1, 'the chosen range is drawn');
  assert.equal(new URL(again.url()).searchParams.get('tw'), p.get('tw'));
  await again.close();
  await page.close();
});

test('hovering a mark shows its sentence; clicking it opens the article at the date', async () => {
  const page = await open(browser, server.url);
  const mark = page.locator('.tl-chart .tl-mark:not(.coarse)').first();
  await mark.waitFor();
  await mark.hover();
  const card = page.locator('.tl-card');
  await card.waitFor();
  assert.ok((await card.locator('.tl-sentence').textContent()).length > 10);
  await mark.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('m'));
  await page.locator('.reader-article').waitFor();
  const target = page.locator('.reader-body .mention.target');
  await target.waitFor();
  assert.match(await target.getAttribute('class'), /t-date/);
  await page.close();
});

test('on a phone the overview is the first panel, and the timeline fits', async () => {
  const page = await open(browser, server.url, { viewport: { width: 375, height: 740 } });
  const first = page.locator('.switcher button').first();
  assert.match(await first.textContent(), /Overview/);
  assert.equal(await first.getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.overview').isVisible(), true);
  await page.locator('.tl-chart').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  await page.close();
});
