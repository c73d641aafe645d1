//! Training the [`learned`](crate::learned) attribution tagger on brat-annotated texts
//! (PolNeAR: `Source`, `Cue` and `Content` spans tied together by `E` lines).

use std::collections::HashMap;

use byline_doc::Document;

use crate::learned::{
    bucket, decode, paragraph_tokens, predict, static_features, token_views, Model, Role,
    TokenView, Weights, LABELS, O,
};

/// One role span of a gold attribution: byte ranges into the **raw** text.
pub type GoldSpan = (Role, Vec<(usize, usize)>);

/// Reads a brat `.ann` file: every `T` span with a role label (`Source`, `Cue`, `Content*`),
/// converted from code-point to byte offsets of `raw`. Errors name the line.
pub fn read_brat(raw: &str, ann: &str) -> Result<Vec<GoldSpan>, String> {
    let mut byte_at: Vec<usize> = raw.char_indices().map(|(b, _)| b).collect();
    byte_at.push(raw.len());
    let mut out = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        // A span text holding a newline spills onto the next line: skip anything that is not
        // "T<digits><TAB>".
        let is_t = line
            .strip_prefix('T')
            .and_then(|r| r.split_once('\t'))
            .is_some_and(|(id, _)| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()));
        if !is_t {
            continue;
        }
        let mut cols = line.split('\t');
        let (_, Some(def)) = (cols.next(), cols.next()) else {
            return Err(format!(
                "line {}: a T line needs a tab-separated definition",
                n + 1
            ));
        };
        let (label, ranges) = def.split_once(' ').unwrap_or((def, ""));
        let role = match label {
            "Source" => Role::Source,
            "Cue" => Role::Cue,
            l if l.starts_with("Content") => Role::Content,
            _ => continue,
        };
        let mut frags = Vec::new();
        for r in ranges.split(';') {
            let (a, b) = r
                .trim()
                .split_once(' ')
                .ok_or_else(|| format!("line {}: bad range {r:?}", n + 1))?;
            let a: usize = a
                .parse()
                .map_err(|_| format!("line {}: bad offset {a:?}", n + 1))?;
            let b: usize = b
                .parse()
                .map_err(|_| format!("line {}: bad offset {b:?}", n + 1))?;
            if a > b || b >= byte_at.len() {
                return Err(format!("line {}: range {a}-{b} outside the text", n + 1));
            }
            frags.push((byte_at[a], byte_at[b]));
        }
        out.push((role, frags));
    }
    Ok(out)
}

/// Gold labels of an annotated document's tokens: a token takes the role of the gold span
/// its (raw) start lies in; cues win over sources, sources over contents.
pub fn gold_labels(doc: &Document, gold: &[GoldSpan]) -> Vec<u8> {
    let mut labels = vec![O; doc.tokens.len()];
    let mut prio = vec![0u8; doc.tokens.len()];
    let raw_start: Vec<usize> = doc
        .tokens
        .iter()
        .map(|t| doc.alignment.to_raw(t.span.start))
        .collect();
    for (role, frags) in gold {
        let p = match role {
            Role::Cue => 3,
            Role::Source => 2,
            Role::Content => 1,
        };
        for &(a, b) in frags {
            let mut first = true;
            for (i, &r) in raw_start.iter().enumerate() {
                if r >= a && r < b && prio[i] < p {
                    labels[i] = if first {
                        role.begin()
                    } else {
                        role.begin() + 1
                    };
                    prio[i] = p;
                }
                if r >= a && r < b {
                    first = false;
                }
            }
        }
    }
    // Repair I- labels left without their B- by a higher-priority overwrite.
    for i in 0..labels.len() {
        let l = labels[i];
        if l != O
            && l.is_multiple_of(2)
            && (i == 0 || (labels[i - 1] != l && labels[i - 1] != l - 1))
        {
            labels[i] = l - 1;
        }
    }
    labels
}

/// Training options.
#[derive(Clone, Debug)]
pub struct Config {
    /// Passes over the data.
    pub epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// log2 of the weight table's rows.
    pub bits: u32,
}

/// The cue lexicon: lower-cased words seen in at least 2 gold cues, with their cue rate in
/// tenths (1..=10).
pub fn cue_lexicon(data: &[(&Document, &[u8])]) -> HashMap<String, u8> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for (doc, labels) in data {
        for (t, &l) in doc.tokens.iter().zip(labels.iter()) {
            let w = doc.slice(t.span).to_lowercase();
            let e = counts.entry(w).or_default();
            e.0 += 1;
            if l == 1 || l == 2 {
                e.1 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, (_, c))| *c >= 2)
        .map(|(w, (n, c))| (w, ((10 * c + n / 2) / n).clamp(1, 10) as u8))
        .collect()
}

struct Para {
    views: Vec<TokenView>,
    feats: Vec<u64>,
    ranges: Vec<(u32, u32)>,
    gold: Vec<u8>,
}

fn paragraphs(data: &[(&Document, &[u8])], lexicon: &HashMap<String, u8>) -> Vec<Para> {
    let mut out = Vec::new();
    for (doc, labels) in data {
        let views = token_views(doc, lexicon);
        for p in paragraph_tokens(doc) {
            let mut feats = Vec::new();
            let mut ranges = Vec::new();
            static_features(&views[p.clone()], &mut feats, &mut ranges);
            out.push(Para {
                views: views[p.clone()].to_vec(),
                feats,
                ranges,
                gold: labels[p].to_vec(),
            });
        }
    }
    out
}

