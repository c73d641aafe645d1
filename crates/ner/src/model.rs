//! The learned tagger: a greedy left-to-right averaged perceptron over hashed features, in two
//! passes (the second sees the first pass's labels of the same word elsewhere in the document).
//!
//! Training ([`train`]) keeps `f32` weights and the perceptron's running sums; the shipped
//! [`Tagger`] holds the averaged weights quantised to `i16`, conceptually a table of `2^bits`
//! rows of one weight per label per pass; only the non-zero rows are kept (in memory, both
//! passes side by side behind a rank index, see `QTables`; on disk gzip-compressed).

use std::io::{Read, Write};

use crate::conll::{chunks, is_begin, label_type, ConllDoc, Label, N_LABELS, TYPES};
use crate::features::{history, prepare, DocLabels, PreparedSentence};

const MAGIC: &[u8; 8] = b"BYLNER01";

#[inline]
fn bucket(f: u64, bits: u32) -> usize {
    let mut h = f;
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h >> (64 - bits)) as usize
}

/// Something that scores features into a per-label accumulator.
trait Scorer {
    /// Running per-label sums.
    type Acc: Copy;
    /// The empty sums.
    const ZERO: Self::Acc;
    /// Adds feature `f`'s weights.
    fn add(&self, f: u64, acc: &mut Self::Acc);
    /// The sums as scores.
    fn scores(acc: &Self::Acc) -> [f32; N_LABELS];
    /// Appends to `out` the sums of each token's static features, token by token in the order
    /// of its features; `slots` is scratch space.
    fn static_sums(&self, sent: &PreparedSentence, slots: &mut Vec<u32>, out: &mut Vec<Self::Acc>) {
        let _ = slots;
        for &(a, b) in &sent.ranges {
            let mut acc = Self::ZERO;
            for &f in &sent.feats[a as usize..b as usize] {
                self.add(f, &mut acc);
            }
            out.push(acc);
        }
    }
}

/// The quantised weights of both passes: the non-zero rows of two `2^bits`-row tables, side by
/// side (both passes hash the same static features to the same buckets), found through a rank
/// index over a bitset of the buckets with a non-zero row in either pass. The shipped model has
/// about 75k non-zero rows of 2^21 in each pass, 92k buckets in either: 3.3 MB of rows and
/// 384 KB of index instead of two full tables of 38 MB. An absent bucket reads a zero row, so
/// scores are those of the full tables; and one look-up (one cache miss) gives a static
/// feature's weights in both passes.
///
/// Sums are kept in `i32`: a token has at most about 200 features (≤ 180 static, 4 history,
/// 9 document-label), so every partial sum of weights of magnitude ≤ 32767 is an integer below
/// 2^24, which the `f32` sums of the full tables held exactly too: the scores are identical
/// whatever the order of the features.
#[derive(Debug, Clone)]
struct QTables {
    bits: u32,
    /// Number of passes (1 or 2; the second pass's weights are zero in a one-pass model).
    passes: usize,
    /// Bit `j` of word `k`: bucket `64 k + j` has a non-zero row.
    present: Vec<u64>,
    /// Per word of `present`: the number of non-zero rows of the buckets before it.
    ranks: Vec<u32>,
    /// The non-zero rows (both passes) in bucket order, then one zero row (what absent buckets
    /// read).
    rows: Vec<[[i16; N_LABELS]; 2]>,
}

/// One row of one pass.
type QRow = [i16; N_LABELS];

impl QTables {
    /// Builds the tables from the rows of each pass (`(bucket, row)`, buckets strictly
    /// increasing and below `2^bits`; zero rows may be given and are dropped).
    fn from_passes(bits: u32, passes: Vec<Vec<(usize, QRow)>>) -> Result<QTables, String> {
        if !(1..=2).contains(&passes.len()) {
            return Err(format!("bad number of passes {}", passes.len()));
        }
        for rows in &passes {
            let mut last = None;
            for &(b, _) in rows {
                if b >= 1 << bits {
                    return Err("row index out of range".into());
                }
                if last.is_some_and(|l| b <= l) {
                    return Err("row indices not increasing".into());
                }
                last = Some(b);
            }
        }
        // Merge the passes' (sorted) rows by bucket.
        let words = (1usize << bits).div_ceil(64);
        let mut present = vec![0u64; words];
        let most = passes.iter().map(Vec::len).max().unwrap_or(0);
        let mut rows: Vec<[QRow; 2]> = Vec::with_capacity(most + most / 4 + 1);
        let mut at = [0usize; 2];
        let next = |k: usize, at: &[usize; 2]| passes.get(k).and_then(|p| p.get(at[k]));
        loop {
            let b = match (next(0, &at), next(1, &at)) {
                (None, None) => break,
                (Some(x), None) | (None, Some(x)) => x.0,
                (Some(x), Some(y)) => x.0.min(y.0),
            };
            let mut row = [[0; N_LABELS]; 2];
            for (k, r) in row.iter_mut().enumerate() {
                if let Some(&(bk, w)) = next(k, &at) {
                    if bk == b {
                        *r = w;
                        at[k] += 1;
                    }
                }
            }
            if row.iter().flatten().any(|&x| x != 0) {
                present[b >> 6] |= 1 << (b & 63);
                rows.push(row);
            }
        }
        let mut ranks = Vec::with_capacity(words);
        let mut base = 0u32;
        for w in &present {
            ranks.push(base);
            base += w.count_ones();
        }
        rows.push([[0; N_LABELS]; 2]);
        rows.shrink_to_fit();
        Ok(QTables {
            bits,
            passes: passes.len(),
            present,
            ranks,
            rows,
        })
    }

