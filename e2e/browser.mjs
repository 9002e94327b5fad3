// Launches Debian's Chromium through playwright-core with the flags this machine needs,
// a fresh profile each time, and collects console errors and page errors.
import { after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ARTIFACTS = path.resolve('e2e/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1280, height: 800 },
  });
  const errors = [];
  context.on('page', (page) => watch(page, errors));
  for (const p of context.pages()) watch(p, errors);
  return { context, errors, close: async () => { await context.close(); fs.rmSync(userDataDir, { recursive: true, force: true }); } };
}

function watch(page, errors) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
}

/**
 * Serves dist/ (the release build) under a sub-path and starts a browser (`launcher`: `launch`
 * or `isolatedBrowser`) for one test file; both are closed when the file's tests are done.
 */
export async function startSite(launcher = launch) {
  const server = await serve(path.resolve('dist'));
  const browser = await launcher();
  after(async () => {
    await browser.close();
    await server.close();
  });
  return { server, browser };
}

/** Opens `url` in a new page of `browser` and waits for the app to render its list. */
export async function open(browser, url, { viewport } = {}) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  // attached, not visible: a phone shows one pane at a time
  await page.waitForSelector('.result-list li, .empty', { state: 'attached' });
  return page;
}

const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2 A and AA rules) in the page; returns the serious and critical violations. */
export async function axeViolations(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits until `locator` has `count` elements. */
export async function waitForCount(locator, count, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const n = await locator.count();
    if (n === count) return;
    if (Date.now() > deadline) throw new Error(`expected ${count} elements, found ${n}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A browser whose contexts are isolated from each other (their own storage), for tests that
 *  keep articles in IndexedDB. `context()` gives a fresh context that records console errors,
 *  page errors and every request it makes. */
export async function isolatedBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    close: () => browser.close(),
    async context(options = {}) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, ...options });
      const errors = [];
      const requests = [];
      ctx.on('page', (page) => watch(page, errors));
      ctx.on('request', (r) => requests.push(r.url()));
      return { ctx, errors, requests };
    },
  };
}
