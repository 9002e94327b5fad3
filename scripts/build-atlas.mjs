// Converts Natural Earth's country outlines (the npm package world-atlas 2.0.2: Natural Earth
// 4.1.0 admin-0 countries as TopoJSON; Natural Earth is public domain, world-atlas is ISC) into
// the compact file the map view is to fetch when it opens: target/atlas/world.bin.
//
// The 1:110m set is used for every country it has; the small states it drops (Andorra,
// Singapore, Bahrain, ...) come from the 1:50m set. Points are re-quantised to a 0.02° grid and
// delta-coded as zigzag LEB128 varints; shared borders stay shared arcs, as in TopoJSON. Each
// country is keyed by its ISO 3166-1 alpha-2 code, found from its numeric code through
// crates/extract/data/countries.tsv (or its name where Natural Earth has no code).
//
// Format (all integers LEB128 varints, signed ones zigzagged):
//   "DWA1", steps per 360° of longitude, steps per 180° of latitude,
//   arcs: count, then per arc its point count, the first point (x, y), then (dx, dy) deltas;
//   countries: count, then per country 2 bytes of ISO code ("--" for none), its name (length,
//   UTF-8), its polygons: count, per polygon its rings: count, per ring its arcs: count and
//   the arc references (i forward, -1 - i reversed).
//
//   node scripts/build-atlas.mjs        (scripts/test.sh runs it before the native tests; trunk
//                                        runs it after each build, to put world.bin in the site)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = path.join(root, 'target/atlas/world.bin');
const atlasDir = path.join(root, 'node_modules/world-atlas');
const STEPS_LON = 18000; // 0.02°
const STEPS_LAT = 9000;

// ISO numeric -> alpha-2, and name -> alpha-2, from the gazetteer
const byNumeric = new Map();
const byName = new Map();
for (const line of fs.readFileSync(path.join(root, 'crates/extract/data/countries.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [name, aliases, iso2, , , numeric] = line.split('\t');
  if (numeric) byNumeric.set(numeric.padStart(3, '0'), iso2);
  byName.set(name, iso2);
  for (const a of (aliases ?? '').split('|')) if (a) byName.set(a, iso2);
}

/** A TopoJSON file's arcs as absolute lon/lat points, and its country geometries. */
function read(file) {
  const t = JSON.parse(fs.readFileSync(path.join(atlasDir, file), 'utf8'));
  const [sx, sy] = t.transform.scale;
  const [tx, ty] = t.transform.translate;
  const arcs = t.arcs.map((arc) => {
    let x = 0; let y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  return { arcs, countries: t.objects.countries.geometries };
}

const small = read('countries-110m.json');
const medium = read('countries-50m.json');
const keyOf = (g) => g.id ?? g.properties.name;
const have = new Set(small.countries.map(keyOf));
// arcs: the 110m set's, then those of the 50m countries it lacks
const arcs = [...small.arcs];
const countries = small.countries.map((g) => ({ g, offset: 0 }));
const taken = new Map();
for (const g of medium.countries) {
  if (have.has(keyOf(g))) continue;
  const remap = (i) => {
    const j = i < 0 ? ~i : i;
    if (!taken.has(j)) { taken.set(j, arcs.length); arcs.push(medium.arcs[j]); }
    const k = taken.get(j);
    return i < 0 ? ~k : k;
  };
  const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  countries.push({ g: { ...g, type: 'MultiPolygon', arcs: polys.map((p) => p.map((ring) => ring.map(remap))) }, offset: 0 });
}

const bytes = [];
const varint = (n) => { do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; bytes.push(b); } while (n); };
const zigzag = (n) => varint(n >= 0 ? 2 * n : -2 * n - 1);
const q = ([lon, lat]) => [
  Math.min(STEPS_LON, Math.max(0, Math.round((lon + 180) / 360 * STEPS_LON))),
  Math.min(STEPS_LAT, Math.max(0, Math.round((lat + 90) / 180 * STEPS_LAT))),
];
for (const c of 'DWA1') bytes.push(c.charCodeAt(0));
varint(STEPS_LON);
varint(STEPS_LAT);
varint(arcs.length);
let points = 0;
for (const arc of arcs) {
  // drop repeated points after quantising, keeping both ends (they join arcs)
  const pts = [];
  for (const p of arc.map(q)) {
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  if (pts.length === 1) pts.push(pts[0]);
  varint(pts.length);
  points += pts.length;
  varint(pts[0][0]);
  varint(pts[0][1]);
  for (let i = 1; i < pts.length; i++) { zigzag(pts[i][0] - pts[i - 1][0]); zigzag(pts[i][1] - pts[i - 1][1]); }
}
let unkeyed = [];
varint(countries.length);
for (const { g } of countries) {
  const name = g.properties.name;
  const iso = (g.id && byNumeric.get(g.id)) || byName.get(name) || '--';
  if (iso === '--') unkeyed.push(name);
  bytes.push(iso.charCodeAt(0), iso.charCodeAt(1));
  const utf8 = Buffer.from(name, 'utf8');
  varint(utf8.length);
  for (const b of utf8) bytes.push(b);
  const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  varint(polys.length);
  for (const poly of polys) {
    varint(poly.length);
    for (const ring of poly) {
      varint(ring.length);
      for (const a of ring) zigzag(a);
    }
  }
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, Buffer.from(bytes));
// as trunk's post-build hook, the file also goes into the site (the map fetches ./world.bin)
if (process.env.TRUNK_STAGING_DIR) fs.writeFileSync(path.join(process.env.TRUNK_STAGING_DIR, 'world.bin'), Buffer.from(bytes));
console.log(`atlas: ${countries.length} countries (${countries.length - small.countries.length} from the 1:50m set), ${arcs.length} arcs, ${points} points, ${bytes.length} bytes -> ${path.relative(root, out)}`
  + (unkeyed.length ? `; without an ISO code: ${unkeyed.join(', ')}` : ''));