    /// Number of buckets with a non-zero row.
    fn n_nonzero(&self) -> usize {
        self.rows.len() - 1
    }

    /// Where in `rows` the row of bucket `b` is (the final zero row for an absent bucket).
    /// Without a branch: a mispredicted branch on a value still coming from memory would cancel
    /// the other look-ups under way.
    #[inline]
    fn slot(&self, b: usize) -> u32 {
        let word = self.present[b >> 6];
        let rank = self.ranks[b >> 6] + (word & ((1u64 << (b & 63)) - 1)).count_ones();
        // all ones when the bucket is present, else zero
        let hit = 0u32.wrapping_sub(((word >> (b & 63)) & 1) as u32);
        (rank & hit) | (self.n_nonzero() as u32 & !hit)
    }

    /// The row of bucket `b` in both passes (zero for an absent bucket).
    #[inline]
    fn row(&self, b: usize) -> &[QRow; 2] {
        &self.rows[self.slot(b) as usize]
    }

    /// Pass `k`'s non-zero rows with their buckets, in bucket order.
    fn nonzero(&self, k: usize) -> Vec<(usize, &QRow)> {
        let buckets = self.present.iter().enumerate().flat_map(|(j, &word)| {
            (0..64)
                .filter(move |i| word & (1 << i) != 0)
                .map(move |i| j * 64 + i)
        });
        buckets
            .zip(&self.rows)
            .map(|(b, r)| (b, &r[k]))
            .filter(|(_, r)| r.iter().any(|&x| x != 0))
            .collect()
    }

    /// Pass `k` (0 or 1) as a scorer.
    fn pass(&self, k: usize) -> Pass<'_> {
        Pass { t: self, k }
    }

    /// Sets `slots` to the row slots of `feats`, in three sweeps so that many cache misses are
    /// under way at once: the buckets (prefetching their index words), the slots (prefetching
    /// their rows); the caller then reads the rows.
    fn row_slots(&self, feats: &[u64], slots: &mut Vec<u32>) {
        slots.clear();
        slots.extend(feats.iter().map(|&f| {
            let b = bucket(f, self.bits);
            prefetch(&self.present[b >> 6]);
            prefetch(&self.ranks[b >> 6]);
            b as u32
        }));
        for k in slots.iter_mut() {
            *k = self.slot(*k as usize);
            let row = &self.rows[*k as usize];
            prefetch(&row[0][0]);
            prefetch(&row[1][N_LABELS - 1]);
        }
    }

    /// Appends to `out1` and `out2` the sums of each token's static features in the first and
    /// the second pass: one look-up per feature for both (see [`QTables::row_slots`]).
    fn static_sums2(
        &self,
        sent: &PreparedSentence,
        slots: &mut Vec<u32>,
        out1: &mut Vec<[i32; N_LABELS]>,
        out2: &mut Vec<[i32; N_LABELS]>,
    ) {
        self.row_slots(&sent.feats, slots);
        for &(a, b) in &sent.ranges {
            let (mut acc1, mut acc2) = ([0; N_LABELS], [0; N_LABELS]);
            for &k in &slots[a as usize..b as usize] {
                let [r1, r2] = &self.rows[k as usize];
                add_row(&mut acc1, r1);
                add_row(&mut acc2, r2);
            }
            out1.push(acc1);
            out2.push(acc2);
        }
    }
}

/// Asks the processor to bring `x`'s cache line into the caches, without waiting for it.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing into the program and cannot fault, and
    // `x` is a valid reference anyway; SSE is part of the x86_64 baseline.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// One pass of [`QTables`].
#[derive(Debug, Clone, Copy)]
struct Pass<'a> {
    t: &'a QTables,
    k: usize,
}

#[inline]
fn add_row(acc: &mut [i32; N_LABELS], row: &QRow) {
    for (s, &x) in acc.iter_mut().zip(row) {
        *s += x as i32;
    }
}

impl Scorer for Pass<'_> {
    type Acc = [i32; N_LABELS];
    const ZERO: Self::Acc = [0; N_LABELS];

    #[inline]
    fn add(&self, f: u64, acc: &mut Self::Acc) {
        add_row(acc, &self.t.row(bucket(f, self.t.bits))[self.k]);
    }

    #[inline]
    fn scores(acc: &Self::Acc) -> [f32; N_LABELS] {
        acc.map(|x| x as f32)
    }

    /// As [`QTables::static_sums2`], for one pass.
    fn static_sums(&self, sent: &PreparedSentence, slots: &mut Vec<u32>, out: &mut Vec<Self::Acc>) {
        self.t.row_slots(&sent.feats, slots);
        for &(a, b) in &sent.ranges {
            let mut acc = Self::ZERO;
            for &k in &slots[a as usize..b as usize] {
                add_row(&mut acc, &self.t.rows[k as usize][self.k]);
            }
            out.push(acc);
        }
    }
}

/// Float weight table (training and averaged weights).
#[derive(Debug, Clone)]
struct FTable {
    bits: u32,
    w: Vec<[f32; N_LABELS]>,
}

