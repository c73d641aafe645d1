/*!
A learned attribution tagger: cue, source and content spans in one pass over each paragraph.

PolNeAR annotates attribution broadly: besides "X said (that) ...", a content is often the
object of a verb of stance or report ("the ad references *FBI criticism of ...*", "Republicans
approved *a bill ...*") with thousands of distinct cues. Rules cannot list them, so this tagger
learns them from PolNeAR's training split (`byline train attribution`, see the crate README).

**Model.** A greedy left-to-right averaged perceptron over hashed features labels every token
of a paragraph `O`, `B-/I-CUE`, `B-/I-SRC` or `B-/I-CON`. Features: the word and its
neighbours, shapes, the word's *cue rate* (how often it was part of a cue in training, bucketed;
the lexicon is stored in the model), the nearest cue-like words to the left and right in the
sentence and their distance, mention types from the entity layer (name PER/ORG/other, pronoun,
nominal), quotation marks and quoted regions, sentence position, and the two previous labels.

**Assembly** ([`tag`]): every content span takes the nearest cue span (same sentence first),
and the source span nearest to that cue; contents that share a cue form one attribution.
*/

use std::collections::HashMap;
use std::io::{Read, Write};

use byline_doc::{Document, MentionKind, Span, TokenKind};

/// Labels: O, B-CUE, I-CUE, B-SRC, I-SRC, B-CON, I-CON.
pub const LABELS: usize = 7;
/// Outside.
pub const O: u8 = 0;
/// First token of a cue.
pub const B_CUE: u8 = 1;
/// First token of a source.
pub const B_SRC: u8 = 3;
/// First token of a content.
pub const B_CON: u8 = 5;

/// The model file built into byline (`byline train attribution`, see the crate README).
pub static MODEL_BYTES: &[u8] = include_bytes!("../models/polnear-attribution.bin.gz");

/// The shipped model, decoded on first use.
pub fn shipped() -> &'static Model {
    static M: std::sync::OnceLock<Model> = std::sync::OnceLock::new();
    M.get_or_init(|| {
        Model::from_bytes(MODEL_BYTES).expect("the built-in attribution model is valid")
    })
}

/// The shipped model's cue lexicon alone (lower-cased word → cue rate in tenths, learned from
/// PolNeAR train), decoded on first use without the weight table.
pub fn cue_lexicon() -> &'static HashMap<String, u8> {
    static L: std::sync::OnceLock<HashMap<String, u8>> = std::sync::OnceLock::new();
    L.get_or_init(|| read_lexicon(MODEL_BYTES).unwrap_or_default())
}

fn read_lexicon(bytes: &[u8]) -> Result<HashMap<String, u8>, String> {
    // The lexicon comes before the weight table: decompress a prefix that holds it (the
    // shipped one is about 25 kB), the whole file only if it does not.
    let mut prefix = 1 << 16;
    loop {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .take(prefix)
            .read_to_end(&mut raw)
            .map_err(|e| format!("not a gzip model file: {e}"))?;
        let whole = (raw.len() as u64) < prefix;
        let mut r = Reader { b: &raw, at: 0 };
        match header(&mut r).and_then(|_| lexicon(&mut r)) {
            Err(_) if !whole => prefix *= 16,
            result => return result,
        }
    }
}

fn header(r: &mut Reader) -> Result<(u32, f32), String> {
    if r.take(8)? != b"BYLATT1\n" {
        return Err("not a byline attribution model".into());
    }
    let bits = r.u32()?;
    if !(8..=26).contains(&bits) {
        return Err(format!("bad table size 2^{bits}"));
    }
    let scale = f32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
    Ok((bits, scale))
}

fn lexicon(r: &mut Reader) -> Result<HashMap<String, u8>, String> {
    let n = r.u32()? as usize;
    let mut lexicon = HashMap::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let end = r.b[r.at..]
            .iter()
            .position(|&c| c == 0)
            .ok_or("truncated lexicon")?;
        let w = std::str::from_utf8(r.take(end)?)
            .map_err(|_| "bad lexicon word")?
            .to_string();
        r.take(1)?;
        let b = r.take(1)?[0];
        lexicon.insert(w, b);
    }
    Ok(lexicon)
}

