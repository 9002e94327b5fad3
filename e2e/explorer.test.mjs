// Browser tests of the explorer on the built site (dist/ under a sub-path), one per thing a
// reader does: read with highlights and tooltips, toggle types, see what cleaning removed,
// filter by entity, type, source and dates, search, and get the same view from the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, open, waitForCount } from './browser.mjs';

const { server, browser } = await startSite();

const DOC_002 = '002_c690e0d69511faa6';
const DOC_004 = '004_c6ab66ca7234eefc';
const results = (page) => page.locator('.result-list .article-item');
const params = (page) => new URL(page.url()).searchParams;

test('the reader highlights every type of mention with colour, letter and label, as text', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  const body = page.locator('.reader-body');
  for (const t of ['person', 'org', 'place', 'weapon', 'event', 'date']) {
    assert.ok(await body.locator(`.mention.t-${t}`).count() > 0, `no ${t} mention`);
  }
  const kinzhal = body.locator('.mention.t-weapon', { hasText: 'Kinzhal' }).first();
  assert.equal(await kinzhal.getAttribute('data-tag'), 'W');
  assert.equal(await kinzhal.getAttribute('aria-label'), 'Weapon system: Kinzhal');
  // the second cue is drawn by CSS: it is not part of the text
  const letter = await kinzhal.evaluate((el) => getComputedStyle(el, '::after').content);
  assert.equal(letter, '"W"');
  assert.equal((await kinzhal.textContent()).trim(), 'Kinzhal');
  // a dashed underline marks places, whatever the colour
  const place = body.locator('.mention.t-place').first();
  assert.equal(await place.evaluate((el) => getComputedStyle(el).borderBottomStyle), 'dashed');
  // meta line: source and author
  assert.match(await page.locator('.reader-meta').textContent(), /Korea Daily · Youngnam Kim/);
  await page.close();
});

test('hovering or focusing a mention shows its type, name, aliases and article count; Esc hides it', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  const tip = page.locator('#mention-tip');
  assert.equal(await tip.isVisible(), false);
  await page.locator('.reader-body .mention', { hasText: 'Kim Jong-un' }).first().hover();
  await tip.waitFor({ state: 'visible' });
  const text = await tip.textContent();
  assert.match(text, /Person/);
  assert.match(text, /Kim Jong Un/, 'canonical name');
  assert.match(text, /Also: .*Kim Jong-un/, 'aliases');
  assert.match(text, /Named in 4 articles/);
  await page.mouse.move(0, 0);
  await tip.waitFor({ state: 'hidden' });
  // keyboard: focus a mention, then Esc
  await page.locator('.reader-body .mention.t-weapon').first().focus();
  await tip.waitFor({ state: 'visible' });
  assert.match(await tip.textContent(), /Weapon system/);
  await page.keyboard.press('Escape');
  await tip.waitFor({ state: 'hidden' });
  await page.close();
});

test('clicking a mention filters the corpus to the articles naming it', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  await waitForCount(results(page), 5);
  await page.locator('.reader-body .mention', { hasText: 'Kinzhal' }).first().click();
  await waitForCount(results(page), 1);
  assert.deepEqual(params(page).getAll('e'), ['g:WEAPON:Kinzhal']);
  assert.equal(params(page).get('doc'), DOC_002, 'the article stays open');
  await page.locator('.chip', { hasText: 'Kinzhal' }).waitFor();
  assert.match(await page.locator('.result-count').textContent(), /1 of 5 articles/);
  await page.close();
});

test('the legend turns a type off and on, and the URL keeps it', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  const persons = page.locator('.reader-body .mention.t-person');
  const before = await persons.count();
  assert.ok(before > 5);
  const people = page.locator('.legend-item.t-person');
  assert.equal(await people.getAttribute('aria-pressed'), 'true');
  await people.click();
  await waitForCount(persons, 0);
  assert.equal(await people.getAttribute('aria-pressed'), 'false');
  assert.deepEqual(params(page).getAll('hide'), ['PERSON']);
  // the text is still all there
  assert.match(await page.locator('.reader-body').textContent(), /Kim Jong-sik, First Deputy Director/);
  await people.click();
  await waitForCount(persons, before);
  assert.equal(params(page).get('hide'), null);
  await page.close();
});

