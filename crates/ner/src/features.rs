//! Feature extraction for the learned tagger.
//!
//! Every feature is a 64-bit hash of a template id and its values; the model maps it to a row
//! of a fixed-size weight table (feature hashing), so no feature dictionary is stored. Three kinds:
//!
//! - **static** features of a token in its sentence ([`prepare`]): word, lower-cased word, shape,
//!   prefixes and suffixes 1–4, neighbouring words and shapes at ±1/±2, word-pair conjunctions,
//!   sentence position, all-caps (headline) sentences, gazetteer hits from `byline-lexicon`
//!   (honorific, first name, country, demonym, place, known organisation, common word, and
//!   multi-word place/organisation names) for the token and its neighbours, and label-free
//!   document context (the word is seen lower-case elsewhere in the document, or capitalised
//!   away from the start of a sentence);
//! - **history** features ([`history`]): the two previous predicted labels, alone and with the
//!   word and shape;
//! - **document-label** features ([`DocLabels`]): for the second pass, the entity types the
//!   first pass gave to other occurrences of the same word in the document (Ratinov & Roth 2009).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use byline_lexicon::{orgs, people, places, words};

use crate::conll::{label_type, Label, N_LABELS, TYPES};
use crate::{clusters, gazetteer};

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// A fast, deterministic hasher for the tagger's string-keyed maps (FxHash's mixing, eight
/// bytes at a time, and a finaliser): the maps are only looked up, never iterated, so the
/// hasher changes speed only. Not resistant to crafted collisions, which cost time, not
/// correctness.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FastHasher {
    /// Ends with a full avalanche (MurmurHash3's finaliser): the multiply-rotate steps alone
    /// leave the low bits, which pick the hash table's bucket, depending on a few input bits.
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }
    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.add(x as u64);
    }
    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.add(x as u64);
    }
}

/// Builds [`FastHasher`]s.
pub type FastBuild = std::hash::BuildHasherDefault<FastHasher>;
/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;

/// Mixes one value into a hash.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(K).rotate_left(27) ^ (h >> 17)
}

/// Hash of a string.
#[inline]
pub fn hash_str(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h
}

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(mix(t.wrapping_mul(0xff51_afd7_ed55_8ccd), a), 1)
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(t.wrapping_mul(0xff51_afd7_ed55_8ccd), a), b), 2)
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(
        mix(mix(mix(t.wrapping_mul(0xff51_afd7_ed55_8ccd), a), b), c),
        3,
    )
}

// Gazetteer flags.
const G_HON: u32 = 1;
const G_FIRST: u32 = 1 << 1;
const G_COUNTRY: u32 = 1 << 2;
const G_DEMONYM: u32 = 1 << 3;
const G_PLACE: u32 = 1 << 4;
const G_ORG: u32 = 1 << 5;
const G_COMMON: u32 = 1 << 6;
const G_MW_PLACE: u32 = 1 << 7;
const G_MW_ORG: u32 = 1 << 8;
const G_ORG_SUFFIX: u32 = 1 << 9;
const G_PLACE_SUFFIX: u32 = 1 << 10;
/// The registry gazetteer's classes ([`gazetteer::CLASSES`]) start at this bit.
const G_REGISTRY: u32 = 11;
const G_MW_REGISTRY: u32 = 1 << 24;
const N_GAZ: u32 = 25;

/// What the extractor knows of one token.
#[derive(Debug, Clone, Default)]
pub struct Tok {
    /// Hash of the word as written.
    pub word: u64,
    /// Hash of the lower-cased word.
    pub lower: u64,
    /// Hash of the compressed shape ("Xx", "X.X.", "d").
    pub shape: u64,
    /// Gazetteer flags.
    pub gaz: u32,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// The lower-cased word (key for document features), shared by the word's tokens.
    pub key: Arc<str>,
    /// Word clusters at three granularities (`u16::MAX`: unknown word).
    pub clusters: [u16; 3],
    /// GloVe clusters of the lower-cased word at three granularities (`u16::MAX`: unknown).
    pub glove: [u16; 3],
}

