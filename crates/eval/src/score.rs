//! The scorer of `tools/score.py` (the project's copy of the shared annotation scorer), ported
//! so tests can assert on the same figures: strict and lenient mention P/R/F1 per type and
//! micro-averaged, linking B-cubed, DATE value accuracy, metadata accuracy and body lines.
use serde_json::Value;
use std::collections::{HashMap, HashSet};

pub const SCORED: [&str; 6] = ["PERSON", "ORG", "PLACE", "WEAPON", "EVENT", "DATE"];

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f: f64,
}

fn prf(tp: usize, fp: usize, fn_: usize) -> Prf {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf { p, r, f }
}

#[derive(Debug, Default)]
pub struct Report {
    pub strict: HashMap<&'static str, (Prf, usize)>,
    pub micro_strict: Prf,
    pub micro_lenient: Prf,
    pub linking_b3: Prf,
    pub date_value_accuracy: Option<f64>,
    pub metadata: HashMap<&'static str, f64>,
    pub body_lines: Option<Prf>,
    pub bad_offsets: usize,
    pub missing_docs: Vec<String>,
    /// Strict misses and spurious mentions, for reading what went wrong.
    pub errors: Vec<String>,
}

fn norm_text(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn norm_meta(s: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

fn b_cubed(pairs: &[(String, String)]) -> Prf {
    if pairs.is_empty() {
        return Prf::default();
    }
    let mut by_gold: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_sys: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (g, s)) in pairs.iter().enumerate() {
        by_gold.entry(g).or_default().push(i);
        by_sys.entry(s).or_default().push(i);
    }
    let (mut p, mut r) = (0.0, 0.0);
    for (g, s) in pairs {
        let gs: HashSet<usize> = by_gold[g.as_str()].iter().copied().collect();
        let both = by_sys[s.as_str()].iter().filter(|i| gs.contains(i)).count() as f64;
        p += both / by_sys[s.as_str()].len() as f64;
        r += both / by_gold[g.as_str()].len() as f64;
    }
    let n = pairs.len() as f64;
    let (p, r) = (p / n, r / n);
    Prf {
        p,
        r,
        f: if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        },
    }
}

type Key = (String, i64, i64);

fn mentions(d: &Value) -> Vec<&Value> {
    d["mentions"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|m| m["type"].as_str().is_some_and(|t| SCORED.contains(&t)))
                .collect()
        })
        .unwrap_or_default()
}

fn key(m: &Value) -> Key {
    (
        m["type"].as_str().unwrap_or("").to_string(),
        m["start"].as_i64().unwrap_or(-1),
        m["end"].as_i64().unwrap_or(-1),
    )
}