/// Role of a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The speech verb or phrase.
    Cue,
    /// Who is speaking.
    Source,
    /// What is attributed.
    Content,
}

impl Role {
    /// The B- label of the role.
    pub fn begin(self) -> u8 {
        match self {
            Role::Cue => B_CUE,
            Role::Source => B_SRC,
            Role::Content => B_CON,
        }
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K).rotate_left(29) ^ (h >> 19)
}

#[inline]
fn feat(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(t.wrapping_mul(0xc2b2_ae3d_27d4_eb4f), a), b), 7)
}

fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

fn shape(w: &str) -> u64 {
    let mut h = 0u64;
    let mut last = 0u64;
    for c in w.chars() {
        let m = if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_ascii_digit() {
            3
        } else {
            c as u64 + 10
        };
        if m != last {
            h = mix(h, m);
            last = m;
        }
    }
    h
}

/// What the tagger knows of one token.
#[derive(Clone, Debug)]
pub struct TokenView {
    /// Hash of the lower-cased word.
    pub lower: u64,
    /// Hash of the word's shape.
    pub shape: u64,
    /// Bucket 0..=10 of the word's cue rate.
    pub cue: u8,
    /// Mention type: 0 none, 1 PER name, 2 ORG name, 3 other name, 4 pronoun, 5 nominal.
    pub mention: u8,
    /// Inside a quoted region.
    pub quoted: bool,
    /// A quotation mark.
    pub mark: bool,
    /// Index of the sentence.
    pub sentence: usize,
    /// The token's byte span.
    pub span: Span,
}

/// A trained tagger.
#[derive(Clone, Debug)]
pub struct Model {
    bits: u32,
    scale: f32,
    rows: Vec<[i16; LABELS]>,
    lexicon: HashMap<String, u8>,
}

/// The tokens of each paragraph, as token index ranges.
pub fn paragraph_tokens(doc: &Document) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::with_capacity(doc.paragraphs.len());
    let mut t = 0;
    for p in &doc.paragraphs {
        while t < doc.tokens.len() && doc.tokens[t].span.start < p.start {
            t += 1;
        }
        let s = t;
        while t < doc.tokens.len() && doc.tokens[t].span.end <= p.end {
            t += 1;
        }
        if t > s {
            out.push(s..t);
        }
    }
    out
}

/// Token facts for the whole document (`lexicon`: cue-rate bucket of lower-cased words).
pub fn token_views(doc: &Document, lexicon: &HashMap<String, u8>) -> Vec<TokenView> {
    let mut mention_of = vec![0u8; doc.tokens.len()];
    let mut m = 0;
    let mut mentions: Vec<(Span, u8)> = doc
        .mentions
        .iter()
        .map(|x| {
            let ty = match x.kind {
                MentionKind::Pronoun => 4,
                MentionKind::Nominal => 5,
                _ => match x.etype {
                    byline_doc::EntityType::Per => 1,
                    byline_doc::EntityType::Org => 2,
                    _ => 3,
                },
            };
            (x.span, ty)
        })
        .collect();
    mentions.sort_by_key(|x| x.0.start);
    for (i, tok) in doc.tokens.iter().enumerate() {
        while m < mentions.len() && mentions[m].0.end <= tok.span.start {
            m += 1;
        }
        if let Some(&(span, ty)) = mentions.get(m) {
            if span.start <= tok.span.start && tok.span.end <= span.end {
                mention_of[i] = ty;
            }
        }
    }
    let mut q = 0;
    let mut s = 0;
    let mut lower = String::new();
    doc.tokens
        .iter()
        .enumerate()
        .map(|(i, tok)| {
            let w = &doc.text[tok.span.start..tok.span.end];
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            let lower_norm = match tok.kind {
                TokenKind::QuoteMark => "\"",
                _ => lower.as_str(),
            };
            while q < doc.quoted.len() && doc.quoted[q].content.end <= tok.span.start {
                q += 1;
            }
            let quoted = doc.quoted.get(q).is_some_and(|r| {
                r.content.start <= tok.span.start && tok.span.end <= r.content.end
            });
            while s + 1 < doc.sentences.len() && doc.sentences[s + 1].start <= tok.span.start {
                s += 1;
            }
            TokenView {
                lower: hash_str(lower_norm),
                shape: shape(w),
                cue: lexicon.get(lower_norm).copied().unwrap_or(0),
                mention: mention_of[i],
                quoted,
                mark: tok.kind == TokenKind::QuoteMark,
                sentence: s,
                span: tok.span,
            }
        })
        .collect()
}

