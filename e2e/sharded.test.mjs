// Browser tests of the page on a static corpus (issue 16): `dossier build` writes the seeds and
// the development articles into a copy of dist/, and the page opens on its root alone, fetches
// the term files a search needs and the article file an open article needs, each once; facets,
// the list and the reader follow the filter, which lives in the URL; a file that is missing or whose bytes do not match its name is reported,
// with a retry, and what the other files hold is still shown. It passes axe in both themes
// and fits a phone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, axeViolations, ARTIFACTS } from './browser.mjs';
import { serve } from './serve.mjs';

const ARTICLES = ['seeds', 'crates/eval/tests/articles'].flatMap((d) =>
  fs.readdirSync(d).filter((f) => /\.(txt|html)$/.test(f)).sort().map((f) => path.join(d, f)));

/** A copy of dist/ with a static corpus built into it. */
function buildSite() {
  execFileSync('cargo', ['build', '--profile', 'cli', '-p', 'dossier-cli', '--locked'], { stdio: 'inherit' });
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-site-'));
  fs.cpSync(path.resolve('dist'), site, { recursive: true });
  execFileSync('target/cli/dossier', ['build', ...ARTICLES, '--out', site], { stdio: 'inherit' });
  return site;
}

const site = buildSite();
const server = await serve(site);
const browser = await launch();
after(async () => {
  await browser.close();
  await server.close();
  fs.rmSync(site, { recursive: true, force: true });
});

/** Opens the site, recording what it fetches from the corpus. */
async function openSite(url = server.url, viewport) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const fetched = [];
  page.on('requestfinished', (r) => {
    const u = new URL(r.url());
    if (u.pathname.includes('/corpus/')) fetched.push(u.pathname.split('/corpus/')[1]);
  });
  await page.goto(url);
  await page.locator('.result-list li').first().waitFor();
  return { page, fetched };
}

const params = (page) => new URL(page.url()).searchParams;

test('opens on the root, searches by fetching term files, reads an article by fetching its file', async () => {
  const { page, fetched } = await openSite();
  const articles = ARTICLES.length;
  await page.locator('.overview h2').waitFor();
  assert.match(await page.locator('.result-count').textContent(), new RegExp(`^${articles} articles$`));
  assert.deepEqual(fetched, ['root.bin'], `the root alone: ${fetched.join(', ')}`);
  // the overview and the facets come from the root: Kim Jong Un among the most named
  const overview = await page.locator('.overview').textContent();
  assert.match(overview, new RegExp(`${articles} articles`));
  assert.ok(await page.locator('.filters .facet-item', { hasText: 'Kim Jong Un' }).count() > 0);
  // a search fetches term files and nothing else
  const before = fetched.length;
  await page.locator('#search').fill('Shoigu');
  await page.waitForFunction(() => document.querySelector('.results')?.dataset.answered === 'Shoigu');
  await page.waitForFunction(() => !document.querySelector('.results [role=status]'));
  const searched = fetched.slice(before);
  assert.ok(searched.some((f) => f.startsWith('t/')), searched.join(', '));
  assert.ok(searched.every((f) => /^(t|e|m)\//.test(f)), searched.join(', '));
  const count = await page.locator('.result-count').textContent();
  const [shown] = count.match(/^\d+/);
  assert.ok(Number(shown) >= 1 && Number(shown) < articles, count);
  assert.equal(params(page).get('q'), 'Shoigu');
  // newest first by default; best match on request, the same articles
  const dates = async () => (await page.locator('.result-meta').allTextContents()).map((t) => t.slice(0, 10));
  const newest = await dates();
  assert.deepEqual(newest, [...newest].sort().reverse(), 'newest first');
  await page.getByRole('button', { name: 'Best match' }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('sort') === 'best');
  await page.waitForFunction((c) => document.querySelector('.result-count').textContent === c, count);
  assert.equal(await page.getByRole('button', { name: 'Best match' }).getAttribute('aria-pressed'), 'true');
  await page.getByRole('button', { name: 'Newest first' }).click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('sort'));
  // the same search again fetches nothing
  const n = fetched.length;
  await page.locator('#search').fill('');
  await page.locator('#search').fill('Shoigu');
  await page.waitForFunction(() => document.querySelector('.results')?.dataset.answered === 'Shoigu');
  assert.equal(fetched.length, n, `nothing fetched twice: ${fetched.slice(n).join(', ')}`);
  // open the first result: its article file (and the list of article files) come once
  await page.locator('.result-list li a').first().click();
  await page.locator('.reader-article').waitFor();
  assert.ok(fetched.some((f) => f.startsWith('a/')) && fetched.some((f) => f.startsWith('x/')));
  assert.ok(params(page).get('doc'));
  const hit = page.locator('.reader-body mark.hit').first();
  assert.match(await hit.textContent(), /Shoigu/i);
  // a mention filters by its entity; the count follows, the URL carries it, a reload restores it
  const mention = page.locator('.reader-body .mention.t-person').first();
  const entity = await mention.getAttribute('data-entity');
  await mention.click();
  await page.waitForFunction((e) => new URL(location.href).searchParams.get('se') === e, entity);
  await page.waitForFunction(() => !document.querySelector('.results [role=status]'));
  const url = page.url();
  const filtered = await page.locator('.result-count').textContent();
  assert.equal(new Set(fetched).size, fetched.length, `no file fetched twice: ${fetched.join(', ')}`);
  await page.reload();
  await page.locator('.result-list li').first().waitFor();
  await page.waitForFunction((t) => document.querySelector('.result-count')?.textContent === t, filtered);
  assert.equal(page.url(), url);
  await page.close();
});

test('keyboard: facets and results are buttons and links; an entity facet filters', async () => {
  const { page } = await openSite();
  const facet = page.locator('.filters .facet-item[data-entity]').first();
  await facet.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('se'));
  await page.waitForFunction(() => document.querySelector('.filters .facet-item[aria-pressed=true]'));
  assert.match(await page.locator('.result-count').textContent(), /^\d+ of \d+ articles$/);
  await page.locator('.clear').click();
  await page.waitForFunction(() => !new URL(location.href).searchParams.get('se'));
  await page.close();
});