/// Scores system documents against gold ones. `raw` gives a document's raw bytes by name,
/// for the offset and body-line checks.
pub fn score(gold: &[Value], system: &[Value], raw: &dyn Fn(&str) -> Option<Vec<u8>>) -> Report {
    let base = |v: &Value| {
        v["doc"]
            .as_str()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string()
    };
    let sys: HashMap<String, &Value> = system.iter().map(|d| (base(d), d)).collect();
    let mut strict: HashMap<&str, [usize; 3]> = SCORED.iter().map(|t| (*t, [0; 3])).collect();
    let mut lenient: HashMap<&str, [usize; 3]> = SCORED.iter().map(|t| (*t, [0; 3])).collect();
    let mut pairs = Vec::new();
    let (mut date_ok, mut date_total) = (0, 0);
    let mut meta: HashMap<&str, [usize; 2]> = HashMap::new();
    let mut body = [0usize; 3];
    let mut rep = Report::default();
    let empty = serde_json::json!({"mentions": []});
    for g in gold {
        let name = base(g);
        let s = match sys.get(&name) {
            Some(s) => *s,
            None => {
                rep.missing_docs.push(name.clone());
                &empty
            }
        };
        let gm = mentions(g);
        let sm = mentions(s);
        let raw_bytes = raw(&name);
        if let Some(bytes) = &raw_bytes {
            for m in s["mentions"].as_array().into_iter().flatten() {
                let (a, b) = (
                    m["start"].as_u64().unwrap_or(0) as usize,
                    m["end"].as_u64().unwrap_or(0) as usize,
                );
                let ok = a <= b
                    && b <= bytes.len()
                    && String::from_utf8_lossy(&bytes[a..b]) == m["text"].as_str().unwrap_or("");
                rep.bad_offsets += usize::from(!ok);
            }
        }
        let gk: HashMap<Key, &Value> = gm.iter().map(|m| (key(m), *m)).collect();
        let sk: HashMap<Key, &Value> = sm.iter().map(|m| (key(m), *m)).collect();
        for t in SCORED {
            let gt: HashSet<&Key> = gk.keys().filter(|k| k.0 == t).collect();
            let st: HashSet<&Key> = sk.keys().filter(|k| k.0 == t).collect();
            let e = strict.get_mut(t).unwrap();
            e[0] += gt.intersection(&st).count();
            e[1] += st.difference(&gt).count();
            e[2] += gt.difference(&st).count();
            for k in st.difference(&gt) {
                rep.errors.push(format!(
                    "{name}: spurious {} {:?}",
                    t,
                    sk[*k]["text"].as_str().unwrap_or("")
                ));
            }
            for k in gt.difference(&st) {
                rep.errors.push(format!(
                    "{name}: missed {} {:?} @{}",
                    t,
                    gk[*k]["text"].as_str().unwrap_or(""),
                    k.1
                ));
            }
        }
        for (k, gmen) in &gk {
            if let Some(smen) = sk.get(k) {
                let skey = smen["entity"]
                    .as_str()
                    .map(String::from)
                    .unwrap_or_else(|| format!("{name}:{k:?}"));
                pairs.push((gmen["entity"].as_str().unwrap_or("").to_string(), skey));
                if k.0 == "DATE" {
                    if let Some(gv) = gmen["value"].as_str() {
                        date_total += 1;
                        if smen["value"].as_str() == Some(gv) {
                            date_ok += 1;
                        } else {
                            rep.errors.push(format!(
                                "{name}: DATE value of {:?}: want {gv}, got {:?}",
                                gmen["text"].as_str().unwrap_or(""),
                                smen["value"]
                            ));
                        }
                    }
                }
            }
        }
        for t in SCORED {
            let mut gt: Vec<&Value> = gm.iter().copied().filter(|m| m["type"] == t).collect();
            let mut st: Vec<&Value> = sm.iter().copied().filter(|m| m["type"] == t).collect();
            gt.sort_by_key(|m| m["start"].as_i64());
            st.sort_by_key(|m| m["start"].as_i64());
            let mut used = HashSet::new();
            let mut tp = 0;
            for x in &gt {
                for (j, y) in st.iter().enumerate() {
                    if used.contains(&j)
                        || y["end"].as_i64() <= x["start"].as_i64()
                        || y["start"].as_i64() >= x["end"].as_i64()
                    {
                        continue;
                    }
                    used.insert(j);
                    tp += 1;
                    break;
                }
            }
            let e = lenient.get_mut(t).unwrap();
            e[0] += tp;
            e[1] += st.len() - tp;
            e[2] += gt.len() - tp;
        }
        for field in ["title", "published", "author"] {
            let e = meta.entry(field).or_default();
            e[1] += 1;
            let want = g[field].as_str();
            let got = s[field].as_str();
            let ok = match want {
                None => got.is_none_or(str::is_empty),
                Some(w) => got.is_some_and(|got| {
                    if field == "published" {
                        got == w
                    } else {
                        norm_meta(got) == norm_meta(w)
                    }
                }),
            };
            if ok {
                e[0] += 1;
            } else {
                rep.errors
                    .push(format!("{name}: {field}: want {want:?}, got {got:?}"));
            }
        }
        if let (Some(bytes), Some(sys_body)) = (&raw_bytes, s["body"].as_str()) {
            let sys_body = norm_text(sys_body);
            let excluded: HashSet<String> = g["body_excludes"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|x| x.as_str())
                .map(norm_text)
                .collect();
            let title = norm_text(g["title"].as_str().unwrap_or(""));
            for line in String::from_utf8_lossy(bytes).lines() {
                let line = norm_text(line);
                if line.is_empty() || line == title {
                    continue;
                }
                let kept = sys_body.contains(&line);
                if excluded.contains(&line) {
                    body[1] += usize::from(kept);
                    if kept {
                        rep.errors.push(format!("{name}: furniture kept: {line:?}"));
                    }
                } else {
                    body[0] += usize::from(kept);
                    body[2] += usize::from(!kept);
                    if !kept {
                        rep.errors
                            .push(format!("{name}: article line dropped: {line:?}"));
                    }
                }
            }
            rep.body_lines = Some(prf(body[0], body[1], body[2]));
        }
    }
    let sum =
        |m: &HashMap<&str, [usize; 3]>, i: usize| SCORED.iter().map(|t| m[t][i]).sum::<usize>();
    rep.micro_strict = prf(sum(&strict, 0), sum(&strict, 1), sum(&strict, 2));
    rep.micro_lenient = prf(sum(&lenient, 0), sum(&lenient, 1), sum(&lenient, 2));
    for t in SCORED {
        let e = strict[t];
        rep.strict.insert(t, (prf(e[0], e[1], e[2]), e[0] + e[2]));
    }
    rep.linking_b3 = b_cubed(&pairs);
    rep.date_value_accuracy = (date_total > 0).then(|| date_ok as f64 / date_total as f64);
    rep.metadata = meta
        .into_iter()
        .map(|(k, v)| (k, v[0] as f64 / v[1] as f64))
        .collect();
    rep
}

impl Report {
    /// The table `score.py` prints.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:8} {:>5} {:>6} {:>6} {:>6}\n",
            "type", "n", "P", "R", "F1"
        );
        for t in SCORED {
            let (p, n) = self.strict[t];
            s += &format!("{t:8} {n:5} {:6.3} {:6.3} {:6.3}\n", p.p, p.r, p.f);
        }
        let m = self.micro_strict;
        s += &format!(
            "{:8} {:5} {:6.3} {:6.3} {:6.3}   lenient F1 {:.3}\n",
            "micro", "", m.p, m.r, m.f, self.micro_lenient.f
        );
        let b = self.linking_b3;
        s += &format!("linking B3  P {:.3}  R {:.3}  F1 {:.3}\n", b.p, b.r, b.f);
        s += &format!("DATE value accuracy {:?}\n", self.date_value_accuracy);
        let mut meta: Vec<_> = self.metadata.iter().collect();
        meta.sort_by(|a, b| a.0.cmp(b.0));
        s += &format!("metadata accuracy {meta:?}\n");
        s += &format!("body lines {:?}\n", self.body_lines);
        if self.bad_offsets > 0 {
            s += &format!(
                "mentions whose text is not the bytes at their offsets: {}\n",
                self.bad_offsets
            );
        }
        if !self.missing_docs.is_empty() {
            s += &format!(
                "documents missing from the system output: {:?}\n",
                self.missing_docs
            );
        }
        s
    }
}