test('the raw view shows what cleaning removed, greyed and labelled', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_002}`);
  assert.equal(await page.locator('.reader-body .furniture').count(), 0);
  assert.ok(!(await page.locator('.reader-body').textContent()).includes('71.9 F'));
  await page.getByRole('button', { name: 'Show page furniture' }).click();
  await page.locator('.reader-body .furniture').first().waitFor();
  const furniture = await page.locator('.reader-body .furniture').allTextContents();
  assert.ok(furniture.some((t) => t.includes('weather widget') && t.includes('71.9 F')), furniture.join(' | '));
  assert.ok(furniture.some((t) => t.includes('advertisement') && t.includes('Advertisement')));
  assert.ok(furniture.some((t) => t.includes('byline') && t.includes('YOUNGNAM KIM')));
  assert.equal(params(page).get('raw'), '1');
  const color = await page.locator('.reader-body .furniture').first().evaluate((el) => getComputedStyle(el).color);
  const body = await page.locator('.reader-body p:not(.furniture)').first().evaluate((el) => getComputedStyle(el).color);
  assert.notEqual(color, body, 'furniture is greyed');
  await page.close();
});

test('the entity panel groups, counts, sorts and finds entities by name or alias', async () => {
  const page = await open(browser, server.url);
  const people = page.locator('.entity-group.t-person .entity');
  assert.ok(await people.count() > 10);
  // most-named first: Kim Jong Un is named in 4 articles
  assert.match(await people.first().textContent(), /Kim Jong Un.*in 4 articles/);
  // find by an alias, whatever the case and hyphen
  await page.locator('#entity-filter').fill('jong-un');
  await waitForCount(page.locator('.entity-group.t-person .entity'), 1);
  assert.match(await people.first().textContent(), /Kim Jong Un/);
  await page.locator('#entity-filter').fill('shoigu');
  await waitForCount(people, 1);
  await page.locator('#entity-filter').fill('');
  // sort by name
  await page.locator('#entity-sort').selectOption('name');
  const names = await page.locator('.entity-group.t-weapon .entity-name').allTextContents();
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  await page.close();
});

test('choosing several entities filters to all of them, or any with the switch', async () => {
  const page = await open(browser, server.url);
  await page.locator('#entity-filter').fill('shoigu');
  await page.locator('.entity-group.t-person .entity', { hasText: 'Sergei Shoigu' }).click();
  await waitForCount(results(page), 1);
  await page.locator('#entity-filter').fill('Kim Jong-sik');
  await page.locator('.entity-group.t-person .entity', { hasText: 'Kim Jong-sik' }).click();
  await waitForCount(results(page), 0, 10_000);
  await page.locator('.empty', { hasText: 'No article matches' }).waitFor();
  await page.getByRole('button', { name: 'Any chosen' }).click();
  await waitForCount(results(page), 2);
  assert.equal(params(page).get('any'), '1');
  assert.deepEqual(params(page).getAll('e'), ['g:PERSON:Sergei Shoigu', 'g:PERSON:Kim Jong Sik']);
  await page.close();
});

test('facets narrow by type, source and dates, with counts that follow; one control clears all', async () => {
  const page = await open(browser, server.url);
  const weapons = page.locator('.facet-item.t-weapon');
  assert.match(await weapons.textContent(), /Weapon systems \(W\)\s*2/);
  await weapons.click();
  await waitForCount(results(page), 2);
  assert.equal(await weapons.getAttribute('aria-pressed'), 'true');
  // the source facet counts under the type filter
  const dongA = page.locator('.facet-item', { hasText: 'The Dong-A Ilbo' });
  assert.match(await dongA.textContent(), /0$/);
  await page.getByRole('button', { name: 'Clear all filters' }).first().click();
  await waitForCount(results(page), 5);
  assert.match(await dongA.textContent(), /1$/);
  await dongA.click();
  await waitForCount(results(page), 1);
  await page.locator('.chip button').click();
  await waitForCount(results(page), 5);
  // published range: typed bounds, a bad one is refused with a message
  await page.locator('#published-from').fill('August');
  await page.locator('#published-from').press('Enter');
  await page.locator('.field-error', { hasText: 'not a date' }).waitFor();
  await page.locator('#published-from').fill('2024-08');
  await page.locator('#published-from').press('Enter');
  await waitForCount(results(page), 1);
  assert.equal(params(page).get('from'), '2024-08');
  assert.equal(await page.locator('.field-error').count(), 0);
  // mentioned range: the Korean War years
  await page.getByRole('button', { name: 'Clear all filters' }).first().click();
  await page.locator('#mentioned-from').fill('1950');
  await page.locator('#mentioned-from').press('Tab');
  await page.locator('#mentioned-to').fill('1953');
  await page.locator('#mentioned-to').press('Tab');
  await waitForCount(results(page), 1);
  assert.match(await results(page).first().textContent(), /Kim Jong-un displays/);
  // a histogram bar sets both bounds to its year
  await page.getByRole('button', { name: 'Clear all filters' }).first().click();
  await page.getByRole('button', { name: /^2017 \d+ articles?$/ }).click();
  assert.equal(params(page).get('mfrom'), '2017');
  assert.equal(params(page).get('mto'), '2017');
  await page.close();
});

test('full-text search: words, phrases, prefixes, case and accents; ranked; highlighted; / focuses it', async () => {
  const page = await open(browser, server.url);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'search');
  await page.keyboard.type('hypersonic');
  await waitForCount(results(page), 2);
  assert.equal(params(page).get('q'), 'hypersonic');
  assert.equal(await page.locator('#result-sort').inputValue(), 'relevance');
  // the article naming it most ranks first
  assert.match(await results(page).first().textContent(), /top missile developer/);
  await results(page).first().locator('a').click();
  await page.locator('.reader-body mark.hit').first().waitFor();
  assert.equal((await page.locator('.reader-body mark.hit').first().textContent()).toLowerCase(), 'hypersonic');
  // a phrase, accents and case ignored, prefixes
  const search = page.locator('#search');
  await search.fill('"Radio Free Asia"');
  await waitForCount(results(page), 3);
  await search.fill('PYÖNGYANG');
  await waitForCount(results(page), 3);
  await search.fill('Hwas*');
  await waitForCount(results(page), 1);
  await search.fill('"free radio asia"');
  await waitForCount(results(page), 0);
  // a match inside a mention is marked too
  await search.fill('kinzhal');
  await page.locator('.result-list a').first().click();
  await page.locator('.reader-body .mention mark.hit', { hasText: 'Kinzhal' }).first().waitFor();
  await page.close();
});

test('the URL holds the whole view: a pasted link reproduces it, back and forward step through it', async () => {
  const link = `${server.url}?e=PERSON:Kim+Jong+Un&t=WEAPON&q=missile&hide=DATE&doc=${DOC_004}`;
  const page = await open(browser, link);
  await waitForCount(results(page), 2);
  assert.equal(await page.locator('#search').inputValue(), 'missile');
  assert.equal(await page.locator('.reader-body .mention.t-date').count(), 0);
  assert.match(await page.locator('.reader-title').textContent(), /Kim Jong-un displays/);
  assert.equal(await page.locator('.chip').count(), 3);
  // each change is a history entry
  await page.locator('.facet-item.t-weapon').click();
  await waitForCount(page.locator('.chip'), 2);
  await page.locator('.chip', { hasText: 'Kim Jong Un' }).locator('button').click();
  await waitForCount(page.locator('.chip'), 1);
  await page.goBack();
  await waitForCount(page.locator('.chip'), 2);
  await page.goBack();
  await waitForCount(page.locator('.chip'), 3);
  await page.goForward();
  await waitForCount(page.locator('.chip'), 2);
  await page.close();
});

test('an invalid parameter is ignored with a visible notice, never a blank page', async () => {
  const page = await open(browser, `${server.url}?e=PERSON:Nobody+Known&t=FRUIT&from=last+week&utm_source=x&q=treaty`);
  const notices = page.locator('.notices');
  await notices.waitFor();
  const text = await notices.textContent();
  assert.match(text, /No entity “PERSON:Nobody Known”/);
  assert.match(text, /“FRUIT” is not an entity type/);
  assert.match(text, /“from=last week” is not a date/);
  assert.match(text, /“utm_source” parameter/);
  // what could be used still applies
  assert.equal(await page.locator('#search').inputValue(), 'treaty');
  assert.ok(await results(page).count() > 0);
  await page.getByRole('button', { name: 'Remove them from the address' }).click();
  await notices.waitFor({ state: 'detached' });
  assert.equal(new URL(page.url()).search, '?q=treaty');
  await page.close();
});

test('keyboard: j and k move through the list, Enter opens, Esc drops the last filter, focus is visible', async () => {
  const page = await open(browser, server.url);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('j');
  const first = await page.evaluate(() => document.activeElement?.closest('.article-item') !== null);
  assert.ok(first, 'j focuses the first article');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  const slug = await page.evaluate(() => document.activeElement?.getAttribute('data-doc'));
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'a visible focus ring');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`doc=${slug}`));
  // Esc drops the filter chosen last
  await page.locator('.facet-item.t-weapon').click();
  await page.locator('.facet-item.t-event').click();
  await waitForCount(page.locator('.chip'), 2);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.keyboard.press('Escape');
  await waitForCount(page.locator('.chip'), 1);
  assert.match(await page.locator('.chip').textContent(), /Weapon systems/);
  // Tab, from the top of the page, reaches the search box, the theme switch, the facets,
  // the entity panel and the article list
  await page.focus('.skip-link');
  const reached = new Set();
  for (let i = 0; i < 80; i++) {
    reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.className || ''));
    await page.keyboard.press('Tab');
  }
  const all = [...reached].join(' ');
  for (const want of ['search', 'theme-toggle', 'facet-item', 'entity-filter', 'entity']) {
    assert.ok(all.includes(want), `${want} not reached: ${all}`);
  }
  await page.close();
});

test('layout: three panes on a desktop, one with a switcher on a phone; themes follow the system and the switch', async () => {
  const page = await open(browser, server.url);
  const boxes = await Promise.all(['.filters', '.results', '.overview'].map((s) => page.locator(s).boundingBox()));
  assert.ok(boxes[0].x < boxes[1].x && boxes[1].x < boxes[2].x, 'side by side');
  assert.equal(await page.locator('.switcher').isVisible(), false);
  // phone
  await page.setViewportSize({ width: 375, height: 740 });
  assert.equal(await page.locator('.switcher').isVisible(), true);
  assert.equal(await page.locator('.filters').isVisible(), false);
  await page.locator('.switcher').getByRole('button', { name: /Filters/ }).click();
  assert.equal(await page.locator('.filters').isVisible(), true);
  assert.equal(await page.locator('.results').isVisible(), false);
  await page.locator('.switcher').getByRole('button', { name: /Articles/ }).click();
  await page.locator('.result-list a').first().click();
  await page.locator('.reader-article').waitFor();
  assert.equal(await page.locator('.reader').isVisible(), true, 'opening an article shows the reader');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  // themes
  await page.setViewportSize({ width: 1280, height: 800 });
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await bg();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await bg();
  assert.notEqual(light, dark, 'follows prefers-color-scheme');
  await page.getByRole('button', { name: 'Theme: dark' }).click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await bg(), light);
  await page.reload();
  await page.waitForSelector('.result-list li');
  assert.equal(await bg(), light, 'the choice is remembered');
  await page.close();
});
