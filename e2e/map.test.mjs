// Browser tests of the map view (issue 14): the overview leads to it; the outlines are fetched
// from the site itself when it opens, and never before; the seeds put markers at Pyongyang,
// Moscow, Vladivostok and Kursk, and North Korea and Russia are the most shaded countries.
// Clicking a marker filters by the place and lists its sentences with how the place was read;
// a sentence opens its article at the mention. The table and the list of places not placed
// serve keyboard users; the state lives in the URL; a bad value is reported; the outlines
// failing to load leaves the places listed, and the view's code failing to load says so and
// retries; it passes axe in both themes and fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, open, axeViolations, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite();
const params = (page) => new URL(page.url()).searchParams;

test('marker, then sentence, then article; outlines only when the map opens', async () => {
  const page = await open(browser, server.url);
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.locator('.top-title').waitFor();
  assert.ok(!fetched.some((u) => u.endsWith('world.bin')), 'the outlines are not part of the first render');
  await page.getByRole('button', { name: 'Where', exact: true }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pane') === 'map');
  await page.locator('.map-country').first().waitFor();
  await page.locator('.map-marker').first().waitFor();
  const bin = fetched.filter((u) => u.endsWith('world.bin'));
  assert.equal(bin.length, 1, 'the outlines are fetched once');
  assert.ok(fetched.every((u) => u.startsWith(server.url)), `nothing is fetched from elsewhere: ${fetched.filter((u) => !u.startsWith(server.url))}`);
  // the seeds' places and the two most shaded countries
  // (at the world's scale, places near each other are one numbered marker; the table lists each)
  const markers = await page.locator('.map-marker').evaluateAll((gs) => gs.map((g) => g.dataset.label));
  const listed = await page.locator('.map-table tbody tr td:first-child').allTextContents();
  for (const want of ['Pyongyang', 'Moscow', 'Vladivostok', 'Kursk']) {
    assert.ok(listed.some((l) => l.slice(1).startsWith(want)), `${want} is on the map: ${listed.join(' | ')}`);
  }
  assert.ok(markers.some((l) => /^Pyongyang( and \d+ more)?:/.test(l)), markers.join(' | '));
  const shades = await page.locator('.map-country.named').evaluateAll((ps) =>
    ps.map((p) => [p.dataset.label.split(':')[0], Number(p.getAttribute('fill-opacity'))]).sort((a, b) => b[1] - a[1]));
  assert.deepEqual(shades.slice(0, 2).map((s) => s[0]).sort(), ['North Korea', 'Russia'], JSON.stringify(shades.slice(0, 4)));
  // the table lists every marker drawn (a cluster stands for several)
  const rows = await page.locator('.map-table tbody tr').count();
  assert.ok(rows >= markers.length, `${rows} rows, ${markers.length} markers`);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `the map in the ${scheme} theme`);
    await page.screenshot({ path: path.join(ARTIFACTS, `map-desktop-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // a numbered marker zooms in, until Vladivostok stands apart from Pyongyang
  const vlad = page.locator('.map-marker:not(.cluster)[data-label^="Vladivostok:"]');
  for (let i = 0; i < 5 && !(await vlad.count()); i++) {
    const cluster = page.locator('.map-marker.cluster[data-label*="Vladivostok"], .map-marker.cluster[data-label^="Pyongyang"]').first();
    const before = await page.locator('.map-chart > g').getAttribute('transform');
    await cluster.locator('circle').click();
    await page.waitForFunction((b) => document.querySelector('.map-chart > g').getAttribute('transform') !== b, before);
  }
  assert.equal(await vlad.count(), 1, 'zooming in separates Vladivostok');
  assert.ok(!params(page).has('e'), 'zooming in does not filter');
  // hovering a marker names it with its counts
  await vlad.first().locator('circle').hover();
  assert.match(await page.locator('.map-status').textContent(), /^Vladivostok: \d+ mentions? in \d+ articles?/);
  // a click filters by it and lists its sentences, with how it was read
  await vlad.first().locator('circle').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('mp') === 'g:PLACE:Vladivostok');
  assert.equal(params(page).get('e'), 'g:PLACE:Vladivostok', 'the link names the place by its stable key');
  const place = page.locator('.map-place');
  await place.waitFor();
  assert.equal(await place.locator('h3').textContent(), 'Vladivostok');
  assert.match(await place.locator('.map-read-as').first().textContent(), /Read as Vladivostok \(city, RU\) in \d+ articles?: .+\./);
  const sentences = place.locator('.net-sentences li');
  assert.ok(await sentences.count() >= 1);
  assert.match(await sentences.first().locator('blockquote').textContent(), /Vladivostok/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'map-place.png'), fullPage: true });
  // the sentence opens its article at the mention
  await sentences.first().locator('.map-open').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('doc'));
  assert.ok(params(page).has('m'), 'at the mention');
  const target = page.locator('.reader-article .mention.target');
  await target.waitFor();
  assert.match(await target.textContent(), /Vladivostok/);
  // back: the map with the place still open
  await page.goBack();
  await place.waitFor();
  await page.close();
});

test('keyboard, URL state, a bad value, missing outlines and a phone', async () => {
  const page = await open(browser, `${server.url}?pane=map`);
  await page.locator('.map-marker').first().waitFor();
  // the table's button opens a place's sentences by keyboard
  const button = page.locator('.map-sentences-button').first();
  const name = (await button.getAttribute('aria-label')).replace('Sentences naming ', '');
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('.map-place h3', { hasText: name }).waitFor();
  assert.match(params(page).get('mp'), /^[gn]:PLACE:/);
  // a reload keeps it
  await page.reload();
  await page.locator('.map-place h3', { hasText: name }).waitFor();
  // close, then zoom and pan by keys on the focused map
  await page.locator('.map-place .net-close').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('mp'));
  const g = page.locator('.map-chart > g');
  const before = await g.getAttribute('transform');
  await page.locator('.map-chart').focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  assert.notEqual(await g.getAttribute('transform'), before);
  await page.keyboard.press('0');
  assert.equal(await g.getAttribute('transform'), before);
  // a bad place is reported, not silently dropped
  await page.goto(`${server.url}?pane=map&mp=PLACE:Atlantis`);
  await page.locator('.notices', { hasText: 'mp=PLACE:Atlantis' }).waitFor();
  await page.close();
  // outlines that cannot be loaded: a message, and the places are still listed
  const broken = await browser.context.newPage();
  await broken.route('**/world.bin', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await broken.goto(`${server.url}?pane=map`);
  await broken.locator('.map-status', { hasText: 'could not be loaded (HTTP 404)' }).waitFor();
  assert.ok(await broken.locator('.map-table tbody tr').count() > 3);
  await broken.close();
  // the map's code that cannot be fetched (offline, or a site updated since): a message and a
  // retry, and the rest of the page goes on
  const offline = await browser.context.newPage();
  await offline.route('**/split_map_pane*.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
  await offline.goto(`${server.url}?pane=map`);
  await offline.locator('.lazy-failed', { hasText: 'This view could not be loaded' }).waitFor();
  await offline.locator('.result-list li').first().waitFor();
  await offline.unroute('**/split_map_pane*.wasm');
  await offline.getByRole('button', { name: 'Try again' }).click();
  await offline.locator('.map-marker').first().waitFor();
  await offline.close();
  // on a phone
  const phone = await open(browser, `${server.url}?pane=map`, { viewport: { width: 375, height: 740 } });
  await phone.locator('.map-marker').first().waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  assert.deepEqual(await axeViolations(phone), [], 'the map on a phone');
  await phone.screenshot({ path: path.join(ARTIFACTS, 'map-phone.png'), fullPage: true });
  await phone.emulateMedia({ colorScheme: 'dark' });
  await phone.screenshot({ path: path.join(ARTIFACTS, 'map-phone-dark.png'), fullPage: true });
  await phone.close();
});