mod t {
    pub const BIAS: u64 = 1;
    pub const W: u64 = 2;
    pub const WM1: u64 = 3;
    pub const WP1: u64 = 4;
    pub const WM2: u64 = 5;
    pub const WP2: u64 = 6;
    pub const BI_L: u64 = 7;
    pub const BI_R: u64 = 8;
    pub const SH: u64 = 9;
    pub const SH_CTX: u64 = 10;
    pub const CUE: u64 = 11;
    pub const CUE_CTX: u64 = 12;
    pub const MENT: u64 = 13;
    pub const MENT_CTX: u64 = 14;
    pub const QUOTED: u64 = 15;
    pub const NEAR_L: u64 = 16;
    pub const NEAR_R: u64 = 17;
    pub const NEAR_LW: u64 = 18;
    pub const NEAR_RW: u64 = 19;
    pub const POS: u64 = 20;
    pub const SIDE_MENT: u64 = 21;
    pub const P1: u64 = 22;
    pub const P12: u64 = 23;
    pub const P1_W: u64 = 24;
    pub const P1_Q: u64 = 25;
    pub const P1_CUE: u64 = 26;
    pub const P1_NEAR: u64 = 27;
    pub const SENT_START_L: u64 = 28;
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=3 => d as u64,
        4..=6 => 4,
        7..=12 => 5,
        _ => 6,
    }
}

/// Static features of every token of one paragraph, flat, with per-token ranges.
pub fn static_features(views: &[TokenView], out: &mut Vec<u64>, ranges: &mut Vec<(u32, u32)>) {
    out.clear();
    ranges.clear();
    let n = views.len();
    let lw = |i: isize| -> u64 {
        if i < 0 {
            0xB05
        } else if i as usize >= n {
            0xE05
        } else {
            views[i as usize].lower
        }
    };
    // Nearest cue-like word (cue bucket >= 4) to the left/right within the sentence.
    let mut left: Vec<Option<usize>> = vec![None; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        if last.is_some_and(|l| views[l].sentence != views[i].sentence) {
            last = None;
        }
        left[i] = last;
        if views[i].cue >= 4 {
            last = Some(i);
        }
    }
    let mut right: Vec<Option<usize>> = vec![None; n];
    let mut next: Option<usize> = None;
    for i in (0..n).rev() {
        if next.is_some_and(|l| views[l].sentence != views[i].sentence) {
            next = None;
        }
        right[i] = next;
        if views[i].cue >= 4 {
            next = Some(i);
        }
    }
    let mut sent_start = 0;
    for i in 0..n {
        if i > 0 && views[i].sentence != views[i - 1].sentence {
            sent_start = i;
        }
        let v = &views[i];
        let ii = i as isize;
        let start = out.len() as u32;
        out.push(feat(t::BIAS, 0, 0));
        out.push(feat(t::W, v.lower, 0));
        out.push(feat(t::WM1, lw(ii - 1), 0));
        out.push(feat(t::WP1, lw(ii + 1), 0));
        out.push(feat(t::WM2, lw(ii - 2), 0));
        out.push(feat(t::WP2, lw(ii + 2), 0));
        out.push(feat(t::BI_L, lw(ii - 1), v.lower));
        out.push(feat(t::BI_R, v.lower, lw(ii + 1)));
        out.push(feat(t::SH, v.shape, 0));
        out.push(feat(
            t::SH_CTX,
            views.get(i.wrapping_sub(1)).map_or(0, |x| x.shape),
            v.shape,
        ));
        out.push(feat(t::CUE, v.cue as u64, 0));
        out.push(feat(
            t::CUE_CTX,
            views.get(i.wrapping_sub(1)).map_or(99, |x| x.cue as u64),
            views.get(i + 1).map_or(99, |x| x.cue as u64),
        ));
        out.push(feat(t::MENT, v.mention as u64, 0));
        out.push(feat(
            t::MENT_CTX,
            views
                .get(i.wrapping_sub(1))
                .map_or(99, |x| x.mention as u64),
            views.get(i + 1).map_or(99, |x| x.mention as u64),
        ));
        out.push(feat(t::QUOTED, v.quoted as u64, v.mark as u64));
        let near_l = left[i].map(|l| (dist_bucket(i - l), views[l].lower));
        let near_r = right[i].map(|r| (dist_bucket(r - i), views[r].lower));
        out.push(feat(t::NEAR_L, near_l.map_or(9, |x| x.0), 0));
        out.push(feat(t::NEAR_R, near_r.map_or(9, |x| x.0), 0));
        if let Some((d, w)) = near_l {
            out.push(feat(t::NEAR_LW, w, d.min(2)));
        }
        if let Some((d, w)) = near_r {
            out.push(feat(t::NEAR_RW, w, d.min(2)));
        }
        let pos = (i - sent_start).min(6) as u64;
        out.push(feat(t::POS, pos, v.mention as u64));
        out.push(feat(
            t::SIDE_MENT,
            (near_l.is_some() as u64) * 2 + near_r.is_some() as u64,
            v.mention as u64,
        ));
        out.push(feat(t::SENT_START_L, (i == sent_start) as u64, v.lower));
        ranges.push((start, out.len() as u32));
    }
}

