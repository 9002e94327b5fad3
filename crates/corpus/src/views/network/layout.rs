//! A force-directed layout for the network view: ForceAtlas2 (Jacomy et al., 2014) with
//! Barnes–Hut approximation of the repulsion, written here (the `forceatlas2` crate is AGPL).
//! Nodes repel in proportion to their masses (degree + 1), edges pull in proportion to their
//! weight and length, gravity keeps components together, and each node's speed adapts to how
//! much it swings. The start is drawn from a seeded generator keyed by each node's id, so a
//! given graph and seed always give the same picture, and a node keeps roughly its place when
//! its neighbours change.

/// What the layout needs of one edge: its two ends (indices into the nodes) and its pull.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spring {
    pub a: usize,
    pub b: usize,
    /// Positive; 1 is an ordinary edge.
    pub weight: f64,
}

/// The layout's settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    pub iterations: usize,
    /// Repulsion strength.
    pub scaling: f64,
    pub gravity: f64,
    /// Gravity grows with the distance from the centre ("strong gravity"): sparse, chain-like
    /// graphs stay compact instead of stretching across the drawing.
    pub strong_gravity: bool,
    /// Barnes–Hut opening angle: a cell this small for its distance counts as one body.
    pub theta: f64,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            iterations: 250,
            scaling: 2.0,
            gravity: 0.2,
            strong_gravity: true,
            theta: 1.2,
            seed: 1,
        }
    }
}

/// One step of SplitMix64: a small, well-mixed, seedable generator.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A number in [0, 1) from a key.
fn unit(key: u64) -> f64 {
    (splitmix(key) >> 11) as f64 / (1u64 << 53) as f64
}

/// Lays out nodes (given by stable ids, which seed their starting places) joined by springs;
/// positions come back scaled into the unit square, centred, in the ids' order.
pub fn layout(ids: &[u64], springs: &[Spring], s: &Settings) -> Vec<(f64, f64)> {
    let n = ids.len();
    if n == 0 {
        return Vec::new();
    }
    let spread = (n as f64).sqrt() * 10.0;
    let mut x: Vec<f64> = ids
        .iter()
        .map(|&id| (unit(s.seed ^ id.wrapping_mul(2)) - 0.5) * spread)
        .collect();
    let mut y: Vec<f64> = ids
        .iter()
        .map(|&id| (unit(s.seed ^ id.wrapping_mul(2).wrapping_add(1)) - 0.5) * spread)
        .collect();
    let mut mass = vec![1.0f64; n];
    for e in springs {
        mass[e.a] += 1.0;
        mass[e.b] += 1.0;
    }
    let mut fx = vec![0.0f64; n];
    let mut fy = vec![0.0f64; n];
    let mut old_fx = vec![0.0f64; n];
    let mut old_fy = vec![0.0f64; n];
    let mut speed = 1.0f64;
    let mut efficiency = 1.0f64;
    let mut tree = Tree::default();
    for _ in 0..s.iterations {
        std::mem::swap(&mut fx, &mut old_fx);
        std::mem::swap(&mut fy, &mut old_fy);
        fx.iter_mut().for_each(|v| *v = 0.0);
        fy.iter_mut().for_each(|v| *v = 0.0);
        // repulsion, approximated by the quadtree
        tree.build(&x, &y, &mass);
        for i in 0..n {
            let (rx, ry) = tree.repulsion(i, x[i], y[i], mass[i], s.scaling, s.theta);
            fx[i] += rx;
            fy[i] += ry;
        }
        // gravity towards the centre, stronger for heavy nodes
        for i in 0..n {
            let d = (x[i] * x[i] + y[i] * y[i]).sqrt();
            if d > 0.0 {
                let g = if s.strong_gravity {
                    s.gravity * mass[i]
                } else {
                    s.gravity * mass[i] / d
                };
                fx[i] -= x[i] * g;
                fy[i] -= y[i] * g;
            }
        }
        // attraction along the edges, linear in distance
        for e in springs {
            let (dx, dy) = (x[e.a] - x[e.b], y[e.a] - y[e.b]);
            fx[e.a] -= dx * e.weight;
            fy[e.a] -= dy * e.weight;
            fx[e.b] += dx * e.weight;
            fy[e.b] += dy * e.weight;
        }
        // adaptive speed (as Gephi's implementation): slow down when nodes swing
        let (mut swinging, mut traction) = (0.0f64, 0.0f64);
        for i in 0..n {
            let (sx, sy) = (fx[i] - old_fx[i], fy[i] - old_fy[i]);
            swinging += mass[i] * (sx * sx + sy * sy).sqrt();
            let (tx, ty) = (fx[i] + old_fx[i], fy[i] + old_fy[i]);
            traction += mass[i] * (tx * tx + ty * ty).sqrt() / 2.0;
        }
        let nf = n as f64;
        let estimated = 0.05 * nf.sqrt();
        let mut jitter = estimated
            .sqrt()
            .max(10.0f64.min(estimated * traction / (nf * nf)));
        if traction > 0.0 && swinging / traction > 2.0 {
            if efficiency > 0.05 {
                efficiency *= 0.5;
            }
            jitter = jitter.max(1.0);
        }
        let target = if swinging > 0.0 {
            jitter * efficiency * traction / swinging
        } else {
            speed
        };
        if swinging > jitter * traction {
            if efficiency > 0.05 {
                efficiency *= 0.7;
            }
        } else if speed < 1000.0 {
            efficiency *= 1.3;
        }
        speed += (target - speed).min(0.5 * speed);
        for i in 0..n {
            let (sx, sy) = (fx[i] - old_fx[i], fy[i] - old_fy[i]);
            let swing = mass[i] * (sx * sx + sy * sy).sqrt();
            let factor = speed / (1.0 + (speed * swing).sqrt());
            // no node jumps further than the spread in one step
            let step = (factor * (fx[i] * fx[i] + fy[i] * fy[i]).sqrt()).min(spread);
            let len = (fx[i] * fx[i] + fy[i] * fy[i]).sqrt();
            if len > 0.0 {
                x[i] += fx[i] / len * step;
                y[i] += fy[i] / len * step;
            }
        }
    }
    normalise(&x, &y)
}

