// The static corpus benchmark (#16): builds a synthetic corpus of 100,000 articles (about
// 200 MB, `synth-corpus.mjs`) into a copy of dist/ with `dossier build`, serves it locally, and
// measures the page on it, unthrottled and on a throttled network (150 ms round trip, 1.6 Mbit/s
// down, 750 kbit/s up: Chrome's "Fast 3G"):
//   - the build's wall time on this machine;
//   - first render: navigation to the overview and facets drawn from the root (median of 5);
//   - bytes before first render: what the network carried until then (HTML, JS, wasm and CSS
//     gzipped by the server, as static hosts do; the corpus's files are gzip already);
//   - filter update with its files cached: the answer computed in the page (the results and
//     every facet count), and click to the next frame;
//   - search, cold (its files not fetched yet) and warm: input to the results drawn, and the
//     bytes it fetched;
//   - the wasm memory after all of it.
// Writes target/bench/shards.json.
//   node scripts/bench-shards.mjs [articles=100000]     (after scripts/build.sh)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launchChromium, median } from './bench-common.mjs';
import { serve } from '../e2e/serve.mjs';

const N = Number(process.argv[2] ?? 100000);
const corpusDir = path.resolve(`target/bench/synth-${N}`);
const site = path.resolve(`target/bench/site-${N}`);
if (!fs.existsSync(path.join(corpusDir, `.done`))) {
  execFileSync('node', ['scripts/synth-corpus.mjs', String(N), corpusDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(path.join(corpusDir, '.done'), '');
}
const corpusBytes = fs.readdirSync(corpusDir).reduce((n, f) => n + fs.statSync(path.join(corpusDir, f)).size, 0);
execFileSync('cargo', ['build', '--profile', 'cli', '-p', 'dossier-cli', '--locked'], { stdio: 'inherit' });
fs.rmSync(site, { recursive: true, force: true });
fs.cpSync(path.resolve('dist'), site, { recursive: true });
const t0 = Date.now();
const said = execFileSync('target/cli/dossier', ['build', corpusDir, '--out', site], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const buildS = (Date.now() - t0) / 1000;
console.log(said.trim());
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files.push(p);
  }
})(path.join(site, 'corpus'));
const perFolder = {};
for (const f of files) { const k = path.basename(path.dirname(f)); perFolder[k] = (perFolder[k] ?? 0) + 1; }
const sizes = files.map((f) => fs.statSync(f).size);
console.log(`build: ${buildS.toFixed(1)} s for ${N} articles (${(corpusBytes / 1e6).toFixed(0)} MB); ${files.length} files`, perFolder);

const server = await serve(site, '/some/sub/path/', { gzip: true });
const browser = await launchChromium(['--disable-quic', '--enable-precise-memory-info']);
const PROFILES = {
  unthrottled: null,
  throttled: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};

/** A fresh page with the network counted (and throttled if asked). */
async function open(profile) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile) await cdp.send('Network.emulateNetworkConditions', profile);
  const net = { bytes: 0, urls: [] };
  cdp.on('Network.loadingFinished', (e) => { net.bytes += e.encodedDataLength; });
  cdp.on('Network.responseReceived', (e) => net.urls.push(e.response.url));
  return { ctx, page, net };
}

const firstRendered = (page) => page.waitForSelector('.overview h2 >> text=Overview', { timeout: 120000 })
  .then(() => page.waitForSelector('.filters .facet-item', { timeout: 120000 }));

