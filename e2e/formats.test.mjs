// Browser tests of the ways in beyond text, pages and Markdown, on the built site with real
// files: a feed gives an article for each item, a Word document, a mail and a PDF one each (the
// PDF read by the PDF worker, which starts only then), each with the title, author and date its
// container gives; they are kept and come back after a reload. Bad containers (cut, zip bomb,
// locked, scanned, damaged enough to crash the PDF reader, a 10,000-item feed, a mail with a 20 MB attachment) each get a message
// naming the file and the reason, and nothing kept is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedBrowser, startSite, waitForCount } from './browser.mjs';

const { server, browser } = await startSite(isolatedBrowser);
const OWN = path.resolve('crates/eval/tests/formats/own');
const REAL = path.resolve('crates/eval/tests/formats/real');
const BAD = path.resolve('crates/eval/tests/formats/bad');

const real = (p) => ({ name: path.basename(p), mimeType: 'application/octet-stream', buffer: fs.readFileSync(p) });
const results = (page) => page.locator('.result-list .article-item');
const notes = async (page) => (await page.locator('.notes li').allTextContents()).join('\n');

async function openApp(ctx) {
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.result-list li', { state: 'attached' });
  await page.locator('.library-toggle').click();
  await page.locator('.dialog').waitFor();
  return page;
}