/// Turns the layout so its longest extent lies along x (drawings are wider than tall), then
/// scales it into the unit square, keeping the aspect, centred on (0.5, 0.5).
fn normalise(x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
        sxy += (a - mx) * (b - my);
    }
    let angle = 0.5 * (2.0 * sxy).atan2(sxx - syy);
    let (c, s) = (angle.cos(), angle.sin());
    let rx: Vec<f64> = x
        .iter()
        .zip(y)
        .map(|(&a, &b)| (a - mx) * c + (b - my) * s)
        .collect();
    let ry: Vec<f64> = x
        .iter()
        .zip(y)
        .map(|(&a, &b)| -(a - mx) * s + (b - my) * c)
        .collect();
    fit(&rx, &ry)
}

fn fit(x: &[f64], y: &[f64]) -> Vec<(f64, f64)> {
    let bounds = |v: &[f64]| {
        v.iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &p| (a.min(p), b.max(p)))
    };
    let (x0, x1) = bounds(x);
    let (y0, y1) = bounds(y);
    let size = (x1 - x0).max(y1 - y0);
    let scale = if size > 0.0 { 1.0 / size } else { 0.0 };
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    x.iter()
        .zip(y)
        .map(|(&a, &b)| (0.5 + (a - cx) * scale, 0.5 + (b - cy) * scale))
        .collect()
}

/// What a drawn node covers around its centre: to its left, to its right, and above and below
/// (its circle, and its label on one side).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Extent {
    pub left: f64,
    pub right: f64,
    pub half_height: f64,
}

/// Most nodes `spread_out` separates (it compares every pair).
pub const SPREAD_MAX: usize = 300;