/** Types a query and waits for its results drawn; returns ms and bytes fetched. */
async function search(page, net, q) {
  const before = net.bytes;
  const ms = await page.evaluate(async (q) => {
    const box = document.querySelector('#search');
    const t = performance.now();
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => {
      const check = () => {
        const r = document.querySelector('.results');
        if (r?.dataset.answered === q && !r.querySelector('[role=status]')) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t;
  }, q);
  const answerMs = Number(await page.evaluate(() => document.querySelector('.results').dataset.answerMs));
  const kb = (net.bytes - before) / 1024;
  // then the facet counts within the results, whose postings come after the results
  await page.waitForFunction(() => ![...document.querySelectorAll('.filters .facet-count')].some((c) => c.textContent === '…'), null, { timeout: 300000 });
  await page.waitForTimeout(50);
  return { ms, answer_ms: answerMs, kb, kb_with_counts: (net.bytes - before) / 1024 };
}

const out = { articles: N, corpus_mb: corpusBytes / 1e6, build_s: buildS, files: files.length, per_folder: perFolder,
  largest_kib: Math.max(...sizes) / 1024, over_64kib: sizes.filter((s) => s > 65536).length, profiles: {} };
const COLD = ['kharkiv', 'artillery shells', 'hwasong*', 'sanctions moscow', 'vladivostok'];
for (const [name, profile] of Object.entries(PROFILES)) {
  const firsts = [];
  const bytes = [];
  for (let i = 0; i < 5; i++) {
    const { ctx, page, net } = await open(profile);
    const t = Date.now();
    await page.goto(server.url);
    await firstRendered(page);
    firsts.push(await page.evaluate(() => performance.now()));
    bytes.push(net.bytes / 1024);
    await ctx.close();
    void t;
  }
  const { ctx, page, net } = await open(profile);
  await page.goto(server.url);
  await firstRendered(page);
  // filters with their files cached: the first click fetches, the rest are timed
  const facet = page.locator('.filters .facet-item[data-entity]').first();
  await facet.click();
  await page.waitForFunction(() => document.querySelector('.results')?.dataset.answerMs);
  await facet.click();
  const filterMs = [];
  const frameMs = [];
  for (let i = 0; i < 9; i++) {
    const r = await page.evaluate(async () => {
      const b = document.querySelectorAll('.filters .facet-item[data-entity]')[0];
      const t = performance.now();
      b.click();
      await new Promise((r) => requestAnimationFrame(() => r()));
      return { frame: performance.now() - t, answer: Number(document.querySelector('.results').dataset.answerMs) };
    });
    filterMs.push(r.answer);
    frameMs.push(r.frame);
  }
  await page.evaluate(() => { const b = document.querySelector('.clear'); if (b) b.click(); });
  const cold = [];
  const warm = [];
  for (const q of COLD) {
    cold.push({ q, ...(await search(page, net, q)) });
    await search(page, net, '');
    warm.push({ q, ...(await search(page, net, q)) });
    await search(page, net, '');
  }
  const mem = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  out.profiles[name] = {
    first_render_ms: Math.round(median(firsts)),
    first_render_runs: firsts.map(Math.round),
    bytes_before_first_render_kb: Math.round(median(bytes)),
    filter_answer_ms: Number(median(filterMs).toFixed(2)),
    filter_to_frame_ms: Number(median(frameMs).toFixed(1)),
    search_cold_ms: Math.round(median(cold.map((c) => c.ms))),
    search_cold_kb: Math.round(median(cold.map((c) => c.kb))),
    search_cold_max_kb: Math.round(Math.max(...cold.map((c) => c.kb))),
    search_cold_with_counts_kb: Math.round(median(cold.map((c) => c.kb_with_counts))),
    search_warm_ms: Number(median(warm.map((c) => c.ms)).toFixed(1)),
    search_warm_answer_ms: Number(median(warm.map((c) => c.answer_ms)).toFixed(1)),
    cold, warm,
    wasm_memory_mb: Number((mem / 1048576).toFixed(1)),
  };
  console.log(name, JSON.stringify(out.profiles[name], (k, v) => (k === 'cold' || k === 'warm' ? undefined : v)));
  await ctx.close();
}
fs.mkdirSync('target/bench', { recursive: true });
fs.writeFileSync('target/bench/shards.json', JSON.stringify(out, null, 2));
await browser.close();
await server.close();
