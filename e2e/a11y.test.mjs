// Accessibility and looks: axe-core (WCAG 2.1 A and AA) finds no serious or critical violation
// on any view, in both themes, at desktop and phone sizes; each view is saved as a screenshot
// in e2e/artifacts to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startSite, open, axeViolations, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite();

const DESKTOP = { width: 1400, height: 900 };
const PHONE = { width: 375, height: 812 };
const VIEWS = [
  { name: 'home', query: '' },
  { name: 'reader', query: '?doc=002_c690e0d69511faa6' },
  { name: 'filtered', query: '?e=PERSON:Kim+Jong+Un&t=WEAPON&q=missile&doc=004_c6ab66ca7234eefc' },
  { name: 'raw', query: '?doc=002_c690e0d69511faa6&raw=1&hide=DATE' },
  { name: 'notice', query: '?t=FRUIT&doc=missing' },
  { name: 'library', query: '' },
];

for (const scheme of ['light', 'dark']) {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    test(`no serious accessibility violations: ${size}, ${scheme}`, async () => {
      const found = [];
      for (const v of VIEWS) {
        const page = await open(browser, server.url + v.query, { viewport });
        await page.emulateMedia({ colorScheme: scheme });
        if (v.name === 'reader') {
          await page.locator('.reader-body .mention').first().hover();
          await page.locator('#mention-tip').waitFor({ state: 'visible' });
        }
        if (v.name === 'library') {
          await page.locator('.library-toggle').click();
          await page.locator('.dialog').waitFor();
        }
        if (size === 'phone' && v.name === 'home') {
          await page.locator('.switcher').getByRole('button', { name: /Filters/ }).click();
        }
        await page.screenshot({ path: path.join(ARTIFACTS, `${v.name}-${size}-${scheme}.png`) });
        for (const violation of await axeViolations(page)) found.push(`${v.name}: ${violation}`);
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }
}
