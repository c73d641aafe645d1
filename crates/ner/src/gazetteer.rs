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
    Gazetteer { names }
}

fn shared() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| parse(GAZETTEER_BYTES))
}

/// The classes of a name as written ("New York", "Okafor"), as a bit mask over [`CLASSES`].
pub fn lookup(name: &str) -> u16 {
    let names = &shared().names;
    names
        .binary_search_by(|(n, _)| n.cmp(&name))
        .map_or(0, |i| names[i].1)
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
