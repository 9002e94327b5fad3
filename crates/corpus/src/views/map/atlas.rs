//! The world's country outlines for the map: the compact file `scripts/build-atlas.mjs` writes
//! from Natural Earth 4.1.0 (public domain, via the npm package world-atlas, ISC), decoded into
//! rings of longitude and latitude; the Equal Earth projection (Šavrič, Patterson and Jenny,
//! 2018), an equal-area one, that draws them; which country a point lies in; and each
//! country's outline as SVG path data for a drawing of a given size.

/// One country's outline: polygons, each an outer ring then its holes, as (lon, lat) points.
#[derive(Clone, Debug, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-2 code, or empty where Natural Earth gives none.
    pub code: String,
    pub name: String,
    pub polygons: Vec<Vec<Vec<(f32, f32)>>>,
    /// Longitude and latitude bounds: (west, south, east, north).
    pub bounds: (f32, f32, f32, f32),
}

/// The decoded outlines.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Atlas {
    pub countries: Vec<Country>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or("the outline file ends too soon")?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("the outline file has a number too long".into())
    }

    fn signed(&mut self) -> Result<i64, String> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// A count, bounded by what the rest of the file could hold.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.varint()? as usize;
        if n > self.bytes.len() - self.at.min(self.bytes.len()) + 1 {
            return Err("the outline file is corrupt (a count exceeds its size)".into());
        }
        Ok(n)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let out = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or("the outline file ends too soon")?;
        self.at += n;
        Ok(out)
    }
}

/// Decodes the outline file (format in `scripts/build-atlas.mjs`).
pub fn decode(bytes: &[u8]) -> Result<Atlas, String> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != b"DWA1" {
        return Err("this is not Dossier's outline file".into());
    }
    let steps_lon = r.varint()?.max(1) as f64;
    let steps_lat = r.varint()?.max(1) as f64;
    let n_arcs = r.count()?;
    let mut arcs: Vec<Vec<(f32, f32)>> = Vec::with_capacity(n_arcs);
    for _ in 0..n_arcs {
        let n = r.count()?;
        let (mut x, mut y) = (r.varint()? as i64, r.varint()? as i64);
        let mut arc = Vec::with_capacity(n);
        for i in 0..n {
            if i > 0 {
                x += r.signed()?;
                y += r.signed()?;
            }
            arc.push((
                (x as f64 / steps_lon * 360.0 - 180.0) as f32,
                (y as f64 / steps_lat * 180.0 - 90.0) as f32,
            ));
        }
        arcs.push(arc);
    }
    let n_countries = r.count()?;
    let mut countries = Vec::with_capacity(n_countries);
    for _ in 0..n_countries {
        let code = String::from_utf8_lossy(r.take(2)?).into_owned();
        let len = r.count()?;
        let name = String::from_utf8_lossy(r.take(len)?).into_owned();
        let mut polygons = Vec::new();
        let mut bounds = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for _ in 0..r.count()? {
            let mut rings = Vec::new();
            for _ in 0..r.count()? {
                let mut ring: Vec<(f32, f32)> = Vec::new();
                for _ in 0..r.count()? {
                    let a = r.signed()?;
                    let (i, reversed) = if a < 0 {
                        (!a as usize, true)
                    } else {
                        (a as usize, false)
                    };
                    let arc = arcs.get(i).ok_or("the outline file names a missing arc")?;
                    let points: Box<dyn Iterator<Item = &(f32, f32)>> = if reversed {
                        Box::new(arc.iter().rev())
                    } else {
                        Box::new(arc.iter())
                    };
                    // consecutive arcs share their joining point
                    let skip = usize::from(!ring.is_empty());
                    ring.extend(points.skip(skip));
                }
                for &(x, y) in &ring {
                    bounds = (
                        bounds.0.min(x),
                        bounds.1.min(y),
                        bounds.2.max(x),
                        bounds.3.max(y),
                    );
                }
                rings.push(ring);
            }
            polygons.push(rings);
        }
        countries.push(Country {
            code: if code == "--" { String::new() } else { code },
            name,
            polygons,
            bounds,
        });
    }
    Ok(Atlas { countries })
}

const A1: f64 = 1.340264;
const A2: f64 = -0.081106;
const A3: f64 = 0.000893;
const A4: f64 = 0.003796;

/// The Equal Earth projection of (lon, lat) in degrees: x in about ±2.7066, y in about
/// ±1.3173, north up (y grows northwards).
pub fn equal_earth(lon: f64, lat: f64) -> (f64, f64) {
    let (l, p) = (lon.to_radians(), lat.clamp(-90.0, 90.0).to_radians());
    let t = ((3f64).sqrt() / 2.0 * p.sin()).asin();
    let (t2, t6) = (t * t, t.powi(6));
    let x = 2.0 * (3f64).sqrt() * l * t.cos()
        / (3.0 * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = t * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, y)
}

/// The projection's extent: half its width and half its height.
pub const HALF_WIDTH: f64 = 2.706_629_983_696_074;
pub const HALF_HEIGHT: f64 = 1.317_362_759_157_413;

/// A drawing of the whole world `width` wide (its height follows the projection's aspect).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub width: f64,
}

