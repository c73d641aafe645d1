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

/// One gold attribution (a brat `E` line): byte ranges into the **raw** text of its source,
/// cue and content pieces.
#[derive(Clone, Debug, Default)]
pub struct GoldAttribution {
    /// Source fragments (empty when the attribution has no source).
    pub source: Vec<(usize, usize)>,
    /// Cue fragments.
    pub cue: Vec<(usize, usize)>,
    /// Content fragments of all its pieces.
    pub content: Vec<(usize, usize)>,
}

/// Reads the attributions of a brat `.ann` file (its `T` spans tied together by `E` lines),
/// with code-point offsets converted to byte offsets of `raw`. Errors name the line.
pub fn read_attributions(raw: &str, ann: &str) -> Result<Vec<GoldAttribution>, String> {
    let mut byte_at: Vec<usize> = raw.char_indices().map(|(b, _)| b).collect();
    byte_at.push(raw.len());
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (n, line) in ann.lines().enumerate() {
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        if !id.starts_with('T') || !id[1..].bytes().all(|b| b.is_ascii_digit()) || id.len() < 2 {
            continue;
        }
        let def = rest.split('\t').next().unwrap_or("");
        let ranges = def.split_once(' ').map(|(_, r)| r).unwrap_or("");
        let mut frags = Vec::new();
        for r in ranges.split(';') {
            let parsed = r
                .trim()
                .split_once(' ')
                .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)));
            let Some((a, b)) = parsed.filter(|&(a, b)| a <= b && b < byte_at.len()) else {
                return Err(format!("line {}: bad range {r:?}", n + 1));
            };
            frags.push((byte_at[a], byte_at[b]));
        }
        spans.insert(id, frags);
    }
    let mut out = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let Some((id, rest)) = line.split_once('\t') else {
            continue;
        };
        if !id.starts_with('E') {
            continue;
        }
        let mut g = GoldAttribution::default();
        for arg in rest.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else {
                return Err(format!("line {}: bad argument {arg:?}", n + 1));
            };
            let Some(frags) = spans.get(t) else {
                return Err(format!("line {}: unknown span {t}", n + 1));
            };
            match role {
                "Source" => g.source.extend_from_slice(frags),
                "Cue" => g.cue.extend_from_slice(frags),
                r if r.starts_with("Content") => g.content.extend_from_slice(frags),
                _ => {}
            }
        }
        if !g.cue.is_empty() && !g.content.is_empty() {
            out.push(g);
        }
    }
    Ok(out)
}

fn overlap(a: (usize, usize), frags: &[(usize, usize)]) -> usize {
    frags
        .iter()
        .map(|&(s, e)| e.min(a.1).saturating_sub(s.max(a.0)))
        .sum()
}

/// Whether a predicted attribution is right end to end against `gold` (the scorer's notion,
/// piece by piece): its content has a Jaccard of at least 0.5 with a gold attribution's
/// content, and its speaker mention or a mention of its speaker overlaps that attribution's
/// source (names no speaker where the gold has none).
pub fn is_right(doc: &Document, q: &byline_doc::Quote, gold: &[GoldAttribution]) -> bool {
    let raw = |s: byline_doc::Span| (doc.alignment.to_raw(s.start), doc.alignment.to_raw(s.end));
    let content = raw(q.span);
    let speaker_spans: Vec<(usize, usize)> = q
        .speaker_mention
        .into_iter()
        .chain(
            q.speaker
                .and_then(|e| doc.entities.get(e))
                .into_iter()
                .flat_map(|e| e.mentions.iter().filter_map(|&m| doc.mentions.get(m)))
                .map(|m| m.span),
        )
        .map(raw)
        .collect();
    gold.iter().any(|g| {
        let inter = overlap(content, &g.content);
        let gold_len: usize = g.content.iter().map(|&(s, e)| e - s).sum();
        let union = gold_len + (content.1 - content.0) - inter;
        if union == 0 || inter * 2 < union {
            return false;
        }
        if g.source.is_empty() {
            q.speaker_mention.is_none() && q.speaker.is_none()
        } else {
            speaker_spans.iter().any(|&m| overlap(m, &g.source) > 0)
        }
    })
}

/// How many of a document's judged candidates (probability, right?, span) the filter keeps at
/// `threshold` given the spans found without it, and how many of those are right.
pub fn count_kept(
    fixed: &[byline_doc::Span],
    scored: &[(f32, bool, byline_doc::Span)],
    threshold: f32,
) -> (usize, usize) {
    let probs: Vec<f32> = scored.iter().map(|s| s.0).collect();
    let spans: Vec<byline_doc::Span> = scored.iter().map(|s| s.2).collect();
    let kept = crate::indirect::suppress(&probs, &spans, fixed, threshold);
    scored
        .iter()
        .zip(kept)
        .filter(|(_, k)| *k)
        .fold((0, 0), |(n, r), (s, _)| (n + 1, r + s.1 as usize))
}