/// History features of token `i` given the labels so far.
#[inline]
fn history_features(views: &[TokenView], i: usize, prev: &[u8], out: &mut [u64; 6]) {
    let p1 = if i > 0 { prev[i - 1] as u64 } else { 99 };
    let p2 = if i > 1 { prev[i - 2] as u64 } else { 99 };
    let v = &views[i];
    out[0] = feat(t::P1, p1, 0);
    out[1] = feat(t::P12, p1, p2);
    out[2] = feat(t::P1_W, p1, v.lower);
    out[3] = feat(t::P1_Q, p1, v.quoted as u64 * 2 + v.mark as u64);
    out[4] = feat(t::P1_CUE, p1, v.cue as u64);
    // Has the paragraph had a content / cue / source so far?
    let seen = prev[..i].iter().fold(0u64, |a, &l| {
        a | match l {
            1 | 2 => 1,
            3 | 4 => 2,
            5 | 6 => 4,
            _ => 0,
        }
    });
    out[5] = feat(t::P1_NEAR, p1, seen);
}

/// Whether label `l` may follow `prev` (an I- label only after its own B- or I-).
#[inline]
pub fn allowed(prev: Option<u8>, l: u8) -> bool {
    if l == 0 || l % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p == l || p == l - 1)
}

/// Row of a feature in a table of `2^bits` rows.
#[inline]
pub fn bucket(f: u64, bits: u32) -> usize {
    (f >> (64 - bits)) as usize
}

/// Anything that scores one feature row (the trained model, or a training table).
pub trait Weights {
    /// Adds feature `f`'s row to `acc`.
    fn add(&self, f: u64, acc: &mut [f32; LABELS]);
}

/// Greedy decoding of one paragraph.
pub fn decode<W: Weights>(
    w: &W,
    views: &[TokenView],
    feats: &[u64],
    ranges: &[(u32, u32)],
) -> Vec<u8> {
    let mut out = Vec::with_capacity(views.len());
    for i in 0..views.len().min(ranges.len()) {
        let (label, _) = predict(w, views, feats, ranges, i, &out);
        out.push(label);
    }
    out
}

/// The label of token `i` given the labels before it (`prev`), and the history features it
/// was scored with (training updates them too).
pub(crate) fn predict<W: Weights>(
    w: &W,
    views: &[TokenView],
    feats: &[u64],
    ranges: &[(u32, u32)],
    i: usize,
    prev: &[u8],
) -> (u8, [u64; 6]) {
    let mut acc = [0f32; LABELS];
    let (a, b) = ranges[i];
    for &f in &feats[a as usize..b as usize] {
        w.add(f, &mut acc);
    }
    let mut hist = [0u64; 6];
    history_features(views, i, prev, &mut hist);
    for &f in &hist {
        w.add(f, &mut acc);
    }
    (best_label(&acc, prev.last().copied()), hist)
}