impl Scorer for FTable {
    type Acc = [f32; N_LABELS];
    const ZERO: Self::Acc = [0.0; N_LABELS];

    #[inline]
    fn add(&self, f: u64, scores: &mut Self::Acc) {
        let row = &self.w[bucket(f, self.bits)];
        for (s, &x) in scores.iter_mut().zip(row) {
            *s += x;
        }
    }

    #[inline]
    fn scores(acc: &Self::Acc) -> [f32; N_LABELS] {
        *acc
    }
}

impl FTable {
    fn new(bits: u32) -> FTable {
        FTable {
            bits,
            w: vec![[0.0; N_LABELS]; 1 << bits],
        }
    }

    /// The weights scaled so that the largest is 32000 and rounded, as `(bucket, row)`.
    fn quantise(&self) -> Vec<(usize, QRow)> {
        let max = self
            .w
            .iter()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        self.w
            .iter()
            .enumerate()
            .map(|(b, r)| {
                (
                    b,
                    r.map(|x| (x * scale).round().clamp(-32767.0, 32767.0) as i16),
                )
            })
            .filter(|(_, r)| r.iter().any(|&x| x != 0))
            .collect()
    }
}

/// True when label `l` may follow `prev` (an `I-X` only continues an `X`).
#[inline]
fn allowed(prev: Option<Label>, l: Label) -> bool {
    if l == 0 || is_begin(l) {
        return true;
    }
    prev.is_some_and(|p| label_type(p) == label_type(l))
}

/// Scratch buffers of the decoders.
struct Scratch<A> {
    /// Document-label features of one token.
    buf: Vec<u64>,
    /// Row slots of a sentence's static features.
    slots: Vec<u32>,
    /// Per-token sums of the static (and document-label) features.
    sums: Vec<A>,
    /// Back-pointers of the beam search.
    back: Vec<[(Label, u8); BEAM]>,
}

impl<A> Default for Scratch<A> {
    fn default() -> Self {
        Scratch {
            buf: Vec::new(),
            slots: Vec::new(),
            sums: Vec::new(),
            back: Vec::new(),
        }
    }
}

/// Fills `scratch.sums` with the per-token sums of a sentence's static features, then (when
/// `extra`) of its document-label features, in that order.
fn sentence_sums<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    extra: Option<(&DocLabels, &[Label])>,
    scratch: &mut Scratch<S::Acc>,
) {
    scratch.sums.clear();
    table.static_sums(sent, &mut scratch.slots, &mut scratch.sums);
    add_doc_labels(table, sent, extra, scratch);
}

/// Adds the document-label features of `extra` to `scratch.sums`.
fn add_doc_labels<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    extra: Option<(&DocLabels, &[Label])>,
    scratch: &mut Scratch<S::Acc>,
) {
    if let Some((dl, own)) = extra {
        for (i, acc) in scratch.sums.iter_mut().enumerate() {
            scratch.buf.clear();
            dl.features(&sent.toks[i], own[i], &mut scratch.buf);
            for &f in scratch.buf.iter() {
                table.add(f, acc);
            }
        }
    }
}

/// Greedy decoding of one sentence; `extra` adds the document-label features of the second pass.
/// The static features of all tokens are scored before the label loop (independent look-ups);
/// the features are added in the order of [`score`]: static, history, document labels.
fn decode<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    extra: Option<(&DocLabels, &[Label])>,
    scratch: &mut Scratch<S::Acc>,
    out: &mut Vec<Label>,
) {
    sentence_sums(table, sent, None, scratch);
    greedy(table, sent, extra, scratch, out);
}

/// The label loop of [`decode`], on the static sums already in `scratch.sums`.
fn greedy<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    extra: Option<(&DocLabels, &[Label])>,
    scratch: &mut Scratch<S::Acc>,
    out: &mut Vec<Label>,
) {
    out.clear();
    let Scratch { buf, sums, .. } = scratch;
    let mut hist = [0u64; 4];
    for (i, &acc) in sums.iter().enumerate() {
        let mut acc = acc;
        let p1 = out.last().copied();
        let p2 = i.checked_sub(2).map(|j| out[j]);
        history(&sent.toks[i], p1, p2, &mut hist);
        for &f in hist.iter() {
            table.add(f, &mut acc);
        }
        if let Some((dl, own)) = extra {
            buf.clear();
            dl.features(&sent.toks[i], own[i], buf);
            for &f in buf.iter() {
                table.add(f, &mut acc);
            }
        }
        out.push(argmax(&S::scores(&acc), p1));
    }
}

/// Hypotheses kept by the beam search of the shipped (quantised) tagger.
pub const BEAM: usize = 3;
/// Temperature of the per-token softmax in the beam search, in the quantised weights' units
/// (the largest weight is 32000); tuned on eng.testa (1000–1800 all within 0.05 F1).
const BEAM_TEMP: f32 = 1300.0;