/// The report filter's examples of one annotated document (run through the pipeline up to
/// coreference): every candidate of [`crate::report_candidates`] labelled by [`is_right`]. A
/// judged candidate is right only for a gold attribution that no unjudged quote already
/// matches (the scorer pairs one to one).
pub fn filter_examples(doc: &Document, gold: &[GoldAttribution]) -> FilterExamples {
    let cands = crate::report_candidates(doc);
    let open: Vec<GoldAttribution> = gold
        .iter()
        .filter(|g| {
            !cands
                .iter()
                .any(|(q, _, judged)| !judged && is_right(doc, q, std::slice::from_ref(g)))
        })
        .cloned()
        .collect();
    cands
        .into_iter()
        .map(|(q, feats, judged)| {
            let right = is_right(doc, &q, if judged { &open } else { gold });
            (feats, right, judged, q.span)
        })
        .collect()
}

/// A document scored in cross-validation: the spans found without the filter, and the judged
/// candidates as (probability, right?, span).
type HeldOut = (Vec<byline_doc::Span>, Vec<(f32, bool, byline_doc::Span)>);

/// One document's candidates for the report filter: (features, right?, judged by the
/// filter?, content span).
pub type FilterExamples = Vec<(Vec<u64>, bool, bool, byline_doc::Span)>;

/// Trains the [report filter](crate::filter) on candidates labelled by [`is_right`]; the
/// threshold is the one with the best five-fold cross-validated F1 (each document scored by
/// a filter trained on the other folds, the candidates the filter does not judge counted as
/// kept); then the filter is retrained on all documents. Deterministic for a seed.
pub fn train_filter(
    docs: &[FilterExamples],
    gold_counts: &[usize],
    bits: u32,
    epochs: usize,
    seed: u64,
    log: &dyn Fn(&str),
) -> crate::filter::Filter {
    const FOLDS: usize = 5;
    let judged = |d: &FilterExamples| -> Vec<(Vec<u64>, bool)> {
        d.iter()
            .filter(|e| e.2)
            .map(|e| (e.0.clone(), e.1))
            .collect()
    };
    let gold: usize = gold_counts.iter().sum();
    let (mut fixed_tp, mut fixed_p) = (0usize, 0usize);
    // per document, scored by the fold model that did not see it: the fixed spans and the
    // judged candidates (p, right?, span)
    let mut held: Vec<HeldOut> = Vec::new();
    for fold in 0..FOLDS {
        let train_part: Vec<(Vec<u64>, bool)> = docs
            .iter()
            .enumerate()
            .filter(|(i, _)| i % FOLDS != fold)
            .flat_map(|(_, d)| judged(d))
            .collect();
        let part = crate::filter::train(&train_part, bits, epochs, seed);
        for d in docs.iter().skip(fold).step_by(FOLDS) {
            let mut fixed = Vec::new();
            let mut scored = Vec::new();
            for (feats, right, judged, span) in d {
                if *judged {
                    scored.push((part.probability(feats), *right, *span));
                } else {
                    fixed_p += 1;
                    fixed_tp += *right as usize;
                    fixed.push(*span);
                }
            }
            held.push((fixed, scored));
        }
    }
    let mut best = (0.0f64, 0.5f32);
    for step in 1..20 {
        let t = step as f32 * 0.05;
        let (mut tp, mut p) = (fixed_tp, fixed_p);
        for (fixed, scored) in &held {
            let (kept, right) = count_kept(fixed, scored, t);
            p += kept;
            tp += right;
        }
        let f1 = 2.0 * tp as f64 / (p + gold).max(1) as f64;
        log(&format!(
            "threshold {t:.2}: cross-validated F1 {f1:.4} ({tp} right of {p} kept, {gold} gold)"
        ));
        if f1 > best.0 {
            best = (f1, t);
        }
    }
    log(&format!("chosen threshold {:.2}", best.1));
    let everything: Vec<(Vec<u64>, bool)> = docs.iter().flat_map(judged).collect();
    let mut all = crate::filter::train(&everything, bits, epochs, seed);
    all.threshold = best.1;
    all
}

#[cfg(test)]
mod filter_tests {
    use super::*;

    #[test]
    fn attributions_tie_their_spans_and_errors_name_the_line() {
        let raw = "Anna said – we won.";
        // code points: "–" is one code point but three bytes
        let ann = "T1\tSource 0 4\tAnna\nT2\tCue 5 9\tsaid\nT3\tContent 12 18\twe won\n\
                   E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1\n";
        let ann = ann.replace("Attribution:T9 ", "");
        let got = read_attributions(raw, &ann).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].source, vec![(0, 4)]);
        assert_eq!(&raw[got[0].content[0].0..got[0].content[0].1], "we won");
        let err = read_attributions(raw, "T1\tCue 5 99\tx\n").unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
        let err = read_attributions(raw, "T1\tCue 5 9\tsaid\nE1\tCue:T7\n").unwrap_err();
        assert!(err.contains("line 2") && err.contains("T7"), "{err}");
    }
}
