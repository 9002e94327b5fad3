// Browser tests of what a newcomer meets in the first five minutes (issue 9): dates that
// filter, a list sorted by the date it shows, no ghosts from removed furniture, a keyboard that
// goes where it should, search that finds plurals, a filter that says what it means, a header
// that says which theme is on and fits one row on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, open, waitForCount, axeViolations, ARTIFACTS } from './browser.mjs';
import path from 'node:path';

const { server, browser } = await startSite();

const DOC_002 = '002_c690e0d69511faa6';
const results = (page) => page.locator('.result-list .article-item');
const params = (page) => new URL(page.url()).searchParams;

test('a date filters to the articles naming it, from the reader and from the panel', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  await waitForCount(results(page), 5);
  await page.locator('.reader-body .mention.t-date', { hasText: 'August 12 to 14' }).first().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('e').length === 1);
  assert.match(params(page).get('e'), /^d:2024-08-12\/2024-08-14/);
  await page.locator(`.result-list a[data-doc="${DOC_002}"]`).waitFor();
  assert.doesNotMatch(await page.locator('.result-count').textContent(), /^0 of/);
  // the panel's dates are not all greyed out, and one of them filters too
  await page.goto(server.url);
  const dates = page.locator('.entity-group.t-date .entity:not(.dim)');
  await dates.first().waitFor();
  await dates.first().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('e').length === 1);
  assert.ok(await results(page).count() > 0, 'a date from the panel lists the articles naming it');
  // unresolved weekdays are not offered as corpus-wide entities
  await page.locator('#entity-filter').fill('Tuesday');
  await waitForCount(page.locator('.entity-group.t-date .entity'), 0);
  await page.close();
});

test('the list is sorted by the date it shows, undated last, and can be sorted by source', async () => {
  const page = await open(browser, server.url);
  await waitForCount(results(page), 5);
  const metas = await page.locator('.result-list .article-meta').allTextContents();
  const days = metas.map((m) => (m.includes('undated') && !m.includes('latest date named') ? null : m.match(/\d{4}-\d{2}(-\d{2})?/)?.[0] ?? null));
  const dated = days.filter(Boolean);
  assert.deepEqual(dated, [...dated].sort().reverse(), `newest first: ${metas.join(' | ')}`);
  assert.equal(days.slice(dated.length).every((d) => d === null), true, 'undated last');
  assert.equal(await page.locator('#result-sort').inputValue(), 'date');
  await page.locator('#result-sort').selectOption('source');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'source');
  const sources = await page.locator('.result-list .article-meta').allTextContents();
  assert.match(sources[0], /^Korea Daily/, sources.join(' | '));
  // a search offers relevance, and is ranked by it unless another order is asked for
  await page.goto(`${server.url}?q=missile`);
  await page.locator('#result-sort option[value="relevance"]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#result-sort').inputValue(), 'relevance');
  await page.close();
});

test('entities named only in removed furniture are not offered unless the furniture is shown', async () => {
  const page = await open(browser, server.url);
  const entities = page.locator('.entity-group .entity');
  await page.locator('#entity-filter').fill('Los Angeles');
  await waitForCount(entities, 0);
  await page.locator('#entity-filter').fill('KISS OF LIFE');
  await waitForCount(entities, 0);
  // show the furniture: the entity is back, and its article's reader shows the mention
  await page.goto(`${server.url}?doc=${DOC_002}`);
  await page.getByRole('button', { name: 'Show page furniture' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('raw') === '1');
  await page.locator('#entity-filter').fill('Los Angeles');
  await waitForCount(entities, 1);
  await entities.first().click();
  await waitForCount(results(page), 1);
  await page.locator('.reader-body .furniture .mention', { hasText: 'Los Angeles' }).first().waitFor();
  await page.close();
});

test('keyboard: Enter in the search goes to the results, Esc leaves the box and keeps the query, the ring shows', async () => {
  const page = await open(browser, server.url);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('/');
  await page.keyboard.type('missile');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'missile');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('.article-item') !== null);
  // the ring is drawn inside the row, which clips what is painted outside it
  const ring = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { style: s.outlineStyle, offset: parseFloat(s.outlineOffset), width: parseFloat(s.outlineWidth) };
  });
  assert.equal(ring.style, 'solid');
  assert.ok(ring.offset + ring.width <= 0, `ring inside the row: ${JSON.stringify(ring)}`);
  await page.locator('#search').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.id !== 'search');
  assert.equal(params(page).get('q'), 'missile', 'Esc kept the query');
  assert.equal(await page.locator('#search').inputValue(), 'missile');
  await page.close();
});