/// The characters of a word's shape: upper → X, lower → x, digit → d, other kept; `short`
/// collapses repeats, else the shape stops after 8 characters.
fn shape_chars(word: &str, short: bool) -> impl Iterator<Item = char> + '_ {
    let mut last = '\0';
    word.chars()
        .enumerate()
        .take_while(move |&(n, _)| short || n < 8)
        .map(|(_, c)| {
            if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else {
                c
            }
        })
        .filter(move |&m| {
            let keep = !(short && m == last);
            last = m;
            keep
        })
}

/// Word shape: upper → X, lower → x, digit → d, other kept; `short` collapses repeats.
pub fn shape(word: &str, short: bool) -> String {
    shape_chars(word, short).collect()
}

/// `hash_str(&shape(word, short))` without building the string.
pub fn shape_hash(word: &str, short: bool) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut utf8 = [0u8; 4];
    for m in shape_chars(word, short) {
        for &b in m.encode_utf8(&mut utf8).as_bytes() {
            h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

/// True when a sentence is written in capitals (a CoNLL headline or dateline): every token
/// with letters has no lower-case letter, and at least two tokens have letters.
pub fn is_caps_sentence(words: &[&str]) -> bool {
    let mut lettered = 0;
    for w in words {
        if w.chars().any(|c| c.is_alphabetic()) {
            if w.chars().any(|c| c.is_lowercase()) {
                return false;
            }
            lettered += 1;
        }
    }
    lettered >= 2
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn gaz_flags(w: &str) -> u32 {
    let mut g = 0;
    let first_upper = w.chars().next().is_some_and(|c| c.is_uppercase());
    if people::honorific(w).is_some() || people::honorific(w.trim_end_matches('.')).is_some() {
        g |= G_HON;
    }
    if first_upper {
        if people::first_name(w).is_some() {
            g |= G_FIRST;
        }
        if places::country(w).is_some() {
            g |= G_COUNTRY;
        }
        if places::demonym(w).is_some() {
            g |= G_DEMONYM;
        }
        if places::is_place(w) {
            g |= G_PLACE;
        }
        if orgs::known(w).is_some() {
            g |= G_ORG;
        }
        if orgs::is_org_suffix(w) {
            g |= G_ORG_SUFFIX;
        }
        if places::is_place_suffix(w) {
            g |= G_PLACE_SUFFIX;
        }
        g |= (gazetteer::lookup(w) as u32) << G_REGISTRY;
    }
    if w.chars().all(|c| c.is_alphabetic()) && words::is_common(w) {
        g |= G_COMMON;
    }
    g
}

/// One sentence made ready for decoding: token facts and the static features of each token.
#[derive(Debug, Clone, Default)]
pub struct PreparedSentence {
    /// Token facts.
    pub toks: Vec<Tok>,
    /// Static features of all tokens, flat.
    pub feats: Vec<u64>,
    /// `feats[ranges[i].0..ranges[i].1]` are token i's.
    pub ranges: Vec<(u32, u32)>,
}

/// Feature templates (ids mixed into each hash).
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const LSHAPE: u64 = 5;
    pub const PREF: u64 = 6;
    pub const SUF: u64 = 7;
    pub const W_M1: u64 = 8;
    pub const W_P1: u64 = 9;
    pub const W_M2: u64 = 10;
    pub const W_P2: u64 = 11;
    pub const S_M1: u64 = 12;
    pub const S_P1: u64 = 13;
    pub const S_M2: u64 = 14;
    pub const S_P2: u64 = 15;
    pub const S_M1_0: u64 = 16;
    pub const S_0_P1: u64 = 17;
    pub const W_M1_0: u64 = 18;
    pub const W_0_P1: u64 = 19;
    pub const FIRST: u64 = 20;
    pub const CAPS: u64 = 21;
    pub const GAZ: u64 = 22;
    pub const GAZ_M1: u64 = 23;
    pub const GAZ_P1: u64 = 24;
    pub const DOC_LOWER: u64 = 25;
    pub const DOC_CAPMID: u64 = 26;
    pub const P1: u64 = 27;
    pub const P12: u64 = 28;
    pub const P1_W: u64 = 29;
    pub const P1_S: u64 = 30;
    pub const DOC_LBL: u64 = 31;
    pub const DOC_MAJ: u64 = 32;
    pub const DOC_LBL_S: u64 = 33;
    pub const S_M1_0_P1: u64 = 34;
    pub const LAST: u64 = 35;
    pub const GAZ_M2: u64 = 36;
    pub const GAZ_P2: u64 = 37;
    pub const CAPS_S: u64 = 38;
    pub const DOC_CAPMID_S: u64 = 39;
    pub const LOWER_P1_CAP: u64 = 40;
    pub const CL0: u64 = 41;
    pub const CL_M1: u64 = 42;
    pub const CL_P1: u64 = 43;
    pub const GL0: u64 = 44;
    pub const GL_M1: u64 = 45;
    pub const GL_P1: u64 = 46;
    pub const GL_M2: u64 = 47;
    pub const GL_P2: u64 = 48;
    pub const GL_SHAPE: u64 = 49;
}

const BOS: u64 = 0xB05;
const EOS: u64 = 0xE05;

/// What the static features need of a word besides its context: computed once per distinct
/// word (and sentence case) of a document.
#[derive(Debug, Clone)]
struct WordFacts {
    tok: Tok,
    /// Hash of the long shape.
    lshape: u64,
    /// Prefix and suffix features of the lower-cased word (`n_affix` of them).
    affix: [u64; 8],
    n_affix: u8,
}

fn word_facts(w: &str, caps: bool) -> WordFacts {
    let key = w.to_lowercase();
    let look = if caps {
        std::borrow::Cow::Owned(title_case(w))
    } else {
        std::borrow::Cow::Borrowed(w)
    };
    // Prefixes and suffixes of the lower-cased word, 1-4 characters.
    let mut affix = [0u64; 8];
    let mut n_affix = 0;
    let len = key.chars().count();
    let mut h = 0u64;
    for (k, c) in key.chars().take(4).enumerate() {
        h = mix(h, c as u64);
        if k + 1 < len {
            affix[n_affix] = f2(t::PREF, k as u64, h);
            n_affix += 1;
        }
    }
    let mut h = 0u64;
    for (k, c) in key.chars().rev().take(4).enumerate() {
        h = mix(h, c as u64);
        if k + 1 < len {
            affix[n_affix] = f2(t::SUF, k as u64, h);
            n_affix += 1;
        }
    }
    WordFacts {
        tok: Tok {
            word: hash_str(w),
            lower: hash_str(&key),
            shape: shape_hash(w, true),
            gaz: gaz_flags(&look),
            cap: w.chars().next().is_some_and(|c| c.is_uppercase()),
            clusters: clusters::lookup(w).unwrap_or([u16::MAX; 3]),
            glove: clusters::glove(&key).unwrap_or([u16::MAX; 3]),
            key: key.into(),
        },
        lshape: shape_hash(w, false),
        affix,
        n_affix: n_affix as u8,
    }
}

/// Distinct words (per sentence case) whose facts a thread keeps between documents; the cache
/// is emptied when it is full.
const FACTS_CACHE: usize = 1 << 16;

thread_local! {
    /// Facts of the words this thread has seen, by sentence case (`[plain, all-caps]`): a word's
    /// facts depend on nothing else, and news vocabulary repeats from one article to the next.
    static FACTS: RefCell<[FastMap<Box<str>, Arc<WordFacts>>; 2]> = RefCell::default();
}

/// [`word_facts`], computed once per thread for the words it keeps.
fn cached_facts(w: &str, caps: bool) -> Arc<WordFacts> {
    FACTS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let map = &mut cache[usize::from(caps)];
        if let Some(f) = map.get(w) {
            return Arc::clone(f);
        }
        if map.len() >= FACTS_CACHE {
            map.clear();
        }
        let f = Arc::new(word_facts(w, caps));
        map.insert(w.into(), Arc::clone(&f));
        f
    })
}

