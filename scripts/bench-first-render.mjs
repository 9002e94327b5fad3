// First render with the bundled corpus: the median of 7 fresh page loads (a new browser context
// each), from navigation to the article list on screen. Budget: < 500 ms.
//   node scripts/bench-first-render.mjs     (after scripts/build.sh)
import path from 'node:path';
import { launchChromium, median } from './bench-common.mjs';
import { serve } from '../e2e/serve.mjs';
const server = await serve(path.resolve('dist'));
const browser = await launchChromium();
const xs = [];
for (let i = 0; i < 7; i++) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.result-list li');
  xs.push(await page.evaluate(() => performance.now()));
  await ctx.close();
}
console.log('first render ms (7 loads)', xs.map(Math.round).join(' '), 'median', Math.round(median(xs)));
await browser.close(); await server.close();
