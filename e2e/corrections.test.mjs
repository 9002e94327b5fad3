// Browser tests of the analyst's corrections (issue 15), each in a fresh profile: a suggested
// merge with its direction and counts shown before it is done, then undo and redo; a merge
// from the entity list; a split, a change of type and a deletion from the reader's mentions;
// text selected in the reader marked as a mention at every occurrence in the corpus; the log
// kept across a reload, exported, and imported on a fresh profile, where an entry whose article
// is missing is listed as no longer applying; axe in both themes, and a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { isolatedBrowser, startSite, waitForCount, axeViolations, ARTIFACTS } from './browser.mjs';

const { server, browser } = await startSite(isolatedBrowser);

const TRADE = 'Shipments from Rason\n\nGeneral Ri Chang-ho flew to Moscow with Colonel Pak Yong Il. KVTC, the Korea Vostok Trading Company, shipped artillery shells. Pak Yong-il stayed in Moscow. The Korea Vostok Trading Company denied it.\n';
const PORT = 'Port calls\n\nThe Korea Vostok Trading Company loaded shells at Rason. KVTC said nothing, and Pak Yong-il was seen at the port.\n';
const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
const params = (page) => new URL(page.url()).searchParams;

async function withArticles(ctx, files, query = '') {
  const page = await ctx.newPage();
  await page.goto(server.url + query);
  await page.waitForSelector('.result-list li', { state: 'attached' });
  await page.locator('.library-toggle').click();
  await page.locator('.dialog').waitFor();
  await page.setInputFiles('#file-input', files);
  await waitForCount(page.locator('.notes li'), files.length, 20_000);
  await page.keyboard.press('Escape');
  await waitForCount(page.locator('.result-list .article-item'), 5 + files.length, 20_000);
  return page;
}

const entityNames = (page, type) => page.locator(`.entity-group.${type} .entity-name`).allTextContents();
const corrections = async (page) => {
  await page.evaluate(() => { history.pushState(null, '', '?pane=corrections'); dispatchEvent(new PopStateEvent('popstate')); });
  await page.locator('.fix-summary').waitFor();
};