/// Beam search over the labels with locally normalised scores (log-softmax of each token's
/// scores; the model is trained greedily, so raw perceptron scores are not comparable across
/// hypotheses). The static and document features are scored once per token, before the label
/// loop, and are in `scratch.sums`; only the label history differs between hypotheses.
/// Back-pointers, no per-hypothesis label vectors.
fn decode_beam<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    scratch: &mut Scratch<S::Acc>,
    out: &mut Vec<Label>,
) {
    #[derive(Clone, Copy)]
    struct Hyp {
        score: f32,
        p1: Option<Label>,
        p2: Option<Label>,
    }
    out.clear();
    let Scratch { sums, back, .. } = scratch;
    back.clear();
    let n = sent.toks.len();
    let mut beam = [Hyp {
        score: 0.0,
        p1: None,
        p2: None,
    }; BEAM];
    let mut width = 1;
    let mut hist = [0u64; 4];
    // candidates: (score, parent hypothesis, label)
    let mut cand: Vec<(f32, u8, Label)> = Vec::with_capacity(BEAM * N_LABELS);
    for (i, base) in sums.iter().enumerate() {
        cand.clear();
        for (k, h) in beam[..width].iter().enumerate() {
            let mut acc = *base;
            history(&sent.toks[i], h.p1, h.p2, &mut hist);
            for &f in hist.iter() {
                table.add(f, &mut acc);
            }
            let s = S::scores(&acc);
            let mut m = f32::NEG_INFINITY;
            for (l, &x) in s.iter().enumerate() {
                if allowed(h.p1, l as Label) {
                    m = m.max(x);
                }
            }
            let mut z = 0f32;
            for (l, &x) in s.iter().enumerate() {
                if allowed(h.p1, l as Label) {
                    z += ((x - m) / BEAM_TEMP).exp();
                }
            }
            let base_score = h.score - z.ln();
            for (l, &x) in s.iter().enumerate() {
                if allowed(h.p1, l as Label) {
                    cand.push((base_score + (x - m) / BEAM_TEMP, k as u8, l as Label));
                }
            }
        }
        // The best BEAM candidates, best first (ties: earlier parent, then lower label).
        let keep = BEAM.min(cand.len());
        for j in 0..keep {
            let mut best = j;
            for c in j + 1..cand.len() {
                if cand[c].0 > cand[best].0 {
                    best = c;
                }
            }
            cand.swap(j, best);
        }
        let mut row = [(0 as Label, 0u8); BEAM];
        let mut next = beam;
        for j in 0..keep {
            let (sc, k, l) = cand[j];
            row[j] = (l, k);
            next[j] = Hyp {
                score: sc,
                p1: Some(l),
                p2: beam[k as usize].p1,
            };
        }
        beam = next;
        width = keep;
        back.push(row);
    }
    // Follow the back-pointers from the best final hypothesis.
    out.resize(n, 0);
    let mut k = 0usize;
    for i in (0..n).rev() {
        let (l, parent) = back[i][k];
        out[i] = l;
        k = parent as usize;
    }
}

#[inline]
fn score<S: Scorer>(
    table: &S,
    sent: &PreparedSentence,
    i: usize,
    prev: &[Label],
    extra: Option<(&DocLabels, &[Label])>,
    hist: &mut [u64; 4],
    buf: &mut Vec<u64>,
) -> [f32; N_LABELS] {
    let mut scores = S::ZERO;
    let (a, b) = sent.ranges[i];
    for &f in &sent.feats[a as usize..b as usize] {
        table.add(f, &mut scores);
    }
    let p1 = i.checked_sub(1).map(|j| prev[j]);
    let p2 = i.checked_sub(2).map(|j| prev[j]);
    history(&sent.toks[i], p1, p2, hist);
    for &f in hist.iter() {
        table.add(f, &mut scores);
    }
    if let Some((dl, own)) = extra {
        buf.clear();
        dl.features(&sent.toks[i], own[i], buf);
        for &f in buf.iter() {
            table.add(f, &mut scores);
        }
    }
    S::scores(&scores)
}

#[inline]
fn argmax(scores: &[f32; N_LABELS], prev: Option<Label>) -> Label {
    let mut best = 0;
    let mut bs = f32::NEG_INFINITY;
    for (l, &s) in scores.iter().enumerate() {
        if s > bs && allowed(prev, l as Label) {
            bs = s;
            best = l as Label;
        }
    }
    best
}

/// A trained tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    weights: QTables,
}

/// Greedy tagging of a document's sentences with one table.
fn tag_greedy<S: Scorer>(t: &S, sents: &[PreparedSentence]) -> Vec<Vec<Label>> {
    let mut scratch = Scratch::default();
    sents
        .iter()
        .map(|s| {
            let mut out = Vec::with_capacity(s.toks.len());
            decode(t, s, None, &mut scratch, &mut out);
            out
        })
        .collect()
}