test('search finds plurals and singulars alike and marks the word found', async () => {
  const page = await open(browser, server.url);
  const search = page.locator('#search');
  await search.fill('missiles');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'missiles');
  await page.waitForTimeout(100);
  const plural = await results(page).count();
  await search.fill('missile');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'missile');
  await waitForCount(results(page), plural);
  assert.ok(plural >= 3, `${plural} articles`);
  await results(page).first().locator('a').click();
  const marks = await page.locator('.reader-body mark.hit').allTextContents();
  assert.ok(marks.some((m) => /^missiles$/i.test(m.trim())), marks.join(' | '));
  // a quoted phrase stays exact
  await search.fill('"missile launchers"');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '"missile launchers"');
  await page.close();
});

test('the filter says what it means, and counts read the same with or without one', async () => {
  const page = await open(browser, server.url);
  assert.equal(await page.locator('.filter-sentence').isVisible(), false);
  const person = (name) => page.locator('.entity-group.t-person .entity', { hasText: name }).first();
  await page.locator('#entity-filter').fill('Kim Jong Un');
  await person('Kim Jong Un').click();
  await page.locator('#entity-filter').fill('Shoigu');
  await person('Sergei Shoigu').click();
  await page.locator('.filter-sentence', { hasText: 'naming all of: Kim Jong Un, Sergei Shoigu' }).waitFor();
  await page.getByRole('button', { name: 'Any chosen' }).click();
  await page.locator('.filter-sentence', { hasText: 'naming any of: Kim Jong Un, Sergei Shoigu' }).waitFor();
  assert.match(await person('Sergei Shoigu').textContent(), /in \d+ of the \d+ shown · \d+ articles? in all/);
  await page.close();
});

test('the header says which theme is on, the import button keeps its name, and a phone header is one row', async () => {
  const page = await open(browser, server.url);
  const theme = page.locator('.theme-toggle');
  assert.match(await theme.textContent(), /Theme: light/);
  await theme.click();
  assert.match(await theme.textContent(), /Theme: dark/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.match(await page.locator('.library-toggle').textContent(), /^Add articles$/);
  await page.setViewportSize({ width: 375, height: 740 });
  const tops = await page.evaluate(() =>
    ['.brand', '#search', '.library-toggle', '.theme-toggle'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().top)));
  const header = await page.locator('.site-header').boundingBox();
  assert.ok(header.height < 70, `header ${header.height}px tall (${tops})`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  // the entity tools fit their pane at a desktop width and on a phone
  for (const size of [{ width: 1440, height: 900 }, { width: 375, height: 740 }]) {
    await page.setViewportSize(size);
    if (size.width < 760) await page.locator('.switcher').getByRole('button', { name: /Filters/ }).click();
    const pane = await page.locator('.filters').boundingBox();
    const sort = await page.locator('#entity-sort').boundingBox();
    assert.ok(sort.x + sort.width <= pane.x + pane.width + 1, `sort control inside its pane at ${size.width}px`);
  }
  await page.close();
});

test('on a phone, tapping a name shows its card first; its button filters and shows the list', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`, { viewport: { width: 375, height: 740 } });
  await page.locator('.reader-article').waitFor();
  await page.locator('.reader-body .mention', { hasText: 'Kinzhal' }).first().click();
  const card = page.locator('.mention-card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.textContent(), /Weapon system.*Kinzhal/);
  assert.deepEqual(params(page).getAll('e'), [], 'a tap alone does not filter');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `the card in the ${scheme} theme`);
    await page.screenshot({ path: path.join(ARTIFACTS, `mention-card-phone-${scheme}.png`) });
  }
  await card.getByRole('button', { name: /Show the article naming Kinzhal/ }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.getAll('e').length === 1);
  assert.deepEqual(params(page).getAll('e'), ['g:WEAPON:Kinzhal']);
  assert.equal(await page.locator('.results').isVisible(), true, 'the list is shown');
  assert.equal(await card.isVisible(), false);
  await page.close();
});

test('the exports sit in one menu; unresolved dates are listed with their article', async () => {
  const page = await open(browser, server.url);
  const menu = page.locator('details.export');
  assert.equal(await menu.evaluate((el) => el.open), false);
  assert.equal(await page.getByRole('button', { name: 'JSON', exact: true }).isVisible(), false);
  await menu.locator('summary').click();
  const ys = await page.locator('.export button').evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top)));
  assert.equal(ys.length, 3);
  // an undated article's weekdays stay with it
  const notes = [];
  for (const a of await page.locator('.result-list a').all()) {
    await a.click();
    await page.locator('.reader-article').waitFor();
    const u = page.locator('.reader-article .unresolved');
    if (await u.count()) notes.push(await u.textContent());
  }
  assert.ok(notes.some((n) => /Dates not resolved.*(Monday|Tuesday|Friday)/.test(n)), notes.join(' | '));
  await page.close();
});
