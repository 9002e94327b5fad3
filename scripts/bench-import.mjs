// The browser's extraction speed: serves dist/ (a release build), opens Dossier in headless
// Chromium and adds N synthetic articles through the real file picker, first with one
// extraction worker (the browser made to report one core) and then with the pool the browser's
// cores give. For each it reports the import's wall-clock speed (bytes over the time from the
// files' hand-over to the last worker's answer) and the speed of one worker (bytes over the
// milliseconds the workers spent, summed), as medians of ROUNDS fresh profiles.
// Writes target/bench/import.json.
//
//   node scripts/bench-import.mjs [articles=2000] [rounds=3]     (after scripts/build.sh)
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, median } from './bench-common.mjs';
import { serve } from '../e2e/serve.mjs';
import { synthesize } from './synth-corpus.mjs';

const N = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 3);

const server = await serve(path.resolve('dist'));
const browser = await launchChromium();
const articles = synthesize(N);
const files = articles.map((a) => ({ name: a.name, mimeType: 'text/plain', buffer: Buffer.from(a.text) }));
const megabytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1048576;

/** One import in a fresh profile; `cores` overrides what the browser reports. */
async function importOnce(cores) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  if (cores) await ctx.addInitScript((n) => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => n }), cores);
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.result-list li');
  await page.locator('.library-toggle').click();
  await page.setInputFiles('#file-input', files);
  await page.locator('.progress-text', { hasText: `${N} of ${N} read` }).waitFor({ timeout: 30 * 60_000 });
  const x = await page.evaluate(() => {
    const d = document.querySelector('.progress-text').dataset;
    return { bytes: Number(d.bytes), workerMs: Number(d.ms), wallMs: Number(d.wallMs), workers: Number(d.workers), readMs: Number(d.readMs), pageMs: Number(d.pageMs) };
  });
  await ctx.close();
  if (errors.length) throw new Error(errors.join('\n'));
  return x;
}

const mbps = (bytes, ms) => bytes / 1048576 / (ms / 1000);
const result = { articles: N, megabytes: Number(megabytes.toFixed(1)), rounds: ROUNDS };
for (const [label, cores] of [['one_worker', 1], ['all_workers', 0]]) {
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await importOnce(cores));
  result[label] = {
    workers: runs[0].workers,
    wall_mb_per_s: Number(median(runs.map((r) => mbps(r.bytes, r.wallMs))).toFixed(1)),
    per_worker_mb_per_s: Number(median(runs.map((r) => mbps(r.bytes, r.workerMs))).toFixed(1)),
    // where the wall-clock time went: extracting in the workers and the page taking the
    // answers (its JSON and keeping each article), each summed over its threads; and the
    // files' waits for their reads, summed (reads overlap, so a wait, not a share of the time)
    wall_ms: Math.round(median(runs.map((r) => r.wallMs))),
    worker_read_wait_ms: Math.round(median(runs.map((r) => r.readMs))),
    worker_extract_ms: Math.round(median(runs.map((r) => r.workerMs))),
    page_answer_ms: Math.round(median(runs.map((r) => r.pageMs))),
  };
}
await browser.close();
await server.close();
console.table({ one_worker: result.one_worker, all_workers: result.all_workers });
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/import.json', JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