/// Prepares every sentence of a document (tokens as strings): token facts and static features.
pub fn prepare(doc: &[Vec<&str>]) -> Vec<PreparedSentence> {
    // Token facts, sentence by sentence; each distinct word's once.
    let mut memo: FastMap<(&str, bool), Arc<WordFacts>> = FastMap::default();
    let mut sents: Vec<PreparedSentence> = Vec::with_capacity(doc.len());
    let mut caps_flags = Vec::with_capacity(doc.len());
    for words in doc {
        let caps = is_caps_sentence(words);
        caps_flags.push(caps);
        let mut toks: Vec<Tok> = words
            .iter()
            .map(|&w| {
                memo.entry((w, caps))
                    .or_insert_with(|| cached_facts(w, caps))
                    .tok
                    .clone()
            })
            .collect();
        multiword_gazetteer(words, caps, &mut toks);
        sents.push(PreparedSentence {
            toks,
            ..Default::default()
        });
    }
    // Label-free document context.
    let mut seen: FastMap<&str, (bool, bool)> = FastMap::default();
    for ((s, words), &caps) in sents.iter().zip(doc).zip(&caps_flags) {
        for (i, (tok, w)) in s.toks.iter().zip(words).enumerate() {
            let e = seen.entry(&tok.key).or_default();
            if w.chars().next().is_some_and(|c| c.is_lowercase()) {
                e.0 = true;
            } else if tok.cap && i > 0 && !caps {
                e.1 = true;
            }
        }
    }
    let ctx: Vec<Vec<(bool, bool)>> = sents
        .iter()
        .map(|s| {
            s.toks
                .iter()
                .map(|t| seen.get(&*t.key).copied().unwrap_or_default())
                .collect()
        })
        .collect();
    for ((s, words), (ctx, &caps)) in sents.iter_mut().zip(doc).zip(ctx.iter().zip(&caps_flags)) {
        let facts: Vec<&WordFacts> = words.iter().map(|&w| &*memo[&(w, caps)]).collect();
        static_features(s, &facts, caps, ctx);
    }
    sents
}

