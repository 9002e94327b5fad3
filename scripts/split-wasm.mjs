// Trunk post-build hook: cuts the page's wasm into the first-render bundle and chunks that load
// when a view first opens (the `#[lazy]` split points of the `split` feature), since trunk has no
// step of its own for it (trunk-rs/trunk#1022). It does what cargo-leptos does:
//
//   1. wasm-split-cli (crates.io `wasm_split_cli_support`) splits cargo's wasm, linked with
//      --emit-relocs, into the main module, one chunk per split point and the loader
//      `__wasm_split.js`;
//   2. wasm-bindgen makes the main module's JS glue, under trunk's hashed name;
//   3. wasm-opt -Oz (npm binaryen) shrinks the main module and the chunks;
//   4. the chunks and the loader get content-hashed names (so a cache never mixes two builds),
//      and index.html's integrity hashes are written for the new main files.
//
// Runs after trunk has staged its own (unsplit) build of the page, which it replaces.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('split-wasm.mjs: run as a trunk hook (no TRUNK_STAGING_DIR)');
const release = process.env.TRUNK_PROFILE === 'release';
const raw = path.join(root, 'target/wasm32-unknown-unknown', release ? 'release' : 'debug', 'dossier-web.wasm');
const glue = fs.readdirSync(stage).find((f) => /^dossier-web-[0-9a-f]+\.js$/.test(f));
if (!glue) throw new Error(`split-wasm.mjs: no dossier-web-<hash>.js in ${stage}`);
const name = glue.slice(0, -3);
const work = path.join(root, 'target/split');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(path.join(work, 'bindgen'), { recursive: true });

const tool = (bin) => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const p = path.join(dir, bin);
    if (fs.existsSync(p)) return p;
  }
  const local = path.join(root, 'node_modules/.bin', bin);
  if (fs.existsSync(local)) return local;
  throw new Error(`split-wasm.mjs: ${bin} is not installed (scripts/install-tools.sh installs it)`);
};
const run = (bin, args) => execFileSync(tool(bin), args, { stdio: ['ignore', 'inherit', 'inherit'] });

run('wasm-split-cli', [raw, work, '--out-name', name]);
run('wasm-bindgen', ['--target=web', `--out-dir=${path.join(work, 'bindgen')}`, `--out-name=${name}`, '--no-typescript', '--keep-lld-exports', path.join(work, `${name}.wasm`)]);

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const features = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const optimise = (from, to) => {
  if (release) run('wasm-opt', ['-Oz', ...features, from, '-o', to]);
  else fs.copyFileSync(from, to);
};

// the chunks, renamed by content; the loader names them
let loader = fs.readFileSync(path.join(work, '__wasm_split.js'), 'utf8');
const chunks = fs.readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${name}.wasm`);
for (const chunk of chunks) {
  const tmp = path.join(work, `${chunk}.opt`);
  optimise(path.join(work, chunk), tmp);
  const bytes = fs.readFileSync(tmp);
  const hashed = `${chunk.slice(0, -5)}-${hash(bytes)}.wasm`;
  fs.writeFileSync(path.join(stage, hashed), bytes);
  if (!loader.includes(chunk)) throw new Error(`split-wasm.mjs: the loader does not name ${chunk}`);
  loader = loader.split(chunk).join(hashed);
}
// the loader imports the glue; the glue imports the loader, by its hashed name
const loaderName = `__wasm_split-${hash(loader)}.js`;
fs.writeFileSync(path.join(stage, loaderName), loader);
let js = fs.readFileSync(path.join(work, 'bindgen', `${name}.js`), 'utf8');
// (the import statement only: the wasm still names its import module "./__wasm_split.js")
if (!js.includes('from "./__wasm_split.js"')) throw new Error('split-wasm.mjs: the glue does not import the loader');
js = js.split('from "./__wasm_split.js"').join(`from "./${loaderName}"`);
fs.writeFileSync(path.join(stage, glue), js);
optimise(path.join(work, 'bindgen', `${name}_bg.wasm`), path.join(stage, `${name}_bg.wasm`));

// index.html: the integrity of the glue and the main module, which changed
const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const sri = (file) => `sha384-${createHash('sha384').update(fs.readFileSync(path.join(stage, file))).digest('base64')}`;
for (const file of [glue, `${name}_bg.wasm`]) {
  const re = new RegExp(`(href="\\./${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (!re.test(html)) throw new Error(`split-wasm.mjs: no integrity for ${file} in index.html`);
  html = html.replace(re, `$1${sri(file)}$2`);
}
fs.writeFileSync(indexPath, html);
const gz = (file) => {
  const b = fs.readFileSync(path.join(stage, file));
  return `${(execFileSync('gzip', ['-9c'], { input: b, maxBuffer: 1 << 28 }).length / 1024).toFixed(1)} KB gzipped`;
};
console.log(`split-wasm: ${name}_bg.wasm ${gz(`${name}_bg.wasm`)}; ${chunks.length} chunks loaded when their view opens`);
