// Trunk post-build hook (release builds): writes a Content-Security-Policy <meta> into the staged
// index.html. Scripts may come only from the site itself, plus trunk's inline module loader,
// allowed by its sha256 hash (its text names the hashed bundle, so the hash changes every build);
// 'wasm-unsafe-eval' lets WebAssembly compile. No inline event handlers, no eval, nothing remote;
// requests only to the site itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const file = join(process.env.TRUNK_STAGING_DIR, 'index.html');
let html = readFileSync(file, 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (inline.length === 0) throw new Error('csp.mjs: no inline loader script found in index.html');
const hashes = inline.map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error('csp.mjs: index.html already has a CSP');
html = html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
if (!html.includes('Content-Security-Policy')) throw new Error('csp.mjs: no <meta charset> to put the CSP after');
writeFileSync(file, html);
