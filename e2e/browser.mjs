// Launches Debian's Chromium through playwright-core with the flags this machine needs,
// a fresh profile each time, and collects console errors and page errors.
import { chromium } from 'playwright-core';
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