fn best_label(acc: &[f32; LABELS], prev: Option<u8>) -> u8 {
    let mut best = 0u8;
    let mut score = f32::NEG_INFINITY;
    for (l, &s) in acc.iter().enumerate() {
        if allowed(prev, l as u8) && s > score {
            best = l as u8;
            score = s;
        }
    }
    best
}

impl Weights for Model {
    #[inline]
    fn add(&self, f: u64, acc: &mut [f32; LABELS]) {
        let r = &self.rows[bucket(f, self.bits)];
        for l in 0..LABELS {
            acc[l] += r[l] as f32;
        }
    }
}

/// One attribution found by the tagger (byte spans of the clean text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The content.
    pub content: Span,
    /// The cue, if any.
    pub cue: Option<Span>,
    /// The source, if any.
    pub source: Option<Span>,
}

impl Model {
    /// Wraps trained float weights: quantised to `i16`.
    pub fn from_float(bits: u32, rows: &[[f32; LABELS]], lexicon: HashMap<String, u8>) -> Model {
        let max = rows
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()))
            .max(1e-6);
        let scale = 32000.0 / max;
        let rows = rows
            .iter()
            .map(|r| std::array::from_fn(|l| (r[l] * scale).round() as i16))
            .collect();
        Model {
            bits,
            scale,
            rows,
            lexicon,
        }
    }

    /// The cue lexicon (lower-cased word → cue-rate bucket).
    pub fn lexicon(&self) -> &HashMap<String, u8> {
        &self.lexicon
    }

    /// Serialises the model (gzip).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(b"BYLATT1\n");
        raw.extend_from_slice(&self.bits.to_le_bytes());
        raw.extend_from_slice(&self.scale.to_le_bytes());
        let mut lex: Vec<_> = self.lexicon.iter().collect();
        lex.sort();
        raw.extend_from_slice(&(lex.len() as u32).to_le_bytes());
        for (w, b) in lex {
            raw.extend_from_slice(w.as_bytes());
            raw.push(0);
            raw.push(*b);
        }
        let nonzero: Vec<usize> = (0..self.rows.len())
            .filter(|&r| self.rows[r].iter().any(|&x| x != 0))
            .collect();
        raw.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        for &r in &nonzero {
            raw.extend_from_slice(&(r as u32).to_le_bytes());
        }
        for l in 0..LABELS {
            for &r in &nonzero {
                raw.extend_from_slice(&self.rows[r][l].to_le_bytes());
            }
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw).expect("writing to memory");
        gz.finish().expect("writing to memory")
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| format!("not a gzip model file: {e}"))?;
        let mut r = Reader { b: &raw, at: 0 };
        let (bits, scale) = header(&mut r)?;
        let lexicon = lexicon(&mut r)?;
        let nz = r.u32()? as usize;
        let mut idx = Vec::with_capacity(nz);
        for _ in 0..nz {
            let i = r.u32()? as usize;
            if i >= 1 << bits {
                return Err("row index out of range".into());
            }
            idx.push(i);
        }
        let mut rows = vec![[0i16; LABELS]; 1 << bits];
        #[allow(clippy::needless_range_loop)] // column-major file layout
        for l in 0..LABELS {
            for &i in &idx {
                rows[i][l] = i16::from_le_bytes(r.take(2)?.try_into().expect("2 bytes"));
            }
        }
        Ok(Model {
            bits,
            scale,
            rows,
            lexicon,
        })
    }

    /// Labels every token of the document (`O` outside paragraphs).
    pub fn label(&self, doc: &Document) -> Vec<u8> {
        let views = token_views(doc, &self.lexicon);
        let mut labels = vec![O; doc.tokens.len()];
        let mut feats = Vec::new();
        let mut ranges = Vec::new();
        for p in paragraph_tokens(doc) {
            let v = &views[p.clone()];
            static_features(v, &mut feats, &mut ranges);
            let out = decode(self, v, &feats, &ranges);
            labels[p].copy_from_slice(&out);
        }
        labels
    }

    /// The attributions of a document.
    pub fn tag(&self, doc: &Document) -> Vec<Found> {
        let labels = self.label(doc);
        assemble(doc, &labels)
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        if self.at + n > self.b.len() {
            return Err("truncated model file".into());
        }
        self.at += n;
        Ok(&self.b[self.at - n..self.at])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
}

