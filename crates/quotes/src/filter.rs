/*!
A learned filter over the candidate reported clauses of [`indirect`](crate::indirect).

The rules propose a reported clause for every word that may be a cue: the speech lexicon's
verbs and every word of the learned cue lexicon with a cue rate of at least
[`CANDIDATE_MIN_RATE`] ("shows", "wants", "pledged", "believes"). Most of the rarer ones are not
reports in context ("Charles *welcomed* the Ukrainian leader"), and a per-word rate cannot tell.
This filter scores each candidate attribution (cue, source and content together) with a
logistic regression over hashed features of its context: the cue word, its rate, the words
around it, the speaker mention found and how (name, pronoun, noun phrase, inherited), the
distance from speaker to cue, the content's length, first word and side. It keeps a candidate
when the predicted probability that the whole attribution is right reaches the model's
threshold.

The filter judges the candidates of words whose learned cue rate is under the rules' own
threshold (`LEARNED_MIN_RATE` in [`indirect`](crate::indirect)); among those it keeps, best
first, none that overlaps a quote or clause already found or another kept candidate
([`suppress`](crate::indirect::suppress)).

It is trained on PolNeAR train (`byline train report-filter`, see the crate README): a
candidate is positive when its content has a Jaccard of at least 0.5 with a gold
attribution's content that no quote found without the filter already matches, and its speaker
mention (or a mention of its speaker) overlaps that attribution's source, or it names no
speaker where the gold has none ([`is_right`](crate::train::is_right)). The training command
chooses the threshold by five-fold cross-validation on train unless `--threshold` gives it; the
shipped filter's (0.30) was chosen by end-to-end F1 on train (see the crate README).
*/

use std::io::{Read, Write};

use byline_doc::{Document, MentionKind, Quote, Span, TokenKind};

use crate::token;

/// Cue rate (tenths) from which a word of the learned cue lexicon proposes a candidate.
pub const CANDIDATE_MIN_RATE: u8 = 1;

/// The shipped filter (`byline train report-filter`); an empty file disables filtering.
pub static MODEL_BYTES: &[u8] = include_bytes!("../models/report-filter.bin.gz");

/// The shipped filter, decoded on first use; `None` when no model is shipped.
pub fn shipped() -> Option<&'static Filter> {
    static F: std::sync::OnceLock<Option<Filter>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        (!MODEL_BYTES.is_empty())
            .then(|| Filter::from_bytes(MODEL_BYTES).expect("the built-in report filter is valid"))
    })
    .as_ref()
}

/// A logistic regression over hashed features with a decision threshold.
#[derive(Debug, Clone)]
pub struct Filter {
    bits: u32,
    weights: Vec<f32>,
    /// Candidates scoring at least this probability are kept.
    pub threshold: f32,
}

const MAGIC: &[u8; 8] = b"BYLRF01\n";

impl Filter {
    /// The probability that a candidate with these features is a right attribution.
    pub fn probability(&self, features: &[u64]) -> f32 {
        let z: f32 = features
            .iter()
            .map(|&f| self.weights[slot(f, self.bits)])
            .sum();
        1.0 / (1.0 + (-z).exp())
    }

    /// Whether the candidate is kept.
    pub fn keep(&self, features: &[u64]) -> bool {
        self.probability(features) >= self.threshold
    }

    /// Serialises the filter (gzip).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::with_capacity(16 + self.weights.len() * 4);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&self.bits.to_le_bytes());
        raw.extend_from_slice(&self.threshold.to_le_bytes());
        for w in &self.weights {
            raw.extend_from_slice(&w.to_le_bytes());
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).expect("writing to memory");
        gz.finish().expect("writing to memory")
    }

    /// Reads a filter written by [`Filter::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Filter, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| format!("not a gzip report filter: {e}"))?;
        if raw.len() < 16 || &raw[..8] != MAGIC {
            return Err("not a byline report filter (bad magic)".into());
        }
        let bits = u32::from_le_bytes(raw[8..12].try_into().expect("4 bytes"));
        let threshold = f32::from_le_bytes(raw[12..16].try_into().expect("4 bytes"));
        if !(8..=24).contains(&bits) || raw.len() != 16 + (4usize << bits) {
            return Err(format!("report filter: bad table size ({bits} bits)"));
        }
        let weights = raw[16..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        Ok(Filter {
            bits,
            weights,
            threshold,
        })
    }
}