test('a suggested merge shows its direction, merges, undoes and redoes, and is kept across a reload', async () => {
  const { ctx, errors } = await browser.context();
  const page = await withArticles(ctx, [file('trade.txt', TRADE), file('port.txt', PORT)]);
  assert.ok((await entityNames(page, 't-org')).includes('KVTC'));
  await corrections(page);
  const suggestion = page.locator('.fix-suggestion', { hasText: 'KVTC' });
  await suggestion.waitFor();
  assert.match(await suggestion.textContent(), /Korea Vostok Trading Company.*an acronym and its full name/);
  await suggestion.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.locator('.fix-dialog');
  await dialog.waitFor();
  // the most named is kept unless another is chosen; the preview says what it becomes
  await dialog.locator('.fix-choice', { hasText: '“KVTC”' }).locator('input').check();
  assert.match(await dialog.locator('.fix-preview').textContent(), /One entity named “KVTC”, with 5 mentions\./);
  await dialog.locator('.fix-choice', { hasText: '“Korea Vostok Trading Company”' }).locator('input').check();
  assert.match(await dialog.locator('.fix-preview').textContent(), /One entity named “Korea Vostok Trading Company”, with 5 mentions\./);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(page), [], `the merge dialog in the ${scheme} theme`);
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'corrections-merge-dialog.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  const notice = page.locator('.fix-notice');
  await notice.locator('text=Merged “KVTC” into “Korea Vostok Trading Company” (everywhere)').waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('.entity-group.t-org .entity-name')].some((e) => e.textContent === 'KVTC'));
  const merged = page.locator('.entity-group.t-org .entity', { hasText: 'Korea Vostok Trading Company' });
  assert.match(await merged.textContent(), /5 mentions|2 articles/);
  assert.match(await page.locator('.fix-log .fix-entry').first().textContent(), /Merged “KVTC”.*Changed 2 mentions\./);
  // undo brings KVTC back; redo merges again
  await notice.getByRole('button', { name: 'Undo' }).click();
  await page.locator('.entity-group.t-org .entity-name', { hasText: /^KVTC$/ }).waitFor();
  await page.locator('.fix-undone li', { hasText: 'Merged “KVTC”' }).waitFor();
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll('.entity-group.t-org .entity-name')].some((e) => e.textContent === 'KVTC'));
  // kept: a reload replays it over the articles read again
  await page.reload();
  await page.waitForSelector('.result-list li', { state: 'attached' });
  await waitForCount(page.locator('.result-list .article-item'), 7, 20_000);
  await page.locator('.fix-log .fix-entry', { hasText: 'Merged “KVTC”' }).waitFor();
  assert.ok(!(await entityNames(page, 't-org')).includes('KVTC'));
  // a link naming the old entity still finds the merged one
  await page.goto(`${server.url}?e=ORG:KVTC`);
  await page.waitForSelector('.result-list li', { state: 'attached' });
  await waitForCount(page.locator('.result-list .article-item'), 2, 20_000);
  // and so does one naming it by the stable key it had before the merge
  await page.goto(`${server.url}?e=${encodeURIComponent('n:ORG:kvtc')}`);
  await page.waitForSelector('.result-list li', { state: 'attached' });
  await waitForCount(page.locator('.result-list .article-item'), 2, 20_000);
  assert.equal(await page.locator('.notices').count(), 0, 'the old key is not reported as unknown');
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('from the entity list: merge, with the counts and the name kept said first', async () => {
  const { ctx, errors } = await browser.context();
  const page = await withArticles(ctx, [file('trade.txt', TRADE)]);
  await page.locator('#entity-filter').fill('KVTC');
  await page.getByRole('button', { name: 'Correct KVTC' }).click();
  const dialog = page.locator('.fix-dialog');
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.closest('.fix-dialog') !== null), true, 'the dialog takes the focus');
  await dialog.locator('#fix-merge').fill('Korea Vostok Trading Company');
  const preview = dialog.locator('.fix-preview');
  await preview.locator('text=will join').waitFor();
  assert.equal(await preview.textContent(), '“KVTC” (1 mention in 1 article) will join “Korea Vostok Trading Company” (2 mentions in 1 article); the name “Korea Vostok Trading Company” is kept.');
  // keep this one's name instead: the direction turns round
  await dialog.locator('.fix-choice', { hasText: '“KVTC”' }).locator('input').check();
  assert.match(await preview.textContent(), /^“Korea Vostok Trading Company” \(2 mentions in 1 article\) will join “KVTC”/);
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.locator('.entity-group.t-org .entity', { hasText: 'KVTC' }).locator('text=3').first().waitFor();
  assert.ok(!(await entityNames(page, 't-org')).includes('Korea Vostok Trading Company'));
  // Escape closes the dialog without a change
  await page.getByRole('button', { name: 'Correct KVTC' }).click();
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('from the reader: split a mention off, change a type, and say a mention is not an entity', async () => {
  const { ctx, errors } = await browser.context();
  const page = await withArticles(ctx, [file('trade.txt', TRADE)]);
  await page.locator('.result-list .article-item', { hasText: 'Shipments from Rason' }).locator('a').click();
  const body = page.locator('.reader-body');
  await body.waitFor();
  const dialog = page.locator('.fix-dialog');
  // split: right-click the mention, which is chosen already
  await body.locator('.mention', { hasText: 'Pak Yong Il' }).click({ button: 'right' });
  await dialog.waitFor();
  assert.match(await dialog.locator('h2').textContent(), /Correct “Pak Yong/);
  const split = dialog.locator('.fix-split');
  assert.equal(await split.locator('input[type=checkbox]:checked').count(), 1);
  await split.locator('#fix-split-name').fill('Pak Yong Il (the colonel)');
  await split.getByRole('button', { name: 'Split 1 mention off' }).click();
  await page.locator('.entity-group.t-person .entity-name', { hasText: 'Pak Yong Il (the colonel)' }).waitFor();
  // change the type of Moscow everywhere, by keyboard: focus the mention, press C
  await body.locator('.mention', { hasText: 'Moscow' }).first().focus();
  await page.keyboard.press('c');
  await dialog.waitFor();
  await dialog.locator('.fix-choice', { hasText: 'every mention of it, in every article' }).locator('input').check();
  await dialog.locator('#fix-type').selectOption('ORG');
  await dialog.getByRole('button', { name: 'Change the type' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.reader-body .mention')].filter((m) => m.textContent.includes('Moscow')).every((m) => m.classList.contains('t-org')));
  assert.ok((await entityNames(page, 't-org')).includes('Moscow'));
  // not an entity: this one mention of Ri Chang-ho
  const before = await body.locator('.mention', { hasText: 'Ri Chang-ho' }).count();
  await body.locator('.mention', { hasText: 'Ri Chang-ho' }).first().click({ button: 'right' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Not an entity' }).click();
  await waitForCount(body.locator('.mention', { hasText: 'Ri Chang-ho' }), before - 1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'corrections-reader.png') });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('text selected in the reader is marked at every occurrence in the corpus', async () => {
  const { ctx, errors } = await browser.context();
  const page = await withArticles(ctx, [file('trade.txt', TRADE), file('port.txt', PORT)]);
  await page.locator('.result-list .article-item', { hasText: 'Port calls' }).locator('a').click();
  const body = page.locator('.reader-body');
  await body.waitFor();
  // select the word "shells" as a reader would, with the mouse
  const word = await body.evaluate((b) => {
    const walker = document.createTreeWalker(b, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf('shells');
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 'shells'.length);
        const box = r.getBoundingClientRect();
        return { x0: box.left + 1, x1: box.right - 1, y: box.top + box.height / 2 };
      }
    }
    return null;
  });
  assert.ok(word, 'the word is in the article');
  await page.mouse.move(word.x0, word.y);
  await page.mouse.down();
  await page.mouse.move(word.x1, word.y, { steps: 4 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Mark as entity…' }).click();
  const dialog = page.locator('.fix-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Mark “shells” as an entity');
  await dialog.locator('#fix-add-type').selectOption('WEAPON');
  await dialog.locator('#fix-add-name').fill('artillery shells');
  const everywhere = dialog.locator('.fix-choice', { hasText: 'every occurrence in the corpus' });
  // both added articles say "shells", and so do bundled ones
  const n = Number((await everywhere.textContent()).match(/\((\d+)\)/)[1]);
  assert.ok(n >= 2, `${n} occurrences`);
  assert.match(await dialog.locator('.fix-choice', { hasText: 'every occurrence in this article' }).textContent(), /\(1\)/);
  await everywhere.locator('input').check();
  await dialog.getByRole('button', { name: 'Mark', exact: true }).click();
  await body.locator('.mention.t-weapon', { hasText: 'shells' }).waitFor();
  const weapon = page.locator('.entity-group.t-weapon .entity', { hasText: 'artillery shells' });
  await weapon.waitFor();
  // the other article has it marked too
  await page.locator('.result-list .article-item', { hasText: 'Shipments from Rason' }).locator('a').click();
  await page.locator('.reader-article[data-doc="trade"] .mention.t-weapon', { hasText: 'shells' }).waitFor();
  assert.deepEqual(errors, []);
  await ctx.close();
});

test('the log is exported, then imported on a fresh profile; what no longer anchors is listed', async () => {
  const first = await browser.context();
  const page = await withArticles(first.ctx, [file('trade.txt', TRADE), file('port.txt', PORT)]);
  await page.getByRole('button', { name: 'Correct KVTC' }).click();
  const dialog = page.locator('.fix-dialog');
  await dialog.locator('#fix-merge').fill('Korea Vostok Trading Company');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await page.locator('.result-list .article-item', { hasText: 'Port calls' }).locator('a').click();
  await page.locator('.reader-body .mention', { hasText: 'Rason' }).first().click({ button: 'right' });
  await dialog.getByRole('button', { name: 'Not an entity' }).click();
  await page.locator('.fix-notice', { hasText: 'Not an entity: “Rason”' }).waitFor();
  await corrections(page);
  await waitForCount(page.locator('.fix-log .fix-entry'), 2);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the log' }).click()]);
  const saved = path.join(ARTIFACTS, 'corrections-export.json');
  await download.saveAs(saved);
  const log = JSON.parse(fs.readFileSync(saved, 'utf8'));
  assert.equal(log.format, 'dossier-corrections');
  assert.equal(log.entries.length, 2);
  // the annotation export carries the log beside the documents
  const [json] = await Promise.all([page.waitForEvent('download'), (async () => {
    await page.locator('.results summary', { hasText: 'Export these articles' }).click();
    await page.getByRole('button', { name: /^JSON/ }).click();
  })()]);
  const annotated = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  assert.equal(annotated.corrections.length, 2);
  assert.ok(annotated.documents.some((d) => d.mentions.some((m) => m.entity === 'Korea Vostok Trading Company' && m.text === 'KVTC')));
  await first.ctx.close();
  // a fresh profile with only one of the two articles
  const second = await browser.context();
  const fresh = await withArticles(second.ctx, [file('trade.txt', TRADE)]);
  await corrections(fresh);
  assert.match(await fresh.locator('.fix-summary').textContent(), /^0 corrections/);
  await fresh.setInputFiles('#fix-import', saved);
  await fresh.locator('.fix-message', { hasText: '2 corrections added' }).waitFor();
  await fresh.locator('.fix-log .fix-entry', { hasText: 'Changed 1 mention' }).waitFor();
  const orphan = fresh.locator('.fix-log .fix-entry.orphan');
  await orphan.waitFor();
  assert.match(await orphan.textContent(), /Not an entity: “Rason”.*No longer applies: the article port\.txt is not in the corpus\./s);
  assert.match(await fresh.locator('.fix-summary').textContent(), /1 correction no longer applies/);
  assert.ok(!(await entityNames(fresh, 't-org')).includes('KVTC'));
  // a file that is not a log says so, and changes nothing
  await fresh.setInputFiles('#fix-import', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await fresh.locator('.fix-message', { hasText: 'notes.json: this JSON file is not a Dossier corrections log.' }).waitFor();
  await fresh.setInputFiles('#fix-import', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "dossier-corr') });
  await fresh.locator('.fix-message', { hasText: 'broken.json: this is not a JSON file' }).waitFor();
  for (const scheme of ['light', 'dark']) {
    await fresh.emulateMedia({ colorScheme: scheme });
    assert.deepEqual(await axeViolations(fresh), [], `the corrections pane in the ${scheme} theme`);
    await fresh.screenshot({ path: path.join(ARTIFACTS, `corrections-pane-${scheme}.png`), fullPage: true });
  }
  assert.deepEqual(second.errors, []);
  await second.ctx.close();
  // on a phone
  const third = await browser.context({ viewport: { width: 375, height: 740 } });
  const phone = await third.ctx.newPage();
  await phone.goto(`${server.url}?pane=corrections`);
  await phone.locator('.fix-summary').waitFor();
  await phone.setInputFiles('#fix-import', saved);
  await phone.locator('.fix-log .fix-entry').first().waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling (${width}px)`);
  assert.deepEqual(await axeViolations(phone), [], 'the corrections pane on a phone');
  await phone.screenshot({ path: path.join(ARTIFACTS, 'corrections-phone.png'), fullPage: true });
  await third.ctx.close();
});