/// Moves drawn nodes (positions in the drawing's units) apart where their extents overlap,
/// along the axis that needs the smaller move, keeping them inside `(w, h)`; a few rounds.
pub fn spread_out(p: &mut [(f64, f64)], ext: &[Extent], (w, h): (f64, f64), rounds: usize) {
    let n = p.len();
    if n > SPREAD_MAX {
        return;
    }
    for _ in 0..rounds {
        let mut moved = false;
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (ext[i], ext[j]);
                let (pi, pj) = (p[i], p[j]);
                // overlap of [x - left, x + right] and of [y - hh, y + hh]
                let ox = (pi.0 + a.right).min(pj.0 + b.right) - (pi.0 - a.left).max(pj.0 - b.left);
                let oy = (pi.1 + a.half_height).min(pj.1 + b.half_height)
                    - (pi.1 - a.half_height).max(pj.1 - b.half_height);
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if oy <= ox {
                    let d = (oy / 2.0 + 0.5) * if pi.1 <= pj.1 { 1.0 } else { -1.0 };
                    p[i].1 -= d;
                    p[j].1 += d;
                } else {
                    let d = (ox / 2.0 + 0.5) * if pi.0 <= pj.0 { 1.0 } else { -1.0 };
                    p[i].0 -= d;
                    p[j].0 += d;
                }
            }
        }
        for (q, e) in p.iter_mut().zip(ext) {
            q.0 = q.0.clamp(e.left.min(w / 2.0), (w - e.right).max(w / 2.0));
            q.1 =
                q.1.clamp(e.half_height.min(h / 2.0), (h - e.half_height).max(h / 2.0));
        }
        if !moved {
            break;
        }
    }
}

/// The benchmarks' graph (criterion natively, the browser benchmark in the page's wasm): `n`
/// nodes in communities of 25, `m` edges, four in five inside a community; the same every time.
pub fn benchmark_graph(n: usize, m: usize) -> (Vec<u64>, Vec<Spring>) {
    let n = n.max(2);
    let springs = (0..m)
        .map(|i| {
            let r = splitmix(i as u64);
            let a = (r % n as u64) as usize;
            let b = if i % 5 == 0 {
                ((r >> 32) % n as u64) as usize
            } else {
                (a / 25 * 25 + ((r >> 32) % 25) as usize) % n
            };
            let b = if a == b { (a + 1) % n } else { b };
            Spring { a, b, weight: 1.0 }
        })
        .collect();
    ((0..n as u64).collect(), springs)
}

/// A cell of the Barnes–Hut quadtree.
#[derive(Clone, Copy, Debug)]
struct Cell {
    cx: f64,
    cy: f64,
    half: f64,
    mass: f64,
    /// Mass-weighted sums of the positions under it.
    mx: f64,
    my: f64,
    /// The one body of a leaf (`NONE` for an empty leaf or an inner cell).
    body: u32,
    /// First of four children (`NONE` for a leaf).
    children: u32,
}

const NONE: u32 = u32::MAX;
/// Below this size a cell stops splitting, and bodies in it add up (coincident points).
const MIN_HALF: f64 = 1e-6;

/// The quadtree, rebuilt every iteration into one arena.
#[derive(Default)]
struct Tree {
    cells: Vec<Cell>,
    /// The traversal's stack, kept between bodies.
    stack: Vec<usize>,
}