fn slot(f: u64, bits: u32) -> usize {
    (f >> (64 - bits)) as usize
}

/// Trains the filter: logistic regression by stochastic gradient descent over `examples`
/// (features, right?) in a shuffled order fixed by `seed`, weights averaged over all steps.
pub fn train(examples: &[(Vec<u64>, bool)], bits: u32, epochs: usize, seed: u64) -> Filter {
    let n = 1usize << bits;
    let mut w = vec![0f32; n];
    let mut sum = vec![0f64; n];
    let mut last = vec![0u64; n];
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut step = 0u64;
    let l2 = 1e-6f32;
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let lr = 0.2 / (1.0 + epoch as f32);
        for &e in &order {
            let (feats, gold) = &examples[e];
            let z: f32 = feats.iter().map(|&f| w[slot(f, bits)]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let g = (*gold as u8 as f32) - p;
            step += 1;
            for &f in feats {
                let s = slot(f, bits);
                // lazy averaging: the weight held its value since `last[s]`
                sum[s] += w[s] as f64 * (step - last[s]) as f64;
                last[s] = step;
                w[s] += lr * (g - l2 * w[s]);
            }
        }
    }
    for s in 0..n {
        sum[s] += w[s] as f64 * (step - last[s]) as f64;
    }
    let weights = sum
        .iter()
        .map(|&s| (s / step.max(1) as f64) as f32)
        .collect();
    Filter {
        bits,
        weights,
        threshold: 0.5,
    }
}

fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn finish(h: u64) -> u64 {
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// One feature: a template tag and its value.
fn f(tag: &str, value: &str) -> u64 {
    finish(hash_str(tag) ^ hash_str(value).rotate_left(17))
}

fn lower(doc: &Document, i: usize) -> String {
    doc.tokens
        .get(i)
        .map(|_| token(doc, i).to_lowercase())
        .unwrap_or_else(|| "<end>".into())
}

fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        4..=5 => "4-5",
        6..=8 => "6-8",
        9..=15 => "9-15",
        16..=30 => "16-30",
        _ => "31+",
    }
}

/// What the filter knows of a candidate besides its quote.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// Index of the cue's (first) token.
    pub cue_token: usize,
    /// The speech lexicon's lemma, or "learned" for a word of the learned cue lexicon.
    pub lemma: &'static str,
    /// The word's learned cue rate in tenths (0 when unlisted).
    pub rate: u8,
    /// Which rule built the candidate ("after", "before", "parenthetical").
    pub rule: &'static str,
    /// The first token of the sentence.
    pub first: usize,
}

