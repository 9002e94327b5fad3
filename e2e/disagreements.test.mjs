// Browser tests of the disagreement finder's panel (issue 12): the overview counts where the
// sources disagree; the panel shows the ARMY 2024 forum's dates from The Dong-A Ilbo and Korea
// Daily side by side with the values marked, each one click from its article; the reader marks
// a disputed sentence with a badge after it; the panel follows the filter and lives in the URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, open, axeViolations, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite();
const params = (page) => new URL(page.url()).searchParams;
const DOC_000 = '000_6d5897ffee08e2b1';

test('the overview counts the disagreements and opens the panel with both sides', async () => {
  const page = await open(browser, server.url);
  await page.locator('.overview-disagreements', { hasText: '1 place where sources disagree' }).waitFor();
  await page.getByRole('button', { name: 'Where sources disagree' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pane') === 'disagreements');
  const item = page.locator('.dis-item');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  const head = await item.locator('h3').textContent();
  assert.match(head, /International Military-Technical Forum/);
  assert.match(head, /date/);
  const sides = item.locator('.dis-side');
  assert.equal(await sides.count(), 2);
  const text = (await sides.allTextContents()).join(' | ');
  assert.match(text, /The Dong-A Ilbo · 2024-08-10/);
  assert.match(text, /Korea Daily/);
  const marked = await item.locator('mark.dis-span').allTextContents();
  assert.deepEqual(marked.sort(), ['August 12 to 14', 'August 15 through August 21']);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `the panel in the ${scheme} theme`);
    await page.screenshot({ path: path.join(ARTIFACTS, `disagreements-desktop-${scheme}.png`) });
  }
  // each side opens its article
  await sides.first().locator('a.dis-open').click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('doc'));
  await page.locator('.reader-article').waitFor();
  await page.close();
});

test('the reader marks a sentence disputed elsewhere, and the badge leads to the panel', async () => {
  const page = await open(browser, `${server.url}?doc=${DOC_000}`);
  const badge = page.locator('.reader-body .dispute-badge');
  await badge.first().waitFor();
  // the badge follows the disputed sentence itself, before the next one
  const para = await badge.first().locator('xpath=..').textContent();
  assert.match(para, /August 15 through August 21, is a defense exhibition[^.]*around the world\.\s*Disputed elsewhere/);
  await badge.first().click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('pane') === 'disagreements');
  assert.equal(params(page).get('doc'), null);
  await page.locator('.dis-item').first().waitFor();
  await page.close();
});

test('the panel follows the filter, and its state lives in the URL', async () => {
  const page = await open(browser, `${server.url}?e=PERSON:Sergei+Shoigu&pane=disagreements`);
  await page.locator('.dis-count', { hasText: 'No disagreements among these articles.' }).waitFor();
  assert.equal(await page.locator('.dis-item').count(), 0);
  await page.goto(`${server.url}?src=Korea+Daily&pane=disagreements`);
  await page.locator('.dis-count', { hasText: '1 disagreement' }).waitFor();
  await page.getByRole('button', { name: '← Overview' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('pane'));
  await page.locator('.overview').waitFor();
  // on a phone the panel is in the first panel too
  const phone = await open(browser, `${server.url}?pane=disagreements`, { viewport: { width: 375, height: 740 } });
  await phone.locator('.dis-item').first().waitFor();
  assert.equal(await phone.locator('.disagreements').isVisible(), true);
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  await phone.screenshot({ path: path.join(ARTIFACTS, 'disagreements-phone.png') });
  await phone.close();
  await page.close();
});
