//! Word clusters for the tagger (`models/clusters.tsv.gz`, built by
//! `scripts/build_ner_clusters.py`: k-means at three granularities over word2vec vectors trained
//! on unlabeled news text), built into the binary and decoded once on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The cluster file built into byline.
pub static CLUSTER_BYTES: &[u8] = include_bytes!("../models/clusters.tsv.gz");

/// Cluster ids of one word at the three granularities (k = 64, 256, 1024).
pub type Ids = [u16; 3];

fn shared() -> &'static HashMap<&'static str, Ids> {
    static C: OnceLock<HashMap<&'static str, Ids>> = OnceLock::new();
    C.get_or_init(|| {
        let text = crate::gazetteer::gunzip_static(CLUSTER_BYTES);
        let mut map = HashMap::with_capacity(text.len() / 16);
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
    })
}

/// The clusters of a word as written, else of its lower-case or title-case form.
pub fn lookup(word: &str) -> Option<Ids> {
    let map = shared();
    if let Some(ids) = map.get(word) {
        return Some(*ids);
    }
    let lower = word.to_lowercase();
    if let Some(ids) = map.get(lower.as_str()) {
        return Some(*ids);
    }
    let mut title = String::with_capacity(word.len());
    for (i, c) in lower.chars().enumerate() {
        if i == 0 {
            title.extend(c.to_uppercase());
        } else {
            title.push(c);
        }
    }
    map.get(title.as_str()).copied()
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
}