fn multiword_gazetteer(words: &[&str], caps: bool, toks: &mut [Tok]) {
    let n = words.len();
    let mut i = 0;
    while i < n {
        if !toks[i].cap {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for len in (2..=4).rev() {
            if i + len > n {
                continue;
            }
            let span = &words[i..i + len];
            // Allow "of"/"and"/"de" inside, but the last word must be capitalised.
            if !toks[i + len - 1].cap || span.iter().any(|w| w.is_empty()) {
                continue;
            }
            let name = if caps {
                span.iter()
                    .map(|w| title_case(w))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                span.join(" ")
            };
            let mut flag = if places::is_place(&name) || places::country(&name).is_some() {
                G_MW_PLACE
            } else if orgs::known(&name).is_some() {
                G_MW_ORG
            } else {
                0
            };
            let registry = gazetteer::lookup(&name) as u32;
            if registry != 0 {
                flag |= G_MW_REGISTRY | (registry << G_REGISTRY);
            }
            if flag != 0 {
                for t in &mut toks[i..i + len] {
                    t.gaz |= flag;
                }
                matched = len;
                break;
            }
        }
        i += matched.max(1);
    }
}

fn static_features(
    s: &mut PreparedSentence,
    facts: &[&WordFacts],
    caps: bool,
    ctx: &[(bool, bool)],
) {
    let n = s.toks.len();
    let mut feats = Vec::with_capacity(n * 48);
    let mut ranges = Vec::with_capacity(n);
    // a token's field, or the sentence-boundary marker outside the sentence
    let at = |i: isize, field: fn(&Tok) -> u64| -> u64 {
        if i < 0 {
            BOS
        } else if i as usize >= n {
            EOS
        } else {
            field(&s.toks[i as usize])
        }
    };
    let word_at = |i: isize| at(i, |t| t.lower);
    let shape_at = |i: isize| at(i, |t| t.shape);
    // a token's cluster id at level `g` of one table; BOS outside the sentence on both sides
    let cluster_at = |i: isize, table: fn(&Tok) -> &[u16; 3], g: usize| -> u64 {
        if i < 0 || i as usize >= n {
            BOS
        } else {
            table(&s.toks[i as usize])[g] as u64
        }
    };
    let cl: fn(&Tok) -> &[u16; 3] = |t| &t.clusters;
    let glove: fn(&Tok) -> &[u16; 3] = |t| &t.glove;
    let gaz_at = |i: isize| -> u32 {
        if i < 0 || i as usize >= n {
            0
        } else {
            s.toks[i as usize].gaz
        }
    };
    for (i, wf) in facts.iter().enumerate() {
        let start = feats.len() as u32;
        let tok = &s.toks[i];
        let ii = i as isize;
        feats.push(f1(t::BIAS, 0));
        feats.push(f1(t::WORD, tok.word));
        feats.push(f1(t::LOWER, tok.lower));
        feats.push(f1(t::SHAPE, tok.shape));
        feats.push(f1(t::LSHAPE, wf.lshape));
        feats.extend_from_slice(&wf.affix[..wf.n_affix as usize]);
        feats.push(f1(t::W_M1, word_at(ii - 1)));
        feats.push(f1(t::W_P1, word_at(ii + 1)));
        feats.push(f1(t::W_M2, word_at(ii - 2)));
        feats.push(f1(t::W_P2, word_at(ii + 2)));
        feats.push(f1(t::S_M1, shape_at(ii - 1)));
        feats.push(f1(t::S_P1, shape_at(ii + 1)));
        feats.push(f1(t::S_M2, shape_at(ii - 2)));
        feats.push(f1(t::S_P2, shape_at(ii + 2)));
        feats.push(f2(t::S_M1_0, shape_at(ii - 1), tok.shape));
        feats.push(f2(t::S_0_P1, tok.shape, shape_at(ii + 1)));
        feats.push(f3(
            t::S_M1_0_P1,
            shape_at(ii - 1),
            tok.shape,
            shape_at(ii + 1),
        ));
        feats.push(f2(t::W_M1_0, word_at(ii - 1), tok.lower));
        feats.push(f2(t::W_0_P1, tok.lower, word_at(ii + 1)));
        feats.push(f2(t::LOWER_P1_CAP, tok.lower, shape_at(ii + 1)));
        for g in 0..3 {
            feats.push(f2(t::CL0, g as u64, tok.clusters[g] as u64));
        }
        for g in 1..3 {
            feats.push(f2(t::CL_M1, g as u64, cluster_at(ii - 1, cl, g)));
            feats.push(f2(t::CL_P1, g as u64, cluster_at(ii + 1, cl, g)));
        }
        // GloVe clusters: the word at every level (with its shape at the finest), the
        // neighbours at the two finer levels (±1) and the middle level (±2).
        let gl = |j: isize, g: usize| cluster_at(j, glove, g);
        for g in 0..3 {
            feats.push(f2(t::GL0, g as u64, tok.glove[g] as u64));
        }
        feats.push(f2(t::GL_SHAPE, tok.glove[2] as u64, tok.shape));
        for g in 1..3 {
            feats.push(f2(t::GL_M1, g as u64, gl(ii - 1, g)));
            feats.push(f2(t::GL_P1, g as u64, gl(ii + 1, g)));
        }
        feats.push(f1(t::GL_M2, gl(ii - 2, 1)));
        feats.push(f1(t::GL_P2, gl(ii + 2, 1)));
        if i == 0 {
            feats.push(f1(t::FIRST, tok.shape));
            feats.push(f1(t::FIRST, tok.lower));
        }
        if i + 1 == n {
            feats.push(f1(t::LAST, tok.shape));
        }
        if caps {
            feats.push(f1(t::CAPS, tok.lower));
            feats.push(f2(t::CAPS_S, n.min(6) as u64, i.min(3) as u64));
        }
        // Gazetteer classes of the token and its neighbours, class by class in bit order (only
        // over the classes set somewhere in the window).
        let gaz = [
            (t::GAZ, tok.gaz),
            (t::GAZ_M1, gaz_at(ii - 1)),
            (t::GAZ_P1, gaz_at(ii + 1)),
            (t::GAZ_M2, gaz_at(ii - 2)),
            (t::GAZ_P2, gaz_at(ii + 2)),
        ];
        let mut set = gaz.iter().fold(0, |a, &(_, g)| a | g) & ((1 << N_GAZ) - 1);
        while set != 0 {
            let b = set.trailing_zeros();
            set &= set - 1;
            for &(template, g) in &gaz {
                if g & (1 << b) != 0 {
                    feats.push(f1(template, b as u64));
                }
            }
        }
        let (seen_lower, seen_capmid) = ctx[i];
        if tok.cap || caps {
            feats.push(f2(t::DOC_LOWER, seen_lower as u64, (i == 0 || caps) as u64));
            feats.push(f2(
                t::DOC_CAPMID,
                seen_capmid as u64,
                (i == 0 || caps) as u64,
            ));
            feats.push(f2(t::DOC_CAPMID_S, seen_capmid as u64, tok.shape));
        }
        ranges.push((start, feats.len() as u32));
    }
    s.feats = feats;
    s.ranges = ranges;
}

/// History features of token `i` given the two previous labels (`None` before the sentence).
#[inline]
pub fn history(tok: &Tok, p1: Option<Label>, p2: Option<Label>, out: &mut [u64; 4]) {
    let a = p1.map_or(99, |l| l as u64);
    let b = p2.map_or(99, |l| l as u64);
    out[0] = f1(t::P1, a);
    out[1] = f2(t::P12, a, b);
    out[2] = f2(t::P1_W, a, tok.lower);
    out[3] = f2(t::P1_S, a, tok.shape);
}

/// First-pass labels of a document, aggregated per lower-cased word: the second pass's
/// document-level features.
#[derive(Debug, Default)]
pub struct DocLabels {
    counts: FastMap<Arc<str>, [u16; 4]>,
}

impl DocLabels {
    /// Counts the entity types of every token the first pass labelled.
    pub fn new(sents: &[PreparedSentence], labels: &[Vec<Label>]) -> DocLabels {
        let mut counts: FastMap<Arc<str>, [u16; 4]> = FastMap::default();
        for (s, ls) in sents.iter().zip(labels) {
            for (tok, &l) in s.toks.iter().zip(ls) {
                if let Some(ty) = label_type(l) {
                    match counts.get_mut(&*tok.key) {
                        Some(c) => c[ty] += 1,
                        None => {
                            let mut c = [0; 4];
                            c[ty] = 1;
                            counts.insert(tok.key.clone(), c);
                        }
                    }
                }
            }
        }
        DocLabels { counts }
    }

    /// Appends token `tok`'s document-label features (its own first-pass label `own` left out).
    pub fn features(&self, tok: &Tok, own: Label, out: &mut Vec<u64>) {
        let Some(c) = self.counts.get(&*tok.key) else {
            return;
        };
        let mut c = *c;
        if let Some(ty) = label_type(own) {
            c[ty] = c[ty].saturating_sub(1);
        }
        let mut best = None;
        for ty in 0..TYPES.len() {
            if c[ty] > 0 {
                out.push(f1(t::DOC_LBL, ty as u64));
                out.push(f2(t::DOC_LBL_S, ty as u64, tok.shape));
                if best.is_none_or(|b: usize| c[ty] > c[b]) {
                    best = Some(ty);
                }
            }
        }
        if let Some(b) = best {
            out.push(f1(t::DOC_MAJ, b as u64));
        }
    }
}

/// Number of labels (re-exported for the model).
pub const LABELS: usize = N_LABELS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Blackburn", true), "Xx");
        assert_eq!(shape("U.S.", true), "X.X.");
        assert_eq!(shape("1996-08-22", true), "d-d-d");
        assert_eq!(shape("Blackburn", false), "Xxxxxxxx");
        for w in [
            "Blackburn",
            "U.S.",
            "1996-08-22",
            "Zürich",
            "ÉTÉ",
            "a--b",
            "",
        ] {
            for short in [true, false] {
                assert_eq!(shape_hash(w, short), hash_str(&shape(w, short)));
            }
        }
    }

    #[test]
    fn cached_facts_are_the_facts_of_the_word_and_its_sentence_case() {
        // the second document's words come from this thread's cache
        let doc = [
            vec!["FRANCE", "WIN", "IN", "PARIS", "."],
            vec!["France", "won", "in", "Paris", "."],
        ];
        let first = prepare(&doc);
        let again = prepare(&doc);
        for (a, b) in first.iter().zip(&again) {
            assert_eq!(a.feats, b.feats);
        }
        for (w, caps) in [("PARIS", true), ("Paris", false), ("in", false)] {
            let fresh = word_facts(w, caps);
            let cached = cached_facts(w, caps);
            assert_eq!(cached.tok.gaz, fresh.tok.gaz, "{w}");
            assert_eq!(cached.tok.key, fresh.tok.key, "{w}");
            assert_eq!(cached.affix, fresh.affix, "{w}");
        }
        // the case of the sentence is part of the key: in a headline, "PARIS" is looked up
        // as "Paris"; in running text it is an acronym-shaped word
        assert_ne!(
            cached_facts("PARIS", true).tok.gaz,
            cached_facts("PARIS", false).tok.gaz
        );
    }

    #[test]
    fn caps_sentences() {
        assert!(is_caps_sentence(&[
            "SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN", "."
        ]));
        assert!(!is_caps_sentence(&["EU", "rejects", "German", "call"]));
        assert!(!is_caps_sentence(&["LONDON", "1996-08-30"]));
    }

    #[test]
    fn features_are_deterministic_and_contextual() {
        let doc = vec![vec!["Mr", "Smith", "went", "to", "New", "York", "."]];
        let a = prepare(&doc);
        let b = prepare(&doc);
        assert_eq!(a[0].feats, b[0].feats);
        assert_eq!(a[0].ranges.len(), 7);
        // Gazetteer: honorific, multi-word place.
        assert!(a[0].toks[0].gaz & G_HON != 0);
        assert!(a[0].toks[4].gaz & G_MW_PLACE != 0 && a[0].toks[5].gaz & G_MW_PLACE != 0);
        // The same word in another context gets partly different features.
        let doc2 = vec![vec!["Smith", "went", "home"]];
        let c = prepare(&doc2);
        let (s1, e1) = a[0].ranges[1];
        let (s2, e2) = c[0].ranges[0];
        let fa = &a[0].feats[s1 as usize..e1 as usize];
        let fc = &c[0].feats[s2 as usize..e2 as usize];
        assert!(fa.contains(&f1(t::WORD, hash_str("Smith"))));
        assert!(fc.contains(&f1(t::WORD, hash_str("Smith"))));
        assert_ne!(fa, fc);
    }

    #[test]
    fn document_context_and_labels() {
        let doc = vec![
            vec!["Hurricanes", "won", "."],
            vec!["The", "Hurricanes", "lost"],
        ];
        let p = prepare(&doc);
        let (s, e) = p[0].ranges[0];
        assert!(p[0].feats[s as usize..e as usize].contains(&f2(t::DOC_CAPMID, 1, 1)));
        let labels = vec![vec![3, 0, 0], vec![0, 3, 0]];
        let dl = DocLabels::new(&p, &labels);
        let mut out = Vec::new();
        dl.features(&p[0].toks[0], 3, &mut out);
        assert!(out.contains(&f1(t::DOC_LBL, 1)));
        out.clear();
        dl.features(&p[0].toks[1], 0, &mut out);
        assert!(out.is_empty());
    }
}
