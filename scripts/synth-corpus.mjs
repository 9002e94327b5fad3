// Generates a synthetic corpus for the browser benchmark: articles made by recombining the
// sentences of the bundled seeds, with people, places, outlets and dates varied. Every article
// says it is synthetic (in its file name, its title and its last line); none is real news.
// Deterministic: the same count gives the same articles.
//
//   node scripts/synth-corpus.mjs 10000 target/bench/synthetic   (writes .txt files)
//   import { synthesize } from './synth-corpus.mjs'               (returns [{name, text}])
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A small deterministic pseudo-random generator (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE_IN_SEEDS = ['Kim Jong Un', 'Kim Jong-un', 'Vladimir Putin', 'Sergei Shoigu', 'Kim Jong-sik', 'Choe Son Hui',
  'Aleksey Krivoruchko', 'Bruce Bennett', 'David Maxwell', 'Hong Min', 'Sabrina Singh', 'Li Hongzhong', 'Ri Pyong-chol', 'Jang Chang-ha'];
const PEOPLE = ['Kim Sun-ok', 'Ri Chol-ho', 'Pak Yong-nam', 'Choe Myong-su', 'Sergei Volkov', 'Andrei Sokolov', 'Dmitri Orlov',
  'Yuri Belov', 'Anna Petrova', 'Olena Marchenko', 'Taras Bondar', 'Lee Ji-hoon', 'Park Min-jae', 'Jung Hae-won', 'Wang Lei',
  'Zhang Wei', 'Liu Yang', 'Sato Kenji', 'Tanaka Yumi', 'John Harper', 'Emily Carter', 'Michael Reyes', 'Sarah Brooks',
  'Ahmad Karimi', 'Reza Tehrani', 'Kim Song-il', 'Ri Hyon-a', 'Han Dong-su', 'Nikolai Gromov', 'Irina Kuznetsova'];
const PLACES_IN_SEEDS = ['Pyongyang', 'Moscow', 'Vladivostok', 'Kursk', 'Seoul', 'Beijing', 'Tokyo', 'Ukraine', 'Iran', 'Belarus'];
const PLACES = ['Pyongyang', 'Moscow', 'Vladivostok', 'Kursk', 'Seoul', 'Beijing', 'Tokyo', 'Kyiv', 'Kharkiv', 'Belgorod',
  'Khabarovsk', 'Wonsan', 'Chongjin', 'Nampo', 'Busan', 'Incheon', 'Harbin', 'Shenyang', 'Tehran', 'Minsk', 'Odesa',
  'Sochi', 'Novosibirsk', 'Hamhung', 'Sinuiju', 'Dandong', 'Osaka', 'Guam', 'Manila', 'Hanoi'];
const OUTLETS = ['THE SYNTHETIC OBSERVER', 'BENCHMARK DAILY', 'TEST WIRE SERVICE', 'SAMPLE TIMES', 'MOCK HERALD',
  'PLACEHOLDER POST', 'DUMMY TRIBUNE', 'FIXTURE NEWS', 'EXAMPLE GAZETTE', 'SIMULATED JOURNAL', 'TRIAL CHRONICLE', 'DEMO LEDGER'];

/** The body sentences of the seeds (page furniture left out). */
function seedSentences() {
  const dir = path.join(ROOT, 'seeds');
  const out = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', f.replace(/\.txt$/, '.json')), 'utf8'));
    const excluded = new Set(gold.body_excludes.map((l) => l.trim()));
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const l = line.trim();
      if (l.split(/\s+/).length < 12 || excluded.has(l)) continue;
      out.push(...(l.match(/[^.!?]+[.!?]+["”]?/g) ?? []).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 6));
    }
  }
  return out;
}

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function vary(sentence, r) {
  let s = sentence;
  for (const p of PEOPLE_IN_SEEDS) s = s.split(p).join(r() < 0.5 ? p : pick(r, PEOPLE));
  for (const p of PLACES_IN_SEEDS) s = s.split(p).join(r() < 0.6 ? p : pick(r, PLACES));
  return s;
}

/** `count` synthetic articles: [{name, text}]. */
export function synthesize(count, seed = 20241124) {
  const r = rng(seed);
  const sentences = seedSentences();
  const articles = [];
  for (let i = 0; i < count; i++) {
    const outlet = pick(r, OUTLETS);
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 900) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const hh = String(Math.floor(r() * 24)).padStart(2, '0');
    const n = 6 + Math.floor(r() * 10);
    const body = [];
    for (let k = 0; k < n; k++) body.push(vary(pick(r, sentences), r));
    const paras = [];
    for (let k = 0; k < body.length; k += 3) paras.push(body.slice(k, k + 3).join(' '));
    const titleWords = vary(pick(r, sentences), r).replace(/[.!?"”]+$/, '').split(/\s+/).slice(0, 9).join(' ');
    const text = [
      `${outlet} | World | ${iso} ${hh}:00`,
      '',
      `Synthetic article ${i + 1}: ${titleWords}`,
      '',
      `By ${pick(r, PEOPLE)}`,
      '',
      ...paras.flatMap((p) => [p, '']),
      'This is a synthetic article generated for Dossier\'s benchmark, not real news.',
      '',
    ].join('\n');
    articles.push({ name: `synthetic-${String(i + 1).padStart(5, '0')}.txt`, text });
  }
  return articles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10000);
  const dir = path.resolve(process.argv[3] ?? path.join(ROOT, 'target/bench/synthetic'));
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (const a of synthesize(count)) {
    fs.writeFileSync(path.join(dir, a.name), a.text);
    bytes += Buffer.byteLength(a.text);
  }
  console.log(`${count} synthetic articles, ${(bytes / 1048576).toFixed(1)} MB, in ${dir}`);
}