impl Tree {
    fn build(&mut self, x: &[f64], y: &[f64], mass: &[f64]) {
        self.cells.clear();
        let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for i in 0..x.len() {
            x0 = x0.min(x[i]);
            x1 = x1.max(x[i]);
            y0 = y0.min(y[i]);
            y1 = y1.max(y[i]);
        }
        let half = ((x1 - x0).max(y1 - y0) / 2.0).max(MIN_HALF) * 1.0001;
        self.cells
            .push(Cell::new((x0 + x1) / 2.0, (y0 + y1) / 2.0, half));
        for i in 0..x.len() {
            self.insert(i as u32, x[i], y[i], mass[i], x, y, mass);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn insert(&mut self, i: u32, px: f64, py: f64, m: f64, x: &[f64], y: &[f64], mass: &[f64]) {
        let mut c = 0usize;
        loop {
            let cell = self.cells[c];
            if cell.children == NONE {
                if cell.body == NONE && cell.mass == 0.0 {
                    // an empty leaf takes the body
                    let cell = &mut self.cells[c];
                    cell.body = i;
                    cell.add(px, py, m);
                    return;
                }
                if cell.half <= MIN_HALF {
                    // too small to split: the bodies share the leaf
                    self.cells[c].body = NONE;
                    self.cells[c].add(px, py, m);
                    return;
                }
                // split, and push the leaf's body one level down
                let first = self.cells.len() as u32;
                let h = cell.half / 2.0;
                for k in 0..4 {
                    let (dx, dy) = quadrant_offset(k);
                    self.cells
                        .push(Cell::new(cell.cx + dx * h, cell.cy + dy * h, h));
                }
                self.cells[c].children = first;
                let old = cell.body;
                self.cells[c].body = NONE;
                if old != NONE {
                    let o = old as usize;
                    let k = quadrant(&self.cells[c], x[o], y[o]);
                    let child = (first + k) as usize;
                    self.cells[child].body = old;
                    self.cells[child].add(x[o], y[o], mass[o]);
                }
            }
            self.cells[c].add(px, py, m);
            let k = quadrant(&self.cells[c], px, py);
            c = (self.cells[c].children + k) as usize;
        }
    }

    /// The repulsion on body `i` at (`px`, `py`) of mass `m`.
    fn repulsion(
        &mut self,
        i: usize,
        px: f64,
        py: f64,
        m: f64,
        scaling: f64,
        theta: f64,
    ) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        let theta2 = theta * theta;
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c];
            if cell.mass == 0.0 || cell.body as usize == i && cell.children == NONE {
                continue;
            }
            let (cx, cy) = (cell.mx / cell.mass, cell.my / cell.mass);
            let (dx, dy) = (px - cx, py - cy);
            let d2 = dx * dx + dy * dy;
            let leaf = cell.children == NONE;
            if leaf || 4.0 * cell.half * cell.half < theta2 * d2 {
                // (bodies on one point as this one exert nothing: there is no direction)
                if d2 > 1e-12 {
                    let f = scaling * m * cell.mass / d2;
                    fx += dx * f;
                    fy += dy * f;
                }
            } else {
                let first = cell.children as usize;
                stack.extend(first..first + 4);
            }
        }
        self.stack = stack;
        (fx, fy)
    }
}

impl Cell {
    fn new(cx: f64, cy: f64, half: f64) -> Cell {
        Cell {
            cx,
            cy,
            half,
            mass: 0.0,
            mx: 0.0,
            my: 0.0,
            body: NONE,
            children: NONE,
        }
    }

    fn add(&mut self, x: f64, y: f64, m: f64) {
        self.mass += m;
        self.mx += x * m;
        self.my += y * m;
    }
}

fn quadrant_offset(k: u32) -> (f64, f64) {
    match k {
        0 => (-1.0, -1.0),
        1 => (1.0, -1.0),
        2 => (-1.0, 1.0),
        _ => (1.0, 1.0),
    }
}

