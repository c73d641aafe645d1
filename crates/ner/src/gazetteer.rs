//! The tagger's gazetteer: place and personal names from registry packages
//! (`models/gazetteer.tsv.gz`, built by `scripts/build_ner_gazetteer.py`; see the crate
//! README for sources and licences), built into the binary and decoded once on first use.

use std::io::Read;
use std::sync::OnceLock;

/// The gazetteer file built into byline.
pub static GAZETTEER_BYTES: &[u8] = include_bytes!("../models/gazetteer.tsv.gz");

/// Gazetteer classes, in bit order.
pub const CLASSES: [&str; 13] = [
    "city_l",
    "city_m",
    "city_s",
    "country",
    "admin",
    "first_top",
    "first",
    "last_top",
    "last",
    "wn_person",
    "wn_location",
    "wn_group",
    "wn_other",
];

/// Longest name in words.
pub const MAX_WORDS: usize = 4;

/// Names sorted as the file is (by code point, which is byte order in UTF-8), searched by
/// bisection: no hashing of 468k names at start-up.
struct Gazetteer {
    names: Vec<(&'static str, u16)>,
    /// Hash of a name → its index in `names` (`u32::MAX`: two names share the hash, bisect).
    index: std::collections::HashMap<u64, u32, BuildIdentity>,
}

/// The keys are already hashes: a pass-through hasher.
#[derive(Default, Clone, Copy)]
struct BuildIdentity;

#[derive(Default)]
struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = Identity;
    fn build_hasher(&self) -> Identity {
        Identity(0)
    }
}

/// Hash of a name for the index (FNV-1a, then mixed so that the low bits are usable).
#[inline]
fn name_hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in s.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// Decompresses a built-in gzip text file for the life of the process.
pub(crate) fn gunzip_static(bytes: &[u8]) -> &'static str {
    let mut text = String::new();
    // The files are ours and built in; a corrupt one is a build defect caught by the tests.
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .expect("a built-in resource is valid gzip text");
    Box::leak(text.into_boxed_str())
}

fn parse(bytes: &[u8]) -> Gazetteer {
    let text = gunzip_static(bytes);
    let mut names = Vec::with_capacity(text.len() / 16);
    for line in text.lines() {
        let Some((name, cls)) = line.split_once('\t') else {
            continue;
        };
        let mut mask = 0u16;
        for c in cls.split(',') {
            if let Some(i) = CLASSES.iter().position(|k| *k == c) {
                mask |= 1 << i;
            }
        }
        names.push((name, mask));
    }
    // The build script sorts the file; sorting again costs little when it already is.
    names.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut index = std::collections::HashMap::with_capacity_and_hasher(names.len(), BuildIdentity);
    for (i, (n, _)) in names.iter().enumerate() {
        index
            .entry(name_hash(n))
            .and_modify(|v| *v = u32::MAX)
            .or_insert(i as u32);
    }
    Gazetteer { names, index }
}

fn shared() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| parse(GAZETTEER_BYTES))
}

/// The classes of a name as written ("New York", "Okafor"), as a bit mask over [`CLASSES`].
pub fn lookup(name: &str) -> u16 {
    let g = shared();
    match g.index.get(&name_hash(name)) {
        None => 0,
        Some(&i) if i != u32::MAX => {
            let (n, cls) = g.names[i as usize];
            if n == name {
                cls
            } else {
                0
            }
        }
        Some(_) => g
            .names
            .binary_search_by(|(n, _)| n.cmp(&name))
            .map_or(0, |i| g.names[i].1),
    }
}

/// Decodes the gazetteer now (so that timing the first document does not include it).
pub fn preload() {
    shared();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(name: &str, class: &str) -> bool {
        let i = CLASSES.iter().position(|k| *k == class).unwrap();
        lookup(name) & (1 << i) != 0
    }

    #[test]
    fn knows_places_and_names() {
        assert!(has("London", "city_l"));
        assert!(has("New York", "city_l") || has("New York City", "city_l"));
        assert!(has("Germany", "country"));
        assert!(has("Texas", "admin"));
        assert!(has("John", "first_top"));
        assert!(has("Smith", "last_top"));
        assert_eq!(lookup("xqzzy"), 0);
    }
}