test('a missing file and a file that does not match its name are reported, with a retry', async () => {
  const root = path.join(site, 'corpus');
  const away = (dir) => fs.readdirSync(path.join(root, dir)).map((f) => [path.join(root, dir, f), path.join(root, dir, `${f}.away`)]);
  const terms = away('t');
  const texts = fs.readdirSync(path.join(root, 'a')).map((f) => path.join(root, 'a', f));
  const good = texts.map((f) => fs.readFileSync(f));
  const restore = () => {
    for (const [a, b] of terms) if (fs.existsSync(b)) fs.renameSync(b, a);
    texts.forEach((f, i) => fs.writeFileSync(f, good[i]));
  };
  try {
    // the term files gone: a search says so, and the facets from the root stay
    for (const [a, b] of terms) fs.renameSync(a, b);
    const { page } = await openSite();
    await page.locator('#search').fill('missile');
    const alert = page.locator('.shard-failed[role=alert]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /missing from the site \(HTTP 404\)/);
    assert.ok(await page.locator('.filters .facet-item').count() > 0);
    // back: the retry reads them
    for (const [a, b] of terms) fs.renameSync(b, a);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelector('.results')?.dataset.answered === 'missile');
    await page.locator('.result-list li').first().waitFor();
    assert.equal(await page.locator('.shard-failed').count(), 0);
    // an article file whose bytes are not the ones its name promises
    for (const [i, f] of texts.entries()) {
      const bad = Buffer.from(good[i]);
      bad[bad.length - 9] ^= 0xff;
      fs.writeFileSync(f, bad);
    }
    await page.locator('.result-list li a').first().click();
    await alert.waitFor();
    assert.match(await alert.textContent(), /do not match its name/);
    assert.equal(await page.locator('.reader-article').count(), 0, 'no article drawn from a damaged file');
    texts.forEach((f, i) => fs.writeFileSync(f, good[i]));
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.reader-article').waitFor();
    await page.close();
  } finally {
    restore();
  }
});

test('axe in both themes, on a desktop and a phone; screenshots', async () => {
  const { page } = await openSite(`${server.url}?q=missile`);
  await page.waitForFunction(() => document.querySelector('.results')?.dataset.answered === 'missile');
  await page.locator('.result-list li a').first().click();
  await page.locator('.reader-article').waitFor();
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `desktop, ${scheme}`);
    await page.screenshot({ path: path.join(ARTIFACTS, `sharded-desktop-${scheme}.png`) });
  }
  await page.close();
  const phone = await openSite(server.url, { width: 375, height: 740 });
  for (const scheme of ['light', 'dark']) {
    await phone.page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(phone.page), [], `phone, ${scheme}`);
    const wide = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 375, `no sideways scroll on a phone (${wide} px)`);
    await phone.page.screenshot({ path: path.join(ARTIFACTS, `sharded-phone-${scheme}.png`) });
  }
  await phone.page.close();
});
