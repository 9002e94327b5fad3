// Browser tests of the reader's own articles on the built site: adding them (paste, picker,
// drag and drop), a long import's progress and cancel, keeping them in IndexedDB across reloads,
// deleting with undo, every kind of bad input, storage that is unavailable or full, the three
// exports, and the security of it all (text stays text, the CSP holds, nothing leaves the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedBrowser, startSite, waitForCount } from './browser.mjs';

const { server, browser } = await startSite(isolatedBrowser);

const ARTICLE = (place, day) => `Talks in ${place}\n\nOfficials from North Korea and Russia met in ${place} on ${day} to discuss the Hwasong-19 missile, Kim Jong Un's envoy told KCNA.\n`;
const results = (page) => page.locator('.result-list .article-item');

async function openApp(ctx, query = '') {
  const page = await ctx.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector('.result-list li', { state: 'attached' });
  return page;
}

async function openLibrary(page) {
  await page.locator('.library-toggle').click();
  await page.locator('.dialog').waitFor();
}

function file(name, text) {
  return { name, mimeType: 'text/plain', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) };
}

async function notes(page) {
  return (await page.locator('.notes li').allTextContents()).join('\n');
}

async function waitForNotes(page, n) {
  await waitForCount(page.locator('.notes li'), n, 20_000);
}