impl Tagger {
    /// Tags a document given as sentences of tokens; returns BIO labels per sentence. The first
    /// pass is greedy (it only feeds the document-label counts; beam search there gained 0.01
    /// F1 on eng.testa for a third of the speed), the second a beam search. Both passes' static
    /// features are scored in the first pass, one look-up for both.
    pub fn tag_document(&self, doc: &[Vec<&str>]) -> Vec<Vec<Label>> {
        let sents = prepare(doc);
        let p1 = self.weights.pass(0);
        if !self.two_pass() {
            return tag_greedy(&p1, &sents);
        }
        let mut scratch = Scratch::default();
        let mut second = Vec::with_capacity(sents.len());
        let first: Vec<Vec<Label>> = sents
            .iter()
            .map(|s| {
                scratch.sums.clear();
                let mut sums2 = Vec::with_capacity(s.toks.len());
                let w = &self.weights;
                w.static_sums2(s, &mut scratch.slots, &mut scratch.sums, &mut sums2);
                second.push(sums2);
                let mut out = Vec::with_capacity(s.toks.len());
                greedy(&p1, s, None, &mut scratch, &mut out);
                out
            })
            .collect();
        let p2 = self.weights.pass(1);
        let dl = DocLabels::new(&sents, &first);
        sents
            .iter()
            .zip(&first)
            .zip(second)
            .map(|((s, own), sums2)| {
                scratch.sums = sums2;
                add_doc_labels(&p2, s, Some((&dl, own.as_slice())), &mut scratch);
                let mut out = Vec::with_capacity(s.toks.len());
                decode_beam(&p2, s, &mut scratch, &mut out);
                out
            })
            .collect()
    }

    /// True when the tagger has the document-level second pass.
    pub fn two_pass(&self) -> bool {
        self.weights.passes == 2
    }

    /// Serialises the tagger (gzip-compressed; only non-zero rows are stored).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&self.weights.bits.to_le_bytes());
        raw.push(N_LABELS as u8);
        raw.push(self.weights.passes as u8);
        for k in 0..self.weights.passes {
            let nz = self.weights.nonzero(k);
            raw.extend_from_slice(&(nz.len() as u32).to_le_bytes());
            let mut last = 0usize;
            for &(i, _) in &nz {
                write_varint(&mut raw, (i - last) as u64);
                last = i;
            }
            // Column-major: label by label, which compresses better.
            for l in 0..N_LABELS {
                for (_, row) in &nz {
                    raw.extend_from_slice(&row[l].to_le_bytes());
                }
            }
        }
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&raw).expect("writing to memory");
        enc.finish().expect("writing to memory")
    }

    /// Reads a tagger written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| format!("not a gzip-compressed byline NER model: {e}"))?;
        let mut r = Reader { b: &raw, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a byline NER model (bad magic)".into());
        }
        let bits = u32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "truncated")?);
        if !(8..=26).contains(&bits) {
            return Err(format!("bad table size 2^{bits}"));
        }
        if r.take(1)?[0] as usize != N_LABELS {
            return Err("model has a different label set".into());
        }
        let n_stages = r.take(1)?[0];
        if !(1..=2).contains(&n_stages) {
            return Err(format!("bad number of passes {n_stages}"));
        }
        let mut tables = Vec::new();
        for _ in 0..n_stages {
            let n = u32::from_le_bytes(r.take(4)?.try_into().map_err(|_| "truncated")?) as usize;
            if n > 1 << bits || n > r.b.len() {
                return Err("truncated model".into());
            }
            let mut idx = Vec::with_capacity(n);
            let mut last = 0usize;
            for _ in 0..n {
                last = last.saturating_add(r.varint()? as usize);
                idx.push(last);
            }
            let mut rows = vec![[0i16; N_LABELS]; n];
            for l in 0..N_LABELS {
                let col = r.take(2 * n)?;
                for (row, x) in rows.iter_mut().zip(col.chunks_exact(2)) {
                    row[l] = i16::from_le_bytes([x[0], x[1]]);
                }
            }
            tables.push(idx.into_iter().zip(rows).collect());
        }
        Ok(Tagger {
            weights: QTables::from_passes(bits, tables)?,
        })
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).ok_or("truncated model")?;
        let s = self.b.get(self.at..end).ok_or("truncated model")?;
        self.at = end;
        Ok(s)
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Entity-level counts for P/R/F1, per type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// `(correct, predicted, gold)` per type, in [`TYPES`] order.
    pub per_type: [(usize, usize, usize); 4],
    /// Tokens scored.
    pub tokens: usize,
    /// Tokens with the right label (BIO).
    pub correct_tokens: usize,
}

impl Scores {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[Label], pred: &[Label]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for &(t, _, _) in &g {
            self.per_type[t].2 += 1;
        }
        for c in &p {
            self.per_type[c.0].1 += 1;
            if g.contains(c) {
                self.per_type[c.0].0 += 1;
            }
        }
        self.tokens += gold.len();
        self.correct_tokens += gold.iter().zip(pred).filter(|(a, b)| a == b).count();
    }

    /// Overall `(correct, predicted, gold)`.
    pub fn total(&self) -> (usize, usize, usize) {
        self.per_type
            .iter()
            .fold((0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }

    /// Precision, recall and F1 (percent) of counts.
    pub fn prf(c: (usize, usize, usize)) -> (f64, f64, f64) {
        let p = if c.1 > 0 {
            100.0 * c.0 as f64 / c.1 as f64
        } else {
            0.0
        };
        let r = if c.2 > 0 {
            100.0 * c.0 as f64 / c.2 as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }

    /// Overall entity F1 (percent).
    pub fn f1(&self) -> f64 {
        Scores::prf(self.total()).2
    }

    /// conlleval-style table.
    pub fn report(&self) -> String {
        let (c, p, g) = self.total();
        let (pr, re, f) = Scores::prf((c, p, g));
        let mut s = format!(
            "processed {} tokens with {g} phrases; found: {p} phrases; correct: {c}.\naccuracy: {:6.2}%; precision: {pr:6.2}%; recall: {re:6.2}%; FB1: {f:6.2}\n",
            self.tokens,
            100.0 * self.correct_tokens as f64 / self.tokens.max(1) as f64
        );
        for (t, name) in TYPES.iter().enumerate() {
            let (pr, re, f) = Scores::prf(self.per_type[t]);
            s += &format!(
                "{name:>17}: precision: {pr:6.2}%; recall: {re:6.2}%; FB1: {f:6.2}  {}\n",
                self.per_type[t].1
            );
        }
        s
    }
}

/// Scores a tagger on labelled documents.
pub fn evaluate(tagger: &Tagger, docs: &[ConllDoc]) -> Scores {
    let mut sc = Scores::default();
    for d in docs {
        let words = doc_words(d);
        let pred = tagger.tag_document(&words);
        for (s, p) in d.sentences.iter().zip(&pred) {
            sc.add(&s.labels, p);
        }
    }
    sc
}

/// A document's tokens as `&str` sentences.
pub fn doc_words(d: &ConllDoc) -> Vec<Vec<&str>> {
    d.sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data (the best epoch on the dev set is kept when there is one).
    pub epochs: usize,
    /// Seed of the sentence shuffling.
    pub seed: u64,
    /// log2 of the weight table's rows.
    pub bits: u32,
    /// Train the document-level second pass (on jackknifed first-pass labels).
    pub two_pass: bool,
    /// Folds for the jackknife.
    pub folds: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            seed: 1,
            bits: 21,
            two_pass: true,
            folds: 5,
        }
    }
}