/// Spans of one role: (first token, last token + 1).
fn runs(labels: &[u8], begin: u8) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == begin {
            let s = i;
            i += 1;
            while i < labels.len() && labels[i] == begin + 1 {
                i += 1;
            }
            out.push((s, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Turns token labels into attributions: each content takes the nearest cue (a cue in another
/// sentence counts as 40 tokens further), and the source nearest to that cue.
pub fn assemble(doc: &Document, labels: &[u8]) -> Vec<Found> {
    let mut out = Vec::new();
    let sent_of = |t: usize| doc.sentence_index(doc.tokens[t].span.start).unwrap_or(0);
    let span_of =
        |(s, e): (usize, usize)| Span::new(doc.tokens[s].span.start, doc.tokens[e - 1].span.end);
    let dist = |a: (usize, usize), b: (usize, usize)| -> usize {
        let gap = if a.1 <= b.0 {
            b.0 - a.1
        } else {
            a.0.saturating_sub(b.1)
        };
        let penalty = if sent_of(a.0) == sent_of(b.0)
            || sent_of(a.1 - 1) == sent_of(b.0)
            || sent_of(a.0) == sent_of(b.1 - 1)
        {
            0
        } else {
            40
        };
        gap + penalty
    };
    for p in paragraph_tokens(doc) {
        let l = &labels[p.clone()];
        let shift = |v: Vec<(usize, usize)>| -> Vec<(usize, usize)> {
            v.into_iter()
                .map(|(s, e)| (s + p.start, e + p.start))
                .collect()
        };
        let cues = shift(runs(l, B_CUE));
        let srcs = shift(runs(l, B_SRC));
        for con in shift(runs(l, B_CON)) {
            let cue = cues
                .iter()
                .copied()
                .filter(|&c| dist(con, c) < 40)
                .min_by_key(|&c| dist(con, c));
            let anchor = cue.unwrap_or(con);
            let src = srcs
                .iter()
                .copied()
                .filter(|&s| dist(anchor, s) < 40)
                .min_by_key(|&s| dist(anchor, s));
            out.push(Found {
                content: span_of(con),
                cue: cue.map(span_of),
                source: src.map(span_of),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transitions() {
        assert!(allowed(None, B_CON));
        assert!(!allowed(None, B_CON + 1));
        assert!(allowed(Some(B_CON), B_CON + 1));
        assert!(!allowed(Some(B_CUE), B_CON + 1));
    }

    #[test]
    fn runs_of_labels() {
        let l = [0, 5, 6, 6, 0, 1, 3, 4, 5];
        assert_eq!(runs(&l, B_CON), vec![(1, 4), (8, 9)]);
        assert_eq!(runs(&l, B_CUE), vec![(5, 6)]);
        assert_eq!(runs(&l, B_SRC), vec![(6, 8)]);
    }

    #[test]
    fn shipped_model_loads() {
        assert!(shipped().lexicon().get("said").is_some_and(|&b| b >= 5));
        // the lexicon read alone is the model's
        assert_eq!(cue_lexicon(), shipped().lexicon());
    }

    #[test]
    fn a_lexicon_longer_than_the_first_prefix_is_read_whole() {
        let rows = vec![[0f32; LABELS]; 1 << 8];
        let lex: HashMap<String, u8> = (0..20_000).map(|i| (format!("word{i:06}"), 3)).collect();
        let m = Model::from_float(8, &rows, lex);
        assert_eq!(read_lexicon(&m.to_bytes()).unwrap(), m.lexicon);
        assert!(read_lexicon(b"junk").is_err());
    }

    #[test]
    fn model_round_trip() {
        let mut rows = vec![[0f32; LABELS]; 1 << 8];
        rows[3][2] = 1.5;
        rows[200][6] = -0.25;
        let lex = HashMap::from([("said".to_string(), 10u8)]);
        let m = Model::from_float(8, &rows, lex);
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.rows, m.rows);
        assert_eq!(back.lexicon()["said"], 10);
        assert!(Model::from_bytes(b"junk").is_err());
    }
}