test('a feed, a Word document, a mail and PDFs become articles with their own metadata, kept across a reload', async () => {
  const { ctx, errors, requests } = await browser.context();
  const page = await openApp(ctx);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.setInputFiles('#file-input', [
    path.join(OWN, 'summit-wire.rss'),
    path.join(OWN, 'vladivostok-briefing.docx'),
    path.join(OWN, 'shoigu-visit.eml'),
    path.join(OWN, 'treaty-notes.pdf'),
    path.join(REAL, 'vicksburg-1885-ocr.pdf'),
  ]);
  await waitForCount(page.locator('.kept'), 6, 30_000);
  const said = await notes(page);
  assert.match(said, /summit-wire\.rss: opened: 2 articles read out of it/);
  assert.match(said, /shoigu-visit\.eml: 1 attachment was not read \(programme\.pdf\)/);
  assert.match(said, /treaty-notes\.pdf: opened: 1 article read out of it/);
  assert.match(said, /vladivostok-briefing\.docx: opened/);
  // the progress counts files read and articles added
  assert.match(await page.locator('.progress-text').textContent(), /5 of 5 read · 6 added/);
  // the PDF reader is a worker of its own, started by the extraction worker for the PDFs only
  assert.ok(workers.some((u) => u.endsWith('dossier-worker_loader.js')), workers.join(' '));
  // the five files were spread over the extraction workers, one a core the browser reports
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const readers = workers.filter((u) => u.endsWith('dossier-worker_loader.js')).length;
  assert.equal(readers, Math.min(Math.max(cores, 1), 8, 5), workers.join(' '));
  if (readers > 1) assert.match(await page.locator('.progress-text').textContent(), new RegExp(`read at [\\d.]+ MB/s by ${readers} workers`));
  assert.ok(requests.some((u) => /dossier-pdf_bg\.wasm$/.test(u)), 'the PDF reader was fetched');
  const kept = (await page.locator('.kept-title').allTextContents()).join('\n');
  for (const t of ['Kim Jong Un arrives in Vladivostok by armoured train', 'Shoigu tours a weapons exhibition in Pyongyang', 'Putin and Kim sign a mutual defence treaty', 'THE SIEGE OF VICKSBURG']) {
    assert.ok(kept.includes(t), `${t} in ${kept}`);
  }
  await page.keyboard.press('Escape');
  // the Word document: its Title paragraph is the title, its core properties the author and date
  // the feed's items are filed under the feed's title; the Word file has no outlet
  await results(page).filter({ hasText: 'armoured train' }).filter({ hasText: 'Example Wire' }).waitFor();
  await results(page).filter({ hasText: 'armoured train' }).filter({ hasNotText: 'Example Wire' }).locator('a').click();
  assert.match(await page.locator('.reader-meta').textContent(), /Mira Okafor/);
  assert.match(await page.locator('.reader-meta').textContent(), /2023/);
  assert.ok(await page.locator('.reader-body .mention', { hasText: 'Vladimir Putin' }).count() > 0);
  await page.goBack();
  // the mail: its subject, sender and date, and never its headers
  await results(page).filter({ hasText: 'Shoigu tours' }).filter({ hasNotText: 'Example Wire' }).locator('a').click();
  assert.match(await page.locator('.reader-meta').textContent(), /Daniel Reyes/);
  const mailBody = await page.locator('.reader-body').textContent();
  assert.match(mailBody, /Sergei Shoigu visited an arms exhibition in Pyongyang/);
  assert.ok(!/Content-Type|Message-ID/.test(mailBody), mailBody);
  // after a reload the articles come back from IndexedDB, the PDF's without its reader
  const fetched = requests.length;
  await page.reload();
  await page.locator('.library-toggle .count-badge', { hasText: '6' }).waitFor({ timeout: 30_000 });
  assert.ok(!requests.slice(fetched).some((u) => /dossier-pdf_bg\.wasm$/.test(u)), 'no PDF reader on reload');
  await page.locator('.result-list .article-item', { hasText: 'Putin and Kim sign a mutual defence treaty' }).first().waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('bad containers: each gets a message naming it and why; a huge feed and a mail with a big attachment are read in part, saying so', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await page.setInputFiles('#file-input', [path.join(OWN, 'treaty-log.atom')]);
  await waitForCount(page.locator('.kept'), 1, 20_000);
  let feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>';
  for (let i = 0; i < 10_000; i++) feed += `<item><title>Item ${i}</title><description>Talks in Moscow number ${i}.</description></item>`;
  feed += '</channel></rss>';
  const attachment = Buffer.alloc(15 * 1024 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
  const mail = `From: Desk <desk@wire.example>\r\nSubject: Big mail\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nThe text about Pyongyang.\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=video.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n${attachment}\r\n--b--\r\n`;
  await page.setInputFiles('#file-input', [
    real(path.join(BAD, 'cut.docx')),
    real(path.join(BAD, 'bomb.docx')),
    real(path.join(BAD, 'photos.docx')),
    real(path.join(BAD, 'scan.pdf')),
    real(path.join(BAD, 'locked.pdf')),
    real(path.join(BAD, 'damaged.pdf')),
    { name: 'flood.xml', mimeType: 'application/rss+xml', buffer: Buffer.from(feed) },
    { name: 'big.eml', mimeType: 'message/rfc822', buffer: Buffer.from(mail) },
  ]);
  await page.locator('.notes li', { hasText: 'big.eml: opened' }).waitFor({ timeout: 60_000 });
  await page.locator('.notes li', { hasText: 'flood.xml: opened' }).waitFor({ timeout: 60_000 });
  await page.locator('.notes li', { hasText: 'locked.pdf' }).waitFor({ timeout: 30_000 });
  const said = await notes(page);
  assert.match(said, /cut\.docx: not added: this ZIP archive cannot be read: it is damaged or incomplete/);
  assert.match(said, /bomb\.docx: not added: this Word document cannot be read: .*zip bomb/);
  assert.match(said, /photos\.docx: not added: .*not a Word document/);
  assert.match(said, /scan\.pdf: not added: this PDF cannot be read: it has no text layer/);
  assert.match(said, /locked\.pdf: not added: this PDF cannot be read: it is locked with a password/);
  // the PDF reader dies on this one (a panic aborts in wasm): that file fails, the rest go on
  await page.locator('.notes li', { hasText: 'damaged.pdf' }).waitFor({ timeout: 30_000 });
  assert.match(await notes(page), /damaged\.pdf: not added: the PDF reader failed on it .*the file may be damaged/);
  assert.match(said, /flood\.xml: the feed holds 10000 items: the first 1000 were read, the other 9000 were not/);
  assert.match(said, /big\.eml: 1 attachment was not read \(video\.bin\)/);
  // what was kept before is still there, and the readable parts joined it
  await page.locator('.library-toggle .count-badge', { hasText: String(1 + 1000 + 1) }).waitFor({ timeout: 60_000 });
  await page.keyboard.press('Escape');
  await results(page).filter({ hasText: 'Putin and Kim sign a mutual defence treaty' }).first().waitFor();
  // the one error in the console is the PDF reader's own panic report, from its worker
  const others = errors.filter((e) => !/panicked at .*pdf-extract/s.test(e));
  assert.deepEqual(others, []);
  assert.equal(errors.length, 1, errors.join('\n'));
  await ctx.close();
});
