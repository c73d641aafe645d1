//! Word clusters for the tagger, built into the binary and decoded once on first use:
//!
//! - `models/clusters.tsv.gz` (built by `scripts/build_ner_clusters.py`): k-means at three
//!   granularities (k = 64, 256, 1024) over cased word2vec vectors trained on the unlabeled news
//!   text we have (1M tokens);
//! - `models/glove-clusters.tsv.gz` (built by `scripts/build_ner_glove_clusters.py`): k-means at
//!   three granularities (k = 128, 512, 2048) over the GloVe 6B 50d vectors of the 200k most
//!   frequent lower-cased words (6B tokens of Wikipedia and Gigaword; PDDL-1.0).

use std::sync::OnceLock;

use crate::features::FastMap;

/// The word2vec cluster file built into byline.
pub static CLUSTER_BYTES: &[u8] = include_bytes!("../models/clusters.tsv.gz");

/// The GloVe cluster file built into byline.
pub static GLOVE_BYTES: &[u8] = include_bytes!("../models/glove-clusters.tsv.gz");

/// Cluster ids of one word at the three granularities of its table, coarse to fine.
pub type Ids = [u16; 3];

/// Parses "word<TAB>id<TAB>id<TAB>id" lines; a missing or bad id reads as 0.
fn parse(text: &'static str) -> FastMap<&'static str, Ids> {
    let mut map = FastMap::with_capacity_and_hasher(text.len() / 16, Default::default());
    for line in text.lines() {
        let mut parts = line.split('\t');
        let Some(word) = parts.next() else { continue };
        let mut ids = [0u16; 3];
        for id in &mut ids {
            *id = parts.next().and_then(|p| p.parse().ok()).unwrap_or(0);
        }
        map.insert(word, ids);
    }
    map
}

fn shared() -> &'static FastMap<&'static str, Ids> {
    static C: OnceLock<FastMap<&'static str, Ids>> = OnceLock::new();
    C.get_or_init(|| parse(crate::gazetteer::gunzip_static(CLUSTER_BYTES)))
}

fn glove_table() -> &'static FastMap<&'static str, Ids> {
    static C: OnceLock<FastMap<&'static str, Ids>> = OnceLock::new();
    C.get_or_init(|| parse(crate::gazetteer::gunzip_static(GLOVE_BYTES)))
}

/// The word2vec clusters of a word as written, else of its lower-case or title-case form.
pub fn lookup(word: &str) -> Option<Ids> {
    let map = shared();
    if let Some(ids) = map.get(word) {
        return Some(*ids);
    }
    let lower = word.to_lowercase();
    if lower != word {
        if let Some(ids) = map.get(lower.as_str()) {
            return Some(*ids);
        }
    }
    let mut title = String::with_capacity(word.len());
    for (i, c) in lower.chars().enumerate() {
        if i == 0 {
            title.extend(c.to_uppercase());
        } else {
            title.push(c);
        }
    }
    // (a key already looked up is not looked up again)
    if title == word || title == lower {
        return None;
    }
    map.get(title.as_str()).copied()
}

/// The GloVe clusters of a lower-cased word (GloVe's vocabulary is lower case).
pub fn glove(lower: &str) -> Option<Ids> {
    glove_table().get(lower).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn similar_words_share_clusters() {
        let a = super::lookup("Monday").unwrap();
        let b = super::lookup("Tuesday").unwrap();
        assert_eq!(a[0], b[0]);
        assert!(super::lookup("MONDAY").is_some());
        assert!(super::lookup("qqqzzzx").is_none());
    }

    #[test]
    fn glove_clusters_group_words_by_kind() {
        let monday = super::glove("monday").unwrap();
        let tuesday = super::glove("tuesday").unwrap();
        let france = super::glove("france").unwrap();
        let germany = super::glove("germany").unwrap();
        assert_eq!(monday[0], tuesday[0]);
        assert_eq!(france[0], germany[0]);
        assert_ne!(monday[0], france[0]);
        // the table is lower case: callers look up the lower-cased word
        assert!(super::glove("France").is_none());
        assert!(super::glove("qqqzzzx").is_none());
    }
}