test('paste an article with a title and source: it joins the corpus, marked as yours, and survives a reload', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await waitForCount(results(page), 5);
  await openLibrary(page);
  await page.locator('#paste-text').fill('Kim Jong Un met Vladimir Putin in Vladivostok on Friday to discuss the Hwasong-19 missile.');
  await page.locator('#paste-title').fill('Kim in Vladivostok');
  await page.locator('#paste-source').fill('My field notes');
  await page.getByRole('button', { name: 'Add this article' }).click();
  await waitForNotes(page, 1);
  assert.match(await notes(page), /Kim in Vladivostok\.txt: added/);
  await page.keyboard.press('Escape');
  await page.locator('.dialog').waitFor({ state: 'hidden' });
  await waitForCount(results(page), 6);
  const mine = results(page).filter({ hasText: 'Kim in Vladivostok' });
  assert.match(await mine.textContent(), /My field notes.*added by you/);
  // it is linked with the bundled articles: Vladivostok is now named in two
  await page.locator('.facet-item', { hasText: 'My field notes' }).click();
  await waitForCount(results(page), 1);
  await mine.locator('a').click();
  await page.locator('.reader-body .mention', { hasText: 'Vladivostok' }).hover();
  await page.locator('#mention-tip', { hasText: 'Named in 2 articles' }).waitFor();
  await page.reload();
  await page.waitForSelector('.result-list li');
  await page.locator('.result-list .article-item', { hasText: 'Kim in Vladivostok' }).waitFor();
  assert.match(await page.locator('.library-toggle').textContent(), /^Add articles, 1 of yours$/);
  // restoring what was kept is not an import: no stale progress bar, no notes
  await page.locator('.library-toggle').click();
  await page.locator('.dialog').waitFor();
  assert.equal(await page.locator('.dialog .progress').count(), 0);
  assert.equal(await page.locator('.dialog .notes li').count(), 0);
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the file picker adds many files at once; an HTML page is read as its article', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  const html = `<!doctype html><html><head><title>Drills near Taiwan | Strait Times</title><meta name="author" content="Lin Mei"><script>window.__pwned = 1</script></head>
<body><nav>Home | Asia | World</nav><article><h1>China holds drills near Taiwan</h1><p>China&rsquo;s People&#x27;s Liberation Army held drills around Taiwan on Monday, the Eastern Theater Command said, days after Lai Ching-te took office in Taipei.</p></article><footer>&copy; 2024 Strait Times</footer></body></html>`;
  await page.setInputFiles('#file-input', [
    file('seoul.txt', ARTICLE('Seoul', 'Monday')),
    file('tokyo.md', ARTICLE('Tokyo', 'Tuesday')),
    file('taiwan.html', html),
  ]);
  await waitForNotes(page, 3);
  assert.equal((await notes(page)).match(/: added/g).length, 3, await notes(page));
  await page.keyboard.press('Escape');
  await waitForCount(results(page), 8);
  await results(page).filter({ hasText: 'China holds drills near Taiwan' }).locator('a').click();
  const body = await page.locator('.reader-body').textContent();
  assert.match(body, /People's Liberation Army held drills/);
  assert.ok(!body.includes('__pwned') && !body.includes('Home | Asia'), body);
  assert.match(await page.locator('.reader-meta').textContent(), /Lin Mei/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('HTML pasted from a web page is kept as HTML, so its menu and footer are cleaned out', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  // what a browser puts on the clipboard when part of a page is copied (our own fixture)
  const html = `<meta charset="utf-8"><nav><a href="/">Home</a> | <a href="/asia">Asia</a> | <a href="/world">World</a></nav>
<article><h1>Envoys meet in Khabarovsk</h1><p>Envoys of North Korea and Russia met in Khabarovsk on Monday, officials in Seoul said, a week after Sergei Shoigu visited Pyongyang.</p></article>
<footer>© 2024 Example Times. All rights reserved.</footer>`;
  const plain = 'Home | Asia | World\nEnvoys meet in Khabarovsk\nEnvoys of North Korea and Russia met in Khabarovsk on Monday, officials in Seoul said, a week after Sergei Shoigu visited Pyongyang.\n© 2024 Example Times. All rights reserved.';
  await page.locator('#paste-text').focus();
  await page.evaluate(([h, p]) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', p);
    document.querySelector('#paste-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, [html, plain]);
  // the box shows the text that was copied
  await page.waitForFunction(() => document.querySelector('#paste-text').value.includes('Khabarovsk on Monday'));
  await page.getByRole('button', { name: 'Add this article' }).click();
  await waitForNotes(page, 1);
  assert.match(await notes(page), /pasted article\.html: added/);
  await page.keyboard.press('Escape');
  await results(page).filter({ hasText: 'Envoys meet in Khabarovsk' }).locator('a').click();
  const body = await page.locator('.reader-body').textContent();
  assert.match(body, /met in Khabarovsk on Monday/);
  assert.ok(!body.includes('Home | Asia') && !body.includes('All rights reserved'), body);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('a Markdown clipping: its front matter names the article and never shows, links read as text', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  // a clipping as web clippers write one (our own fixture)
  const md = `---
title: "Envoys meet in Vladivostok"
url: https://news.example.com/world/envoys-vladivostok
crawled_at: 2024-09-02T08:00:00Z
author:
  - "[[Park Ji-won]]"
published: 2024-09-01
---

Crawled at: 2024-09-02 08:00

# Envoys meet in Vladivostok

Envoys of [North Korea](https://example.com/nk) and Russia met in Vladivostok on Sunday, a day after **Sergei Shoigu** left Pyongyang.

![The envoys at the port](https://example.com/port.jpg)
`;
  await page.setInputFiles('#file-input', [file('envoys.md', md)]);
  await waitForNotes(page, 1);
  assert.match(await notes(page), /envoys\.md: added/);
  await page.keyboard.press('Escape');
  await results(page).filter({ hasText: 'Envoys meet in Vladivostok' }).locator('a').click();
  const body = await page.locator('.reader-body').textContent();
  assert.match(body, /Envoys of North Korea and Russia met in Vladivostok on Sunday/);
  for (const gone of ['---', 'crawled_at', 'https://', '](', '**', 'Crawled at']) assert.ok(!body.includes(gone), `${gone} in ${body}`);
  assert.match(await page.locator('.reader-meta').textContent(), /Park Ji-won/);
  // the names in it are entities, highlighted
  assert.ok(await page.locator('.reader-body .mention', { hasText: 'Sergei Shoigu' }).count() > 0);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('drag and drop of many files onto the page adds them', async () => {
  const { ctx } = await browser.context();
  const page = await openApp(ctx);
  await waitForCount(results(page), 5);
  // a drop anywhere on the page opens the panel and adds the files
  await page.evaluate((texts) => {
    const dt = new DataTransfer();
    texts.forEach(([name, text]) => dt.items.add(new File([text], name, { type: 'text/plain' })));
    document.querySelector('.results').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, Array.from({ length: 12 }, (_, i) => [`dropped-${i}.txt`, `Report ${i} from Busan\n\nOfficials in Busan said on Friday that report ${i} describes new drills by the navy near the port.`]));
  await page.locator('.dialog').waitFor();
  await waitForNotes(page, 12);
  await page.keyboard.press('Escape');
  await waitForCount(results(page), 17);
  await ctx.close();
});

test('a long import shows a progress bar with counts, and cancel stops it keeping what is done', async () => {
  const { ctx } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  const files = Array.from({ length: 3000 }, (_, i) => file(`bulk-${String(i).padStart(4, '0')}.txt`,
    `Bulletin ${i}\n\n${'Officials in Pyongyang and Moscow discussed the Hwasong-19 missile and the treaty signed in June 2024. '.repeat(80)}`));
  await page.setInputFiles('#file-input', files);
  const bar = page.getByRole('progressbar', { name: 'Adding articles' });
  await bar.waitFor();
  assert.equal(await bar.getAttribute('aria-valuemax'), '3000');
  await page.locator('.progress-text', { hasText: /of 3000 read/ }).waitFor();
  // let some finish, then cancel. The workers read a few hundred files a second and a round
  // trip to the test can take longer than the rest of the import, so this runs in the page:
  // the Cancel button is focused after 20 answers and still holds the focus 20 answers later
  // (it is drawn once per import, not redrawn with each answer), and is then pressed.
  const kept20 = await page.evaluate(() => new Promise((resolve) => {
    const done = () => Number(document.querySelector('.progress-bar')?.getAttribute('aria-valuenow'));
    const cancel = () => [...document.querySelectorAll('.progress-text button')].find((b) => b.textContent === 'Cancel');
    let focusedAt = 0;
    // a step that throws would end the loop and leave the promise to be collected (Playwright
    // then says only that): every way out resolves, saying what happened
    const tick = () => {
      try {
        const n = done();
        if (!cancel()) {
          resolve(`no Cancel button (the import ended at ${n} before it could be pressed)`);
          return;
        }
        if (!focusedAt && n >= 20) {
          cancel().focus();
          focusedAt = n;
        }
        if (focusedAt && n >= focusedAt + 20) {
          const kept = document.activeElement === cancel();
          document.activeElement.click();
          resolve(kept ? 'kept' : `the focus moved to ${document.activeElement?.outerHTML.slice(0, 80)}`);
          return;
        }
      } catch (e) {
        resolve(`failed: ${e}`);
        return;
      }
      setTimeout(tick, 0);
    };
    tick();
  }));
  assert.equal(kept20, 'kept', 'the Cancel button kept the focus while the workers answered');
  await page.locator('.notes', { hasText: /Cancelled: \d+ file\(s\) were not added/ }).waitFor();
  const kept = Number((await page.locator('.kept-list h3').textContent()).match(/\((\d+)\)/)[1]);
  assert.ok(kept >= 20 && kept < 3000, `kept ${kept}`);
  await page.keyboard.press('Escape');
  await page.locator('.result-count', { hasText: `${5 + kept} articles` }).waitFor();
  await ctx.close();
});

test('delete one or all of your articles, with an undo; the deletion is kept after a reload', async () => {
  const { ctx } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  await page.setInputFiles('#file-input', [file('a.txt', ARTICLE('Seoul', 'Monday')), file('b.txt', ARTICLE('Tokyo', 'Tuesday')), file('c.txt', ARTICLE('Beijing', 'Friday'))]);
  await waitForCount(page.locator('.kept'), 3, 20_000);
  await page.getByRole('button', { name: 'Delete “Talks in Tokyo”' }).click();
  await waitForCount(page.locator('.kept'), 2);
  await page.locator('.undo', { hasText: 'Deleted 1 article.' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForCount(page.locator('.kept'), 3);
  await page.getByRole('button', { name: 'Delete all of them' }).click();
  await waitForCount(page.locator('.kept'), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitForCount(page.locator('.kept'), 3);
  await page.getByRole('button', { name: 'Delete “Talks in Seoul”' }).click();
  await waitForCount(page.locator('.kept'), 2);
  await page.reload();
  await page.waitForSelector('.result-list li');
  await page.locator('.library-toggle .count-badge', { hasText: '2' }).waitFor();
  await waitForCount(results(page), 7);
  assert.equal(await results(page).filter({ hasText: 'Talks in Seoul' }).count(), 0);
  await ctx.close();
});

test('bad input: each file gets a message naming it and why; the others are added; nothing kept is lost', async () => {
  const { ctx, errors } = await browser.context();
  const page = await openApp(ctx);
  await openLibrary(page);
  await page.setInputFiles('#file-input', [file('kept-before.txt', ARTICLE('Hanoi', 'Monday'))]);
  await waitForCount(page.locator('.kept'), 1, 20_000);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
  const eucKr = Buffer.from('c6f2bee7b0fa20b8f0bdbac5a9b9d920c6f2bee7b0fa20b8f0bdbac5a9b9d9', 'hex');
  const hostile = 'Hostile page\n\nThis article holds <script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> and a <a href="javascript:window.__pwned = 3">link</a> in Seoul.';
  await page.setInputFiles('#file-input', [
    file('empty.txt', ''),
    file('photo.txt', png),
    file('huge.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 'a')),
    file('korean.txt', eucKr),
    file('hostile.txt', hostile),
    file('fine.txt', ARTICLE('Manila', 'Tuesday')),
    file('picture.png', png),
  ]);
  await waitForNotes(page, 7);
  const text = await notes(page);
  assert.match(text, /empty\.txt: not added: the file is empty/);
  assert.match(text, /photo\.txt: not added: this is not a text file: it looks like a PNG image/);
  assert.match(text, /huge\.txt: not added: the file is too large \(10\.0 MB; the limit is 10 MB\)/);
  assert.match(text, /korean\.txt: not added: the text is in an encoding Dossier cannot read/);
  assert.match(text, /hostile\.txt: added; it holds script or HTML code: it is shown as plain text and nothing in it runs/);
  assert.match(text, /fine\.txt: added/);
  assert.match(text, /picture\.png: not added: Dossier reads text \(\.txt\), web pages \(\.html, \.htm\), Markdown \(\.md\), feeds \(\.xml, \.rss, \.atom\), Word \(\.docx\), mail \(\.eml\) and PDF files/);
  // the limit is said where files are chosen
  assert.match(await page.locator('.dropzone').textContent(), /up to 10 MB each/);
  await waitForCount(page.locator('.kept'), 3);
  await page.keyboard.press('Escape');
  await results(page).filter({ hasText: 'Hostile page' }).locator('a').click();
  const body = page.locator('.reader-body');
  assert.match(await body.textContent(), /<script>window.__pwned = 1<\/script>/);
  assert.equal(await body.locator('script, img, a').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await page.reload();
  await page.locator('.library-toggle .count-badge', { hasText: '3' }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('storage unavailable (a private window) or full: a clear message, and the session works in memory', async () => {
  const { ctx } = await browser.context();
  await ctx.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  const page = await openApp(ctx);
  await openLibrary(page);
  await page.locator('.storage-warning', { hasText: 'does not let Dossier keep articles' }).waitFor();
  await page.setInputFiles('#file-input', [file('memory.txt', ARTICLE('Kyiv', 'Monday'))]);
  await waitForNotes(page, 1);
  await page.keyboard.press('Escape');
  await waitForCount(results(page), 6);
  await ctx.close();

  const full = await browser.context();
  await full.ctx.addInitScript(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('Quota exceeded', 'QuotaExceededError'); };
  });
  const page2 = await openApp(full.ctx);
  await openLibrary(page2);
  await page2.setInputFiles('#file-input', [file('big-day.txt', ARTICLE('Odesa', 'Friday'))]);
  await page2.locator('.storage-warning', { hasText: 'storage for Dossier is full' }).waitFor();
  await page2.keyboard.press('Escape');
  await waitForCount(results(page2), 6);
  await full.ctx.close();
});

async function downloadText(page, button) {
  // the exports sit in one menu above the list
  const menu = page.locator('details.export');
  if (!(await menu.evaluate((el) => el.open))) await menu.locator('summary').click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

test('exports of the filtered corpus: guidelines JSON, entity CSV and annotation JSONL, named with the date', async () => {
  const { ctx } = await browser.context();
  const page = await openApp(ctx, '?t=WEAPON');
  await waitForCount(results(page), 2);
  const date = new Date().toISOString().slice(0, 10);
  const json = await downloadText(page, 'JSON');
  assert.equal(json.name, `dossier-${date}.json`);
  const docs = JSON.parse(json.text);
  assert.equal(docs.length, 2, 'only the articles the filter shows');
  for (const d of docs) {
    for (const k of ['doc', 'title', 'published', 'author', 'body', 'mentions']) assert.ok(k in d, k);
    const raw = fs.readFileSync(path.resolve('seeds', d.doc));
    for (const m of d.mentions) assert.equal(raw.subarray(m.start, m.end).toString('utf8'), m.text);
  }
  const csv = await downloadText(page, 'Entities CSV');
  assert.equal(csv.name, `dossier-entities-${date}.csv`);
  const rows = csv.text.trim().split('\n');
  assert.equal(rows[0], 'entity,type,aliases,mentions,articles');
  assert.ok(rows.some((r) => /^Kinzhal,WEAPON,[^,]*,1,1$/.test(r)), rows.slice(0, 8).join('\n'));
  assert.ok(rows.some((r) => r.startsWith('Kim Jong Un,PERSON,') && r.endsWith(',2')), 'counted in the filtered articles');
  const jsonl = await downloadText(page, 'Annotations JSONL');
  assert.equal(jsonl.name, `dossier-annotations-${date}.jsonl`);
  const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  for (const l of lines) {
    const chars = [...l.text];
    for (const [s, e, type] of l.label) {
      assert.ok(['PERSON', 'ORG', 'PLACE', 'WEAPON', 'EVENT', 'DATE'].includes(type));
      const span = chars.slice(s, e).join('');
      assert.ok(span.length > 0 && span.trim() === span, `${span} ${type}`);
    }
    assert.ok(l.label.some(([s, e, t]) => t === 'WEAPON'));
  }
  // character offsets, not bytes: a label after a curly apostrophe still points at its name
  const korea = lines.flatMap((l) => l.label.map(([s, e]) => [...l.text].slice(s, e).join(''))).filter((s) => s === 'North Korea');
  assert.ok(korea.length > 2);
  await ctx.close();
});

test('security: a CSP forbids inline handlers, eval and remote scripts; a hostile file runs nothing and sends nothing', async () => {
  const { ctx, requests, errors } = await browser.context();
  const page = await openApp(ctx);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'/);
  assert.ok(!/unsafe-inline|unsafe-eval'/.test(csp.replace("'wasm-unsafe-eval'", '')), csp);
  assert.match(csp, /connect-src 'self'/);
  // the policy is in force: an injected inline script, code in a string and an inline handler
  // do nothing, and the browser reports each as a violation (Playwright's own evaluate is
  // exempt, so the page is made to run them itself)
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__pwned = 7';
    document.body.appendChild(s);
    setTimeout('window.__pwned = 8', 0);
    const img = document.createElement('img');
    img.setAttribute('onerror', 'window.__pwned = 9');
    img.src = 'data:,x';
    document.body.appendChild(img);
  });
  await page.waitForFunction(() => window.__violations.length >= 3);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const violated = await page.evaluate(() => window.__violations);
  assert.ok(violated.every((d) => d.startsWith('script-src')), violated.join(', '));
  // a hostile file, added and read
  await openLibrary(page);
  await page.setInputFiles('#file-input', [file('hostile.html', '<html><body><h1>Hostile</h1><p>Text <img src="https://evil.example/x.png" onerror="window.__pwned=1"><script src="https://evil.example/x.js"></script><a href="javascript:window.__pwned=2">click</a> about Pyongyang.</p><iframe src="https://evil.example/"></iframe></body></html>')]);
  await waitForNotes(page, 1);
  await page.keyboard.press('Escape');
  await results(page).filter({ hasText: 'Hostile' }).locator('a').click();
  await page.locator('.reader-body').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  const origin = new URL(server.url).origin;
  const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'no request leaves the page');
  // the only refusals are the three the test provoked
  assert.ok(errors.filter((e) => /Content Security Policy/.test(e)).length <= 3, errors.join('\n'));
  await ctx.close();
});
