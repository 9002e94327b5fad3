// Browser tests of the network view (issue 13): the overview leads to it; it opens on the most
// named entities; clicking a node filters by it and centres the network on it; clicking the
// tie between Kim Jong Un and Sergei Shoigu opens its evidence from document 004, and a
// sentence opens its article at the mention. The table lists the same ties for keyboard users;
// the state lives in the URL; it passes axe in both themes and fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, open, axeViolations, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite();
const params = (page) => new URL(page.url()).searchParams;
const DOC_004 = '004_c6ab66ca7234eefc';

test('node, then tie, then evidence, then article', async () => {
  const page = await open(browser, server.url);
  await page.getByRole('button', { name: 'Who with whom' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pane') === 'network');
  await page.locator('.net-node').first().waitFor();
  assert.match(await page.locator('.net-summary').textContent(), /Centred on the most named: .*Kim Jong Un/);
  const drawn = await page.locator('.net-edge').count();
  assert.ok(drawn > 5, `${drawn} ties drawn`);
  // the table lists what is drawn
  assert.equal(await page.locator('.net-table tbody tr').count(), drawn);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `the network in the ${scheme} theme`);
    await page.screenshot({ path: path.join(ARTIFACTS, `network-desktop-${scheme}.png`), fullPage: true });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // hovering a node names it with its counts
  const kim = page.locator('.net-node[data-entity="Kim Jong Un"]');
  await kim.scrollIntoViewIfNeeded();
  await kim.locator('circle').hover();
  assert.match(await page.locator('.net-status').textContent(), /^Kim Jong Un · Person · \d+ mentions/);
  // clicking it filters by it, and the network centres on it
  await kim.locator('circle').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('e') === 'g:PERSON:Kim Jong Un');
  await page.locator('.net-summary', { hasText: 'Centred on Kim Jong Un.' }).waitFor();
  // the tie to Shoigu: hover names it, click opens its evidence
  const tie = page.locator('.net-edge[data-tie~="Kim Jong Un"][data-tie*="Sergei Shoigu"], .net-edge[data-tie^="Kim Jong Un~Sergei Shoigu"], .net-edge[data-tie="Sergei Shoigu~Kim Jong Un"]');
  await tie.first().waitFor({ state: 'attached' });
  const hit = tie.first().locator('.net-hit');
  await hit.scrollIntoViewIfNeeded();
  const box = await hit.boundingBox();
  // a point a third of the way along the line (the ends are under the nodes)
  const line = await hit.evaluate((l) => ({ x1: +l.getAttribute('x1'), y1: +l.getAttribute('y1'), x2: +l.getAttribute('x2'), y2: +l.getAttribute('y2') }));
  const svg = await page.locator('.net-chart').boundingBox();
  const scale = svg.width / Number((await page.locator('.net-chart').getAttribute('viewBox')).split(' ')[2]);
  const at = (t) => ({ x: svg.x + (line.x1 + (line.x2 - line.x1) * t) * scale, y: svg.y + (line.y1 + (line.y2 - line.y1) * t) * scale });
  assert.ok(box);
  await page.mouse.move(at(0.5).x, at(0.5).y);
  assert.match(await page.locator('.net-status').textContent(), /Kim Jong Un — Sergei Shoigu|Sergei Shoigu — Kim Jong Un/);
  await page.mouse.click(at(0.5).x, at(0.5).y);
  await page.waitForFunction(() => new URL(location.href).searchParams.has('ne'));
  const ev = page.locator('.net-evidence');
  await ev.waitFor();
  assert.match(await ev.locator('h3').textContent(), /Kim Jong Un and Sergei Shoigu|Sergei Shoigu and Kim Jong Un/);
  const sentences = ev.locator('.net-sentences li');
  assert.ok(await sentences.count() >= 1);
  const marked = await ev.locator('mark.net-mark').allTextContents();
  assert.ok(marked.some((m) => /Shoigu/.test(m)), marked.join(', '));
  await page.screenshot({ path: path.join(ARTIFACTS, 'network-evidence.png'), fullPage: true });
  // a sentence of document 004 opens its article at the mention
  const from004 = sentences.filter({ hasText: 'Shoigu' });
  const n = await from004.count();
  let opened = false;
  for (let i = 0; i < n && !opened; i++) {
    await from004.nth(i).locator('.net-open').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('doc'));
    if (params(page).get('doc') === DOC_004) opened = true;
    else await page.goBack();
  }
  assert.ok(opened, 'a sentence opens document 004');
  assert.ok(params(page).has('m'), 'at the mention');
  await page.locator('.reader-article .mention.target').waitFor();
  // closing the article returns to the network with the evidence still open
  await page.goBack();
  await ev.waitFor();
  await page.close();
});

test('the table serves the keyboard, the options live in the URL, and a phone fits', async () => {
  const page = await open(browser, `${server.url}?pane=network&nt=PERSON-PERSON`);
  await page.locator('.net-table tbody tr').first().waitFor();
  // every tie listed joins two people
  const ends = await page.locator('.net-table tbody .net-end').evaluateAll((bs) => bs.map((b) => b.className));
  assert.ok(ends.length > 0 && ends.every((c) => /t-person/.test(c)), ends.join(' '));
  // the evidence button is reachable by keyboard and opens the evidence
  const button = page.locator('.net-evidence-button').first();
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('.net-evidence').waitFor();
  assert.ok(params(page).get('ne'));
  // a reload keeps it all
  await page.reload();
  await page.locator('.net-evidence').waitFor();
  assert.equal(params(page).get('nt'), 'PERSON-PERSON');
  // the chart zooms by keys, and "and N more" shows more ties
  await page.goto(`${server.url}?pane=network`);
  await page.locator('.net-node').first().waitFor();
  const before = await page.locator('.net-chart > g').getAttribute('transform');
  await page.locator('.net-chart').focus();
  await page.keyboard.press('+');
  assert.notEqual(await page.locator('.net-chart > g').getAttribute('transform'), before);
  const more = page.locator('.net-more');
  if (await more.count()) {
    const rows = await page.locator('.net-table tbody tr').count();
    await more.click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('nk') === '50');
    await page.waitForFunction((r) => document.querySelectorAll('.net-table tbody tr').length > r, rows);
  }
  // a bad option is reported, not silently used
  await page.goto(`${server.url}?pane=network&nt=PERSON-NOTHING`);
  await page.locator('.notices', { hasText: 'nt=PERSON-NOTHING' }).waitFor();
  // on a phone
  const phone = await open(browser, `${server.url}?pane=network`, { viewport: { width: 375, height: 740 } });
  await phone.locator('.net-node').first().waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  assert.deepEqual(await axeViolations(phone), [], 'the network on a phone');
  await phone.screenshot({ path: path.join(ARTIFACTS, 'network-phone.png'), fullPage: true });
  await phone.close();
  await page.close();
});
