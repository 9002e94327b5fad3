// Screenshots of the built site for looking at it: node e2e/shots.mjs '[{"query": "...", "out": "x.png", ...}]'
// (a development aid; the test suites take their own screenshots)
import { serve } from './serve.mjs';
import { chromium } from 'playwright-core';
import path from 'node:path';
const server = await serve(path.resolve('dist'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
for (const s of JSON.parse(process.argv[2])) {
  const ctx = await browser.newContext({ viewport: s.viewport ?? { width: 1400, height: 900 }, colorScheme: s.scheme ?? 'light' });
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('CONSOLE', m.text()); });
  page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
  await page.goto(server.url + (s.query ?? ''));
  await page.waitForSelector('.article-item', { timeout: 15000 });
  for (const c of s.click ?? []) { await page.click(c); await page.waitForTimeout(150); }
  if (s.hover) { await page.hover(s.hover); await page.waitForTimeout(200); }
  await page.screenshot({ path: s.out, fullPage: !!s.full });
  await ctx.close();
}
await browser.close();
await server.close();