struct Prepared {
    sents: Vec<Vec<PreparedSentence>>,
    gold: Vec<Vec<Vec<Label>>>,
}

fn prepare_docs(docs: &[ConllDoc]) -> Prepared {
    Prepared {
        sents: docs.iter().map(|d| prepare(&doc_words(d))).collect(),
        gold: docs
            .iter()
            .map(|d| d.sentences.iter().map(|s| s.labels.clone()).collect())
            .collect(),
    }
}

/// xorshift64*: a small deterministic generator for shuffling.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

/// First-pass labels and aggregated document labels, per document (second pass input).
type Extra = Vec<DocExtra>;
/// One document's second-pass input.
type DocExtra = (DocLabels, Vec<Vec<Label>>);

/// Trains one pass; returns the averaged weights of the best epoch on `dev` (or the last).
#[allow(clippy::too_many_arguments)]
fn train_pass(
    data: &Prepared,
    docs: &[usize],
    extra: Option<&Extra>,
    dev: Option<(&Prepared, Option<&Extra>)>,
    epochs: usize,
    seed: u64,
    bits: u32,
    log: &(dyn Fn(&str) + Sync),
) -> (FTable, usize) {
    let mut w = FTable::new(bits);
    let mut u: Vec<[f64; N_LABELS]> = vec![[0.0; N_LABELS]; 1 << bits];
    let mut c = 1f64;
    let mut order: Vec<(usize, usize)> = docs
        .iter()
        .flat_map(|&d| (0..data.sents[d].len()).map(move |s| (d, s)))
        .collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut best: Option<(f64, FTable, usize)> = None;
    let mut hist = [0u64; 4];
    let mut buf = Vec::new();
    let mut fs: Vec<u64> = Vec::new();
    let mut pred: Vec<Label> = Vec::new();
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &(d, s) in &order {
            let sent = &data.sents[d][s];
            let gold = &data.gold[d][s];
            let ex = extra.map(|e| (&e[d].0, e[d].1[s].as_slice()));
            pred.clear();
            for i in 0..sent.toks.len() {
                let scores = score(&w, sent, i, &pred, ex, &mut hist, &mut buf);
                let guess = argmax(&scores, pred.last().copied());
                let truth = gold[i];
                if guess != truth {
                    errors += 1;
                    let (a, b) = sent.ranges[i];
                    fs.clear();
                    fs.extend_from_slice(&sent.feats[a as usize..b as usize]);
                    fs.extend_from_slice(&hist);
                    if let Some((dl, own)) = ex {
                        dl.features(&sent.toks[i], own[i], &mut fs);
                    }
                    for &f in &fs {
                        let r = bucket(f, bits);
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
        // Averaged weights: w - u / c.
        let avg = FTable {
            bits,
            w: w.w
                .iter()
                .zip(&u)
                .map(|(wr, ur)| std::array::from_fn(|l| (wr[l] as f64 - ur[l] / c) as f32))
                .collect(),
        };
        match dev {
            Some((dv, dex)) => {
                let f = score_prepared(&avg, dv, dex);
                log(&format!(
                    "  epoch {epoch}: {errors} token errors, dev F1 {f:.2}"
                ));
                if best.as_ref().is_none_or(|b| f > b.0) {
                    best = Some((f, avg, epoch));
                }
            }
            None => {
                log(&format!("  epoch {epoch}: {errors} token errors"));
                best = Some((0.0, avg, epoch));
            }
        }
    }
    let (_, t, e) = best.expect("at least one epoch");
    (t, e)
}

fn score_prepared<S: Scorer>(t: &S, dv: &Prepared, dex: Option<&Extra>) -> f64 {
    let mut sc = Scores::default();
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for d in 0..dv.sents.len() {
        for (s, sent) in dv.sents[d].iter().enumerate() {
            let ex = dex.map(|e| (&e[d].0, e[d].1[s].as_slice()));
            decode(t, sent, ex, &mut scratch, &mut out);
            sc.add(&dv.gold[d][s], &out);
        }
    }
    sc.f1()
}

fn first_pass_extra<S: Scorer>(
    t: &S,
    data: &Prepared,
    docs: &[usize],
    into: &mut [Option<DocExtra>],
) {
    for &d in docs {
        let labels = tag_greedy(t, &data.sents[d]);
        into[d] = Some((DocLabels::new(&data.sents[d], &labels), labels));
    }
}

/// Trains a tagger. `log` receives progress lines. Deterministic for a given config.
pub fn train(
    train_docs: &[ConllDoc],
    dev_docs: Option<&[ConllDoc]>,
    cfg: &TrainConfig,
    log: &(dyn Fn(&str) + Sync),
) -> Result<Tagger, String> {
    if train_docs
        .iter()
        .all(|d| d.sentences.iter().all(|s| s.labels.is_empty()))
    {
        return Err("training data has no tags".into());
    }
    let data = prepare_docs(train_docs);
    let dev = dev_docs.map(prepare_docs);
    let all: Vec<usize> = (0..train_docs.len()).collect();
    log("pass 1");
    let (s1, best_epoch) = train_pass(
        &data,
        &all,
        None,
        dev.as_ref().map(|d| (d, None)),
        cfg.epochs,
        cfg.seed,
        cfg.bits,
        log,
    );
    if !cfg.two_pass {
        return Ok(Tagger {
            weights: QTables::from_passes(cfg.bits, vec![s1.quantise()])?,
        });
    }
    // Jackknife: first-pass labels of each training fold from a model trained without it.
    let folds = cfg.folds.clamp(2, train_docs.len().max(2));
    let fold_docs: Vec<Vec<usize>> = (0..folds)
        .map(|k| all.iter().copied().filter(|d| d % folds == k).collect())
        .collect();
    use rayon::prelude::*;
    let parts: Vec<Vec<(usize, DocExtra)>> = fold_docs
        .par_iter()
        .enumerate()
        .map(|(k, held)| {
            let rest: Vec<usize> = all.iter().copied().filter(|d| d % folds != k).collect();
            let quiet = |_: &str| {};
            let (t, _) = train_pass(
                &data,
                &rest,
                None,
                None,
                best_epoch,
                cfg.seed + k as u64 + 1,
                cfg.bits,
                &quiet,
            );
            let mut into: Vec<Option<DocExtra>> = (0..data.sents.len()).map(|_| None).collect();
            first_pass_extra(&t, &data, held, &mut into);
            log(&format!("  jackknife fold {} of {folds} done", k + 1));
            held.iter()
                .map(|&d| (d, into[d].take().expect("tagged")))
                .collect()
        })
        .collect();
    let mut slots: Vec<Option<DocExtra>> = (0..data.sents.len()).map(|_| None).collect();
    for (d, e) in parts.into_iter().flatten() {
        slots[d] = Some(e);
    }
    let extra: Extra = slots
        .into_iter()
        .map(|e| e.expect("every fold tagged"))
        .collect();
    let dev_extra: Option<Extra> = dev.as_ref().map(|dv| {
        let docs: Vec<usize> = (0..dv.sents.len()).collect();
        let mut into: Vec<Option<_>> = (0..dv.sents.len()).map(|_| None).collect();
        first_pass_extra(&s1, dv, &docs, &mut into);
        into.into_iter().map(|e| e.expect("tagged")).collect()
    });
    log("pass 2");
    let (s2, _) = train_pass(
        &data,
        &all,
        Some(&extra),
        dev.as_ref().map(|d| (d, dev_extra.as_ref())),
        cfg.epochs,
        cfg.seed.wrapping_add(101),
        cfg.bits,
        log,
    );
    Ok(Tagger {
        weights: QTables::from_passes(cfg.bits, vec![s1.quantise(), s2.quantise()])?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::parse;

    const TINY: &str = "\
-DOCSTART- -X- O O

Angela NNP B-PER
Merkel NNP I-PER
visited VBD O
Paris NNP B-LOC
. . O

The DT O
Acme NNP B-ORG
Corporation NNP I-ORG
hired VBD O
Bob NNP B-PER
Jones NNP I-PER
in IN O
Madrid NNP B-LOC
. . O

-DOCSTART- -X- O O

Oxfam NNP B-ORG
praised VBD O
the DT O
Olympic NNP B-MISC
Games NNPS I-MISC
in IN O
Rome NNP B-LOC
. . O

Merkel NNP B-PER
said VBD O
Paris NNP B-LOC
was VBD O
ready JJ O
. . O
";

    #[test]
    fn tiny_model_overfits() {
        let docs = parse(TINY, true).unwrap();
        for two_pass in [false, true] {
            let cfg = TrainConfig {
                epochs: 10,
                seed: 7,
                bits: 14,
                two_pass,
                folds: 2,
            };
            let t = train(&docs, None, &cfg, &|_| {}).unwrap();
            let sc = evaluate(&t, &docs);
            assert_eq!(sc.f1(), 100.0, "{}", sc.report());
            // Round trip through the file format.
            let t2 = Tagger::from_bytes(&t.to_bytes()).unwrap();
            assert_eq!(evaluate(&t2, &docs), sc);
            assert_eq!(t2.two_pass(), two_pass);
        }
    }

    #[test]
    fn training_is_deterministic() {
        let docs = parse(TINY, true).unwrap();
        let cfg = TrainConfig {
            epochs: 3,
            bits: 12,
            ..Default::default()
        };
        let a = train(&docs, None, &cfg, &|_| {}).unwrap().to_bytes();
        let b = train(&docs, None, &cfg, &|_| {}).unwrap().to_bytes();
        assert_eq!(a, b);
    }

    #[test]
    fn decoding_respects_bio() {
        // A table that always prefers I-PER still cannot start a sentence with it.
        let mut t = FTable::new(8);
        for r in t.w.iter_mut() {
            r[2] = 1.0;
            r[1] = 0.5;
        }
        let sent = &prepare(&[vec!["a", "b", "c"]])[0];
        let mut out = Vec::new();
        decode(&t, sent, None, &mut Scratch::default(), &mut out);
        assert_eq!(out, [1, 2, 2]);
        // The beam's temperature is in the quantised weights' units.
        for r in t.w.iter_mut() {
            r[2] = 1000.0;
            r[1] = 500.0;
        }
        let mut scratch = Scratch::default();
        sentence_sums(&t, sent, None, &mut scratch);
        decode_beam(&t, sent, &mut scratch, &mut out);
        assert_eq!(out, [1, 2, 2]);
        assert!(allowed(Some(1), 2) && !allowed(Some(3), 2) && !allowed(None, 4));
    }

    #[test]
    fn compact_tables_match_the_full_tables() {
        // Two full tables with about one row in eight non-zero, in runs and alone.
        let bits = 12;
        let mut rng = Rng(12345);
        let mut full = |run: std::ops::Range<usize>| -> Vec<QRow> {
            (0..1usize << bits)
                .map(|b| {
                    if rng.next().is_multiple_of(8) || run.contains(&b) {
                        std::array::from_fn(|_| (rng.next() % 65535) as i16)
                    } else {
                        [0; N_LABELS]
                    }
                })
                .collect()
        };
        let full = [full(100..140), full(130..150)];
        let rows =
            |k: usize| -> Vec<(usize, QRow)> { full[k].iter().copied().enumerate().collect() };
        let t = QTables::from_passes(bits, vec![rows(0), rows(1)]).unwrap();
        let nonzero = |k: usize| -> Vec<(usize, QRow)> {
            rows(k)
                .into_iter()
                .filter(|(_, r)| r.iter().any(|&x| x != 0))
                .collect()
        };
        for (k, full) in full.iter().enumerate() {
            for (b, r) in full.iter().enumerate() {
                assert_eq!(&t.row(b)[k], r, "pass {k} bucket {b}");
            }
            // The non-zero rows come back in bucket order.
            let back: Vec<(usize, QRow)> = t.nonzero(k).into_iter().map(|(b, r)| (b, *r)).collect();
            assert_eq!(back, nonzero(k));
            // Scores of hashed features equal the full table's f32 sums.
            for f in 0..3000u64 {
                let mut acc = Pass::ZERO;
                let mut want = [0f32; N_LABELS];
                for g in [f, f.wrapping_mul(31), !f] {
                    t.pass(k).add(g, &mut acc);
                    for (w, &x) in want.iter_mut().zip(&full[bucket(g, bits)]) {
                        *w += x as f32;
                    }
                }
                assert_eq!(Pass::scores(&acc), want);
            }
        }
        // Static sums of both passes at once are those of each pass alone, feature by feature.
        let sents = prepare(&[vec!["Angela", "Merkel", "visited", "Paris", "."]]);
        let (mut out1, mut out2, mut slots) = (Vec::new(), Vec::new(), Vec::new());
        t.static_sums2(&sents[0], &mut slots, &mut out1, &mut out2);
        for (k, out) in [out1, out2].iter().enumerate() {
            let mut one = Vec::new();
            t.pass(k).static_sums(&sents[0], &mut slots, &mut one);
            assert_eq!(&one, out);
            for (i, &(a, b)) in sents[0].ranges.iter().enumerate() {
                let mut acc = Pass::ZERO;
                for &f in &sents[0].feats[a as usize..b as usize] {
                    t.pass(k).add(f, &mut acc);
                }
                assert_eq!(acc, out[i]);
            }
        }
        // A one-pass table; bad rows are errors.
        let one = QTables::from_passes(bits, vec![rows(0)]).unwrap();
        assert_eq!(one.passes, 1);
        assert_eq!(one.n_nonzero(), nonzero(0).len());
        let row = [1; N_LABELS];
        assert!(QTables::from_passes(bits, vec![vec![(5, row), (5, row)]]).is_err());
        assert!(QTables::from_passes(bits, vec![vec![(6, row), (5, row)]]).is_err());
        assert!(QTables::from_passes(bits, vec![vec![(1 << bits, row)]]).is_err());
        assert!(QTables::from_passes(bits, vec![]).is_err());
    }

    #[test]
    fn bad_model_bytes_are_errors() {
        assert!(Tagger::from_bytes(b"junk").is_err());
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"BYLNER01\x10\x00\x00\x00\x09\x01\xff\xff\xff\xff")
            .unwrap();
        assert!(Tagger::from_bytes(&enc.finish().unwrap()).is_err());
    }
}