impl Frame {
    pub fn height(self) -> f64 {
        self.width * HALF_HEIGHT / HALF_WIDTH
    }

    /// Where (lon, lat) falls in the drawing (y downwards).
    pub fn project(self, lon: f64, lat: f64) -> (f64, f64) {
        let (x, y) = equal_earth(lon, lat);
        let s = self.width / (2.0 * HALF_WIDTH);
        ((x + HALF_WIDTH) * s, (HALF_HEIGHT - y) * s)
    }
}

/// Whether (x, y) lies inside the ring (even-odd rule).
fn in_ring(ring: &[(f32, f32)], x: f32, y: f32) -> bool {
    let mut inside = false;
    let mut j = ring.len().wrapping_sub(1);
    for i in 0..ring.len() {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[j];
        if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
            inside = !inside;
        }
        j = i;
    }
    inside
}

impl Atlas {
    /// The country (index into `countries`) whose outline holds (lon, lat).
    pub fn country_at(&self, lon: f32, lat: f32) -> Option<usize> {
        self.countries.iter().position(|c| {
            let b = c.bounds;
            lon >= b.0
                && lon <= b.2
                && lat >= b.1
                && lat <= b.3
                && c.polygons.iter().any(|rings| {
                    rings.first().is_some_and(|outer| in_ring(outer, lon, lat))
                        && !rings[1..].iter().any(|hole| in_ring(hole, lon, lat))
                })
        })
    }

    /// The country with this ISO code.
    pub fn by_code(&self, code: &str) -> Option<usize> {
        (!code.is_empty())
            .then(|| self.countries.iter().position(|c| c.code == code))
            .flatten()
    }
}

/// Keeps the part of a ring on one side of a meridian (`east`: east of it), cutting its edges
/// where they cross (Sutherland–Hodgman against one half-plane).
fn clip_at(ring: &[(f64, f64)], meridian: f64, east: bool) -> Vec<(f64, f64)> {
    let inside = |p: (f64, f64)| {
        if east {
            p.0 >= meridian
        } else {
            p.0 <= meridian
        }
    };
    let mut out = Vec::new();
    for (i, &p) in ring.iter().enumerate() {
        let q = ring[(i + 1) % ring.len()];
        if inside(p) {
            out.push(p);
        }
        if inside(p) != inside(q) {
            let t = (meridian - p.0) / (q.0 - p.0);
            out.push((meridian, p.1 + (q.1 - p.1) * t));
        }
    }
    out
}

/// A ring as flat pieces inside −180°..180°. Natural Earth's rings may step across the
/// antimeridian (Russia's Chukotka, Fiji): a plane drawing would join them with a line across
/// the whole world. Such a ring is unwrapped into continuous longitudes, then cut into the part
/// west of 180° and the part beyond it, moved back by 360°. A ring around a pole (Antarctica)
/// does not close when unwrapped and is drawn as it is.
pub fn flat_pieces(ring: &[(f32, f32)]) -> Vec<Vec<(f64, f64)>> {
    let raw: Vec<(f64, f64)> = ring.iter().map(|&(x, y)| (x as f64, y as f64)).collect();
    let mut offset = 0.0;
    let mut flat = Vec::with_capacity(raw.len());
    for (i, &(x, y)) in raw.iter().enumerate() {
        if i > 0 {
            let step = x - raw[i - 1].0;
            if step > 180.0 {
                offset -= 360.0;
            } else if step < -180.0 {
                offset += 360.0;
            }
        }
        flat.push((x + offset, y));
    }
    let (lo, hi) = flat.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.0), hi.max(p.0))
    });
    if offset != 0.0 || (lo >= -180.0 && hi <= 180.0) {
        return vec![raw];
    }
    [-360.0, 0.0, 360.0]
        .into_iter()
        .map(|shift| {
            let moved: Vec<(f64, f64)> = flat.iter().map(|&(x, y)| (x + shift, y)).collect();
            clip_at(&clip_at(&moved, -180.0, true), 180.0, false)
        })
        .filter(|piece| piece.len() >= 3)
        .collect()
}

