// Browser tests of the built site (dist/, a release build) served under a sub-path by a plain
// static server: the article list, the reader, the URL state, deep links and "not found".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite();

async function open(url) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForSelector('.result-list li');
  return page;
}

test('lists the five bundled articles with cleaned titles', async () => {
  const page = await open(server.url);
  const titles = await page.locator('.article-title').allTextContents();
  assert.equal(titles.length, 5);
  assert.ok(titles.includes('N. Korean delegation to attend defense expo in Russia'), titles.join(' | '));
  assert.ok(titles.includes('North Korea and Russia Forge Deeper Military Ties: A New Era of Alliance?'));
  // page furniture is not a title
  assert.ok(!titles.some((t) => t.includes('71.9 F') || t.includes('Fan Club')), titles.join(' | '));
  await expectText(page, '.overview', 'Choose an article');
  await page.screenshot({ path: path.join(ARTIFACTS, 'home.png'), fullPage: true });
  await page.close();
});

test('clicking an article opens it in the reader and puts it in the URL', async () => {
  const page = await open(server.url);
  await page.getByRole('link', { name: /top missile developer spotted in Russia/ }).click();
  await page.waitForSelector('.reader-article');
  assert.match(page.url(), /\/some\/sub\/path\/\?doc=002_c690e0d69511faa6$/);
  await expectText(page, '.reader-title', 'North Korea’s top missile developer spotted in Russia');
  await expectText(page, '.reader-body', 'Kim Jong-sik, First Deputy Director');
  // furniture stays out of the reader
  const body = await page.locator('.reader-body').textContent();
  assert.ok(!body.includes('Advertisement') && !body.includes('71.9 F'), body.slice(0, 200));
  assert.equal(await page.locator('.article-item a[aria-current="page"]').count(), 1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'reader.png'), fullPage: true });

  // back and forward step through the URL state
  await page.getByRole('link', { name: /Forge Deeper Military Ties/ }).click();
  await page.waitForURL(/doc=001_37075166cdac6e33/);
  await expectText(page, '.reader-title', 'Forge Deeper Military Ties');
  await page.goBack();
  await page.waitForURL(/doc=002_c690e0d69511faa6/);
  await expectText(page, '.reader-title', 'top missile developer');
  await page.goForward();
  await page.waitForURL(/doc=001_37075166cdac6e33/);
  await expectText(page, '.reader-title', 'Forge Deeper Military Ties');
  await page.close();
});

test('a deep link under the sub-path opens the article after a reload', async () => {
  const page = await open(`${server.url}?doc=004_c6ab66ca7234eefc`);
  await expectText(page, '.reader-title', 'Kim Jong-un displays all his weapons capabilities');
  await page.reload();
  await page.waitForSelector('.reader-article');
  await expectText(page, '.reader-title', 'Kim Jong-un displays all his weapons capabilities');
  assert.match(page.url(), /\/some\/sub\/path\/\?doc=004_c6ab66ca7234eefc$/);
  await page.close();
});

test('an unknown doc shows a clear not-found state, not a blank page', async () => {
  const page = await open(`${server.url}?doc=no-such-article`);
  await expectText(page, '.reader-not-found', 'Article not found');
  await expectText(page, '.reader-not-found', 'no-such-article');
  assert.equal(await page.locator('.result-list li').count(), 5);
  await page.getByRole('link', { name: 'Back to all articles' }).click();
  await expectText(page, '.overview', 'Choose an article');
  await page.close();
});

test('no console errors on any of these pages', async () => {
  assert.deepEqual(browser.errors, []);
});

async function expectText(page, selector, text) {
  await page.locator(selector).filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}