fn quadrant(cell: &Cell, x: f64, y: f64) -> u32 {
    (x >= cell.cx) as u32 + 2 * (y >= cell.cy) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(p: (f64, f64), q: (f64, f64)) -> f64 {
        ((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt()
    }

    /// Two cliques of five joined by one edge.
    fn two_cliques() -> (Vec<u64>, Vec<Spring>) {
        let ids: Vec<u64> = (0..10).collect();
        let mut springs = Vec::new();
        for side in [0usize, 5] {
            for a in side..side + 5 {
                for b in a + 1..side + 5 {
                    springs.push(Spring { a, b, weight: 1.0 });
                }
            }
        }
        springs.push(Spring {
            a: 0,
            b: 5,
            weight: 1.0,
        });
        (ids, springs)
    }

    #[test]
    fn the_same_graph_and_seed_give_the_same_layout() {
        let (ids, springs) = two_cliques();
        let s = Settings::default();
        assert_eq!(layout(&ids, &springs, &s), layout(&ids, &springs, &s));
        let other = layout(&ids, &springs, &Settings { seed: 7, ..s });
        assert_ne!(layout(&ids, &springs, &s), other);
    }

    #[test]
    fn neighbours_end_closer_than_strangers_and_everything_fits_the_square() {
        let (ids, springs) = two_cliques();
        let p = layout(&ids, &springs, &Settings::default());
        let mean = |pairs: &[(usize, usize)]| {
            pairs.iter().map(|&(a, b)| dist(p[a], p[b])).sum::<f64>() / pairs.len() as f64
        };
        let within = mean(&[(1, 2), (2, 3), (3, 4), (6, 7), (7, 8), (8, 9)]);
        let across = mean(&[(1, 6), (2, 7), (3, 8), (4, 9)]);
        assert!(within * 2.0 < across, "within {within} across {across}");
        assert!(p
            .iter()
            .all(|&(x, y)| (0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y)));
        // nodes do not pile up on one point
        for a in 0..10 {
            for b in a + 1..10 {
                assert!(dist(p[a], p[b]) > 0.01, "{a} and {b} overlap");
            }
        }
    }

    #[test]
    fn barnes_hut_repulsion_is_close_to_the_exact_sum() {
        let n = 200;
        let x: Vec<f64> = (0..n).map(|i| unit(i as u64 * 2) * 100.0).collect();
        let y: Vec<f64> = (0..n).map(|i| unit(i as u64 * 2 + 1) * 100.0).collect();
        let mass: Vec<f64> = (0..n).map(|i| 1.0 + (i % 3) as f64).collect();
        let mut tree = Tree::default();
        tree.build(&x, &y, &mass);
        // the tree holds all the mass
        let total: f64 = mass.iter().sum();
        assert!((tree.cells[0].mass - total).abs() < 1e-9);
        for i in [0usize, 17, 199] {
            let (mut ex, mut ey) = (0.0, 0.0);
            for j in 0..n {
                if j != i {
                    let (dx, dy) = (x[i] - x[j], y[i] - y[j]);
                    let d2 = dx * dx + dy * dy;
                    ex += dx * mass[i] * mass[j] / d2;
                    ey += dy * mass[i] * mass[j] / d2;
                }
            }
            let (ax, ay) = tree.repulsion(i, x[i], y[i], mass[i], 1.0, 0.5);
            let err = ((ax - ex).powi(2) + (ay - ey).powi(2)).sqrt();
            let size = (ex * ex + ey * ey).sqrt();
            assert!(err <= 0.1 * size + 1e-6, "body {i}: {err} of {size}");
            // theta 0 opens every cell: exact
            let (ax, ay) = tree.repulsion(i, x[i], y[i], mass[i], 1.0, 0.0);
            assert!(
                (ax - ex).abs() < 1e-6 * size.max(1.0) && (ay - ey).abs() < 1e-6 * size.max(1.0)
            );
        }
    }

    #[test]
    fn spreading_out_separates_overlapping_labels_and_stays_inside() {
        let e = Extent {
            left: 10.0,
            right: 60.0,
            half_height: 10.0,
        };
        let mut p = vec![(100.0, 100.0), (105.0, 104.0), (300.0, 100.0)];
        spread_out(&mut p, &[e; 3], (400.0, 300.0), 20);
        let apart = |a: (f64, f64), b: (f64, f64)| {
            (a.1 - b.1).abs() >= 2.0 * e.half_height || (a.0 - b.0).abs() >= e.left + e.right
        };
        assert!(apart(p[0], p[1]), "{p:?}");
        assert_eq!(p[2], (300.0, 100.0), "what overlaps nothing stays");
        for q in &p {
            assert!(q.0 >= e.left && q.0 <= 400.0 - e.right && q.1 >= 10.0 && q.1 <= 290.0);
        }
    }

    #[test]
    fn coincident_and_tiny_inputs_are_safe() {
        assert!(layout(&[], &[], &Settings::default()).is_empty());
        assert_eq!(layout(&[3], &[], &Settings::default()), vec![(0.5, 0.5)]);
        // all ids alike start on one point: the layout still ends finite
        let p = layout(
            &[5, 5, 5],
            &[Spring {
                a: 0,
                b: 1,
                weight: 1.0,
            }],
            &Settings::default(),
        );
        assert!(p.iter().all(|&(x, y)| x.is_finite() && y.is_finite()));
    }
}