/// A country's outline as SVG path data in a frame, rounded to tenths of a unit.
pub fn path(country: &Country, frame: Frame) -> String {
    let mut d = String::new();
    for rings in &country.polygons {
        for ring in rings.iter().flat_map(|r| flat_pieces(r)) {
            for (i, &(lon, lat)) in ring.iter().enumerate() {
                let (x, y) = frame.project(lon, lat);
                let (x, y) = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
                d.push(if i == 0 { 'M' } else { 'L' });
                d.push_str(&format!("{x} {y}"));
            }
            d.push('Z');
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes a tiny outline file: one square arc (0°–10° E, 0°–10° N) for "Squareland".
    fn square_file() -> Vec<u8> {
        let mut b = b"DWA1".to_vec();
        let v = |b: &mut Vec<u8>, mut n: u64| loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                b.push(byte);
                break;
            }
            b.push(byte | 0x80);
        };
        let z = |n: i64| ((n << 1) ^ (n >> 63)) as u64;
        v(&mut b, 360); // one step per degree
        v(&mut b, 180);
        v(&mut b, 1); // one arc of five points
        v(&mut b, 5);
        v(&mut b, 180);
        v(&mut b, 90);
        for (dx, dy) in [(10, 0), (0, 10), (-10, 0), (0, -10)] {
            v(&mut b, z(dx));
            v(&mut b, z(dy));
        }
        v(&mut b, 1); // one country
        b.extend_from_slice(b"SQ");
        v(&mut b, 10);
        b.extend_from_slice(b"Squareland");
        v(&mut b, 1); // one polygon, one ring, one arc: forward
        v(&mut b, 1);
        v(&mut b, 1);
        v(&mut b, z(0));
        b
    }

    #[test]
    fn a_ring_across_the_antimeridian_is_cut_into_two_flat_pieces() {
        // an island from 175° E to 175° W
        let ring = [
            (175.0, 0.0),
            (-175.0, 0.0),
            (-175.0, 5.0),
            (175.0, 5.0),
            (175.0, 0.0),
        ];
        let pieces = flat_pieces(&ring);
        assert_eq!(pieces.len(), 2);
        for p in &pieces {
            let (lo, hi) = p
                .iter()
                .fold((f64::MAX, f64::MIN), |a, q| (a.0.min(q.0), a.1.max(q.0)));
            assert!(hi - lo <= 5.0 + 1e-9, "a piece spans {lo}..{hi}");
            assert!(lo == 175.0 || hi == -175.0, "{lo}..{hi}");
        }
        // a ring that does not cross is left as it is; one around the pole too
        let square = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 0.0)];
        assert_eq!(flat_pieces(&square).len(), 1);
        let polar = [
            (-180.0, -80.0),
            (0.0, -70.0),
            (180.0, -80.0),
            (180.0, -90.0),
            (-180.0, -90.0),
            (-180.0, -80.0),
        ];
        assert_eq!(flat_pieces(&polar)[0].len(), polar.len());
    }

    #[test]
    fn decodes_arcs_into_rings_and_finds_the_country_of_a_point() {
        let atlas = decode(&square_file()).unwrap();
        assert_eq!(atlas.countries.len(), 1);
        let c = &atlas.countries[0];
        assert_eq!((c.code.as_str(), c.name.as_str()), ("SQ", "Squareland"));
        assert_eq!(
            c.polygons[0][0],
            vec![
                (0.0, 0.0),
                (10.0, 0.0),
                (10.0, 10.0),
                (0.0, 10.0),
                (0.0, 0.0)
            ]
        );
        assert_eq!(c.bounds, (0.0, 0.0, 10.0, 10.0));
        assert_eq!(atlas.country_at(5.0, 5.0), Some(0));
        assert_eq!(atlas.country_at(15.0, 5.0), None);
        assert_eq!(atlas.by_code("SQ"), Some(0));
        assert!(path(c, Frame { width: 1000.0 }).starts_with('M'));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        assert!(decode(b"").is_err());
        assert!(decode(b"PK\x03\x04rest")
            .unwrap_err()
            .contains("not Dossier"));
        let mut cut = square_file();
        cut.truncate(cut.len() - 6);
        assert!(decode(&cut).is_err());
        // a count far beyond the file's size
        let mut huge = b"DWA1".to_vec();
        huge.extend_from_slice(&[0x01, 0x01, 0xff, 0xff, 0xff, 0x7f]);
        assert!(decode(&huge).unwrap_err().contains("corrupt"));
    }

    #[test]
    fn equal_earth_is_symmetric_and_keeps_its_extent() {
        assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
        let (x, y) = equal_earth(180.0, 0.0);
        assert!((x - HALF_WIDTH).abs() < 1e-4 && y.abs() < 1e-12);
        let (x, y) = equal_earth(0.0, 90.0);
        assert!(x.abs() < 1e-12 && (y - HALF_HEIGHT).abs() < 1e-4);
        let (a, b) = (equal_earth(37.6, 55.75), equal_earth(-37.6, -55.75));
        assert!((a.0 + b.0).abs() < 1e-12 && (a.1 + b.1).abs() < 1e-12);
        // equal area: a 1° cell near the pole covers the same as one at the equator
        let cell = |lat: f64| {
            let (x0, y0) = equal_earth(0.0, lat);
            let (x1, y1) = equal_earth(1.0, lat + 1.0);
            let (x2, _) = equal_earth(1.0, lat);
            // the cell is nearly a rectangle at these sizes
            ((x2 - x0) + (x1 - equal_earth(0.0, lat + 1.0).0)) / 2.0 * (y1 - y0)
        };
        let ratio = cell(70.0) / cell(0.0);
        let expected = (70.5f64.to_radians().cos()) / (0.5f64.to_radians().cos());
        assert!((ratio - expected).abs() < 0.01, "{ratio} vs {expected}");
        // the frame: Pyongyang lies right of centre and above it
        let f = Frame { width: 1000.0 };
        let (x, y) = f.project(125.75, 39.03);
        assert!(x > 500.0 && y < f.height() / 2.0);
        assert!(f.project(-180.0, 0.0).0.abs() < 1e-6);
    }
}