struct Table {
    bits: u32,
    w: Vec<[f32; LABELS]>,
}

impl Weights for Table {
    #[inline]
    fn add(&self, f: u64, acc: &mut [f32; LABELS]) {
        let r = &self.w[bucket(f, self.bits)];
        for l in 0..LABELS {
            acc[l] += r[l];
        }
    }
}

/// Token-level F1 of non-`O` labels (a quick model-selection score).
pub fn token_f1(gold: &[u8], pred: &[u8]) -> (usize, usize, usize) {
    let mut tp = 0;
    let mut np = 0;
    let mut ng = 0;
    for (&g, &p) in gold.iter().zip(pred) {
        let (g, p) = (g.div_ceil(2), p.div_ceil(2));
        if g != 0 {
            ng += 1;
        }
        if p != 0 {
            np += 1;
            if p == g {
                tp += 1;
            }
        }
    }
    (tp, np, ng)
}

fn f1_of(c: (usize, usize, usize)) -> f64 {
    let (tp, np, ng) = c;
    if tp == 0 {
        return 0.0;
    }
    let p = tp as f64 / np as f64;
    let r = tp as f64 / ng as f64;
    2.0 * p * r / (p + r)
}

/// Trains the tagger on documents with gold labels; keeps the epoch with the best token F1 on
/// `dev` (or the last). Deterministic for a config.
pub fn train(
    data: &[(&Document, &[u8])],
    dev: &[(&Document, &[u8])],
    cfg: &Config,
    log: &dyn Fn(&str),
) -> Model {
    let lexicon = cue_lexicon(data);
    log(&format!("cue lexicon: {} words", lexicon.len()));
    let paras = paragraphs(data, &lexicon);
    let dev_paras = paragraphs(dev, &lexicon);
    let mut dist = [0usize; LABELS];
    for p in &paras {
        for &l in &p.gold {
            dist[l as usize] += 1;
        }
    }
    log(&format!(
        "{} paragraphs; gold label counts {dist:?}",
        paras.len()
    ));
    let rows = 1usize << cfg.bits;
    let mut w = Table {
        bits: cfg.bits,
        w: vec![[0f32; LABELS]; rows],
    };
    let mut u = vec![[0f64; LABELS]; rows];
    let mut c = 1f64;
    let mut order: Vec<usize> = (0..paras.len()).collect();
    let mut rng = cfg.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut best: Option<(f64, Vec<[f32; LABELS]>)> = None;
    let mut fs: Vec<u64> = Vec::new();
    for epoch in 1..=cfg.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &pi in &order {
            let p = &paras[pi];
            // Decode with the current weights, updating after each token.
            let mut pred: Vec<u8> = Vec::with_capacity(p.views.len());
            for i in 0..p.views.len() {
                let (guess, hist) = predict(&w, &p.views, &p.feats, &p.ranges, i, &pred);
                let truth = p.gold[i];
                if guess != truth {
                    errors += 1;
                    fs.clear();
                    let (a, b) = p.ranges[i];
                    fs.extend_from_slice(&p.feats[a as usize..b as usize]);
                    fs.extend_from_slice(&hist);
                    for &f in &fs {
                        let r = bucket(f, cfg.bits);
                        w.w[r][truth as usize] += 1.0;
                        w.w[r][guess as usize] -= 1.0;
                        u[r][truth as usize] += c;
                        u[r][guess as usize] -= c;
                    }
                }
                pred.push(guess);
                c += 1.0;
            }
        }
        let avg: Vec<[f32; LABELS]> =
            w.w.iter()
                .zip(&u)
                .map(|(wr, ur)| std::array::from_fn(|l| (wr[l] as f64 - ur[l] / c) as f32))
                .collect();
        let table = Table {
            bits: cfg.bits,
            w: avg,
        };
        let f = if dev_paras.is_empty() {
            epoch as f64
        } else {
            let mut tot = (0, 0, 0);
            for p in &dev_paras {
                let out = decode(&table, &p.views, &p.feats, &p.ranges);
                let c = token_f1(&p.gold, &out);
                tot = (tot.0 + c.0, tot.1 + c.1, tot.2 + c.2);
            }
            f1_of(tot)
        };
        log(&format!(
            "  epoch {epoch}: {errors} token errors, dev token F1 {f:.4}"
        ));
        if best.as_ref().is_none_or(|b| f > b.0) {
            best = Some((f, table.w));
        }
    }
    let (_, rows) = best.expect("at least one epoch");
    Model::from_float(cfg.bits, &rows, lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_offsets_are_code_points() {
        let raw = "Tí said: \"yes\".";
        let ann = "T1\tSource 0 2\tTí\nT2\tCue 3 7\tsaid\nT3\tContent 10 13\tyes\nE1\tAttribution:T2 Source:T1 Content:T3\n";
        let g = read_brat(raw, ann).unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g[0].0, Role::Source);
        let (a, b) = g[2].1[0];
        assert_eq!(&raw[a..b], "yes");
        assert!(read_brat(raw, "T1\tCue 5 999\tx")
            .unwrap_err()
            .starts_with("line 1"));
        assert!(read_brat(raw, "T1\tCue x 3\tx").is_err());
    }

    #[test]
    fn token_scores() {
        assert_eq!(token_f1(&[0, 5, 6, 1], &[0, 5, 5, 0]), (2, 2, 3));
    }
}