/// Hashed features of candidate `q` proposed in context `cx`; `fixed` are the spans of the
/// quotes and clauses found without the filter.
pub fn features(doc: &Document, q: &Quote, cx: &Context, fixed: &[Span]) -> Vec<u64> {
    let k = cx.cue_token;
    let w = lower(doc, k);
    let p1 = if k > cx.first {
        lower(doc, k - 1)
    } else {
        "<s>".into()
    };
    let p2 = if k > cx.first + 1 {
        lower(doc, k - 2)
    } else {
        "<s>".into()
    };
    let n1 = lower(doc, k + 1);
    let n2 = lower(doc, k + 2);
    let mut out = vec![
        f("bias", ""),
        f("w", &w),
        f("lemma", cx.lemma),
        f("rule", cx.rule),
        f("rule|lemma", &format!("{}|{}", cx.rule, cx.lemma)),
        f("p1", &p1),
        f("p2", &p2),
        f("n1", &n1),
        f("n2", &n2),
        f("w|n1", &format!("{w}|{n1}")),
        f("p1|w", &format!("{p1}|{w}")),
        f("lemma|n1", &format!("{}|{n1}", cx.lemma)),
        f("first", if k == cx.first { "y" } else { "n" }),
    ];
    let suffix: String = w
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    out.push(f("sfx3", &suffix));
    out.push(f("sfx3|n1", &format!("{suffix}|{n1}")));
    // the speaker: how it was found and what it is
    let spk = match q.speaker_mention {
        None if q.speaker.is_some() => "inherited".to_string(),
        None => "none".to_string(),
        Some(m) => {
            let kind = doc
                .mentions
                .iter()
                .find(|x| x.span == m)
                .map(|x| match x.kind {
                    MentionKind::Pronoun => "pronoun",
                    MentionKind::Name => "name",
                    _ => "nominal",
                })
                .unwrap_or("phrase");
            let etype = q
                .speaker
                .and_then(|e| doc.entities.get(e))
                .map(|e| e.etype.as_str())
                .unwrap_or("-");
            format!("{kind}/{etype}")
        }
    };
    out.push(f("spk", &spk));
    out.push(f("spk|w", &format!("{spk}|{w}")));
    if let Some(m) = q.speaker_mention {
        let cue_start = doc.tokens[k].span.start;
        let (a, b) = if m.end <= cue_start {
            (m.end, cue_start)
        } else {
            (doc.tokens[k].span.end, m.start)
        };
        let gap = doc.tokens_in(Span::new(a, b.max(a))).len();
        let side = if m.end <= cue_start { "L" } else { "R" };
        out.push(f("spkgap", &format!("{side}{}", bucket(gap))));
        let head = doc.token_at_or_after(m.start);
        let ml = doc.tokens_in(m).len();
        out.push(f("spklen", bucket(ml)));
        out.push(f("spk0", &lower(doc, head)));
        let last = doc.token_at_or_after(m.end).saturating_sub(1);
        out.push(f("spkN", &lower(doc, last)));
    }
    // the content
    let toks = doc.tokens_in(q.span);
    let words = toks.iter().filter(|t| t.kind == TokenKind::Word).count();
    out.push(f("clen", bucket(words)));
    out.push(f("clen|w", &format!("{}|{w}", bucket(words))));
    let c0 = doc.token_at_or_after(q.span.start);
    let c0w = lower(doc, c0);
    out.push(f("c0", &c0w));
    out.push(f("w|c0", &format!("{w}|{c0w}")));
    let side = if q.span.start >= doc.tokens[k].span.end {
        "after"
    } else {
        "before"
    };
    out.push(f("cside", side));
    let quoted = toks.iter().any(|t| t.kind == TokenKind::QuoteMark);
    out.push(f("cquote", if quoted { "y" } else { "n" }));
    // repeating or nested in what the rules found anyway
    let cue = doc.tokens[k].span;
    let nested = fixed
        .iter()
        .any(|s| s.start <= cue.start && cue.end <= s.end);
    let overlaps = fixed
        .iter()
        .any(|s| s.start < q.span.end && q.span.start < s.end);
    out.push(f("nested", if nested { "y" } else { "n" }));
    out.push(f("overlaps", if overlaps { "y" } else { "n" }));
    out.push(f("nested|overlaps|w", &format!("{nested}|{overlaps}|{w}")));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_and_round_trips() {
        let pos = f("w", "said");
        let neg = f("w", "welcomed");
        let bias = f("bias", "");
        let mut ex = Vec::new();
        for _ in 0..50 {
            ex.push((vec![bias, pos], true));
            ex.push((vec![bias, neg], false));
        }
        let m = train(&ex, 12, 5, 1);
        assert!(m.probability(&[bias, pos]) > 0.8);
        assert!(m.probability(&[bias, neg]) < 0.2);
        let back = Filter::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.weights, m.weights);
        assert_eq!(back.threshold, m.threshold);
        assert!(Filter::from_bytes(b"junk").is_err());
    }

    #[test]
    fn suppression_keeps_the_best_of_overlapping_candidates() {
        let spans = [
            Span::new(0, 10),
            Span::new(5, 15),
            Span::new(20, 30),
            Span::new(40, 50),
        ];
        let probs = [0.4, 0.9, 0.8, 0.1];
        let fixed = [Span::new(25, 27)];
        let kept = crate::indirect::suppress(&probs, &spans, &fixed, 0.3);
        // 1 beats 0 (overlap), 2 overlaps a fixed quote, 3 is under the threshold
        assert_eq!(kept, vec![false, true, false, false]);
    }

    #[test]
    fn training_is_deterministic_for_a_seed() {
        let ex: Vec<(Vec<u64>, bool)> = (0..40)
            .map(|i| {
                (
                    vec![f("bias", ""), f("w", &(i % 7).to_string())],
                    i % 3 == 0,
                )
            })
            .collect();
        assert_eq!(train(&ex, 10, 3, 7).weights, train(&ex, 10, 3, 7).weights);
    }
}
