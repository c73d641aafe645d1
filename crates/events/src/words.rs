//! Function-word lists the extraction rules look at (compared case-insensitively), and their
//! classes as bits.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// The word lists (lowercase; compared ignoring ASCII case).
#[rustfmt::skip]
mod lists {
    /// Words that open a noun phrase; a noun trigger's modifiers stop at them.
    pub(crate) const DETERMINERS: &[&str] = &[
        "a", "an", "the", "this", "that", "these", "those", "another", "any", "each", "every",
        "its", "their", "his", "her", "our", "my", "your", "some", "all", "no",
    ];

    /// Determiners that refer back to something already mentioned ("the agreement").
    pub(crate) const DEFINITE: &[&str] = &["the", "this", "that", "these", "those"];

    /// Words skipped when looking for the next content word ("meet the target").
    pub(crate) const SKIP_BEFORE_CONTENT: &[&str] = &[
        "the", "a", "an", "its", "their", "our", "his", "her", "this", "these", "those", "all",
        "any", "some", "my", "your", "new", "key", "latest", "tough",
    ];

    /// Words that make a following noun/verb-ambiguous trigger a verb ("to attack").
    pub(crate) const VERB_CUES: &[&str] = &[
        "to", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "did",
        "does", "do", "also", "then", "jointly", "and", "they", "we", "i", "you", "he", "she",
        "it", "who", "which", "later", "had", "have", "has",
    ];

    /// Prepositions that take a gerund ("after meeting in No 10").
    pub(crate) const GERUND_PREPS: &[&str] = &[
        "after", "before", "since", "while", "without", "by", "upon", "on", "following", "when",
        "for", "from", "of",
    ];

    /// Words right before a trigger that deny it happened ("did not meet", "no deal").
    pub(crate) const NEGATORS: &[&str] = &[
        "not", "never", "no", "without", "didn't", "didn’t", "won't", "won’t", "cannot", "can't",
        "can’t", "wouldn't", "wouldn’t", "failed", "refused", "refuses", "fails", "hasn't",
        "hasn’t", "haven't", "haven’t", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t",
        "weren't", "weren’t", "ruled", "rejected", "rejects", "rejecting", "possible",
        "potential", "hypothetical", "would-be",
    ];

    /// Forms of "be" that make a following participle passive ("was welcomed").
    pub(crate) const BE_FORMS: &[&str] =
        &["was", "were", "been", "being", "is", "are", "be", "am", "get", "got"];

    /// Speech and cognition verbs: what follows them is a new (reported) clause.
    pub(crate) const SPEECH: &[&str] = &[
        "said", "says", "say", "told", "tells", "added", "adds", "stated", "claimed", "claims",
        "warned", "insisted", "reported", "indicated", "indicate", "believes", "believed",
        "thinks", "thought", "according", "confirmed", "revealed", "suggested", "argued", "noted",
        "explained", "alleged", "alleges", "fears", "feared", "hopes", "hoped", "show", "shows",
        "showed", "suggest", "suggests", "quoted", "quoting", "quotes", "saying",
    ];

    /// Words that open a new clause; the subject side of a trigger stops at them.
    pub(crate) const SUBJECT_BOUNDARY: &[&str] = &[
        "as", "after", "before", "ahead", "while", "when", "whereas", "because", "since", "until",
        "following", "during", "amid", "amidst", "despite", "although", "though", "but", "which",
        "who", "whom", "whose", "where", "that", "if", "unless", "whether", "being", "once", "so",
        "having",
    ];

    /// Words that end the object side of a trigger.
    pub(crate) const OBJECT_BOUNDARY: &[&str] = &[
        "as", "after", "before", "ahead", "while", "when", "whereas", "because", "since", "until",
        "following", "during", "amid", "amidst", "despite", "although", "though", "but", "which",
        "who", "whom", "whose", "where", "if", "unless", "whether", "being", "once", "so",
        "having", "then",
    ];

    /// Words a "bare" clause may hold between its opening word and the trigger ("after being
    /// welcomed"): such a clause has no subject of its own.
    pub(crate) const BARE: &[&str] = &[
        "being", "been", "having", "had", "was", "were", "is", "are", "also", "then", "later",
        "jointly", "first", "formally", "officially", "reportedly", "finally", "again",
    ];

    /// Relative pronouns: ", who ..." opens a relative clause that the subject side skips.
    pub(crate) const RELATIVE: &[&str] = &["who", "which", "whom", "whose"];

    /// Sentence-initial words that open a fronted phrase or clause ("After meeting X, they ...").
    pub(crate) const FRONTING: &[&str] = &[
        "after", "before", "during", "while", "following", "ahead", "when", "as", "since",
        "despite", "amid", "once", "having", "upon", "on", "in", "at", "with", "without",
        "earlier", "later", "speaking", "from", "by", "for", "under", "meanwhile", "separately",
        "last", "yesterday", "today", "elsewhere", "overnight", "then", "but", "and", "however",
        "also", "until", "through", "throughout", "inside", "outside", "near", "within", "over",
    ];

    /// Fronted words that open a subordinate clause (a trigger before the first comma belongs to
    /// that clause, whose subject is the main clause's).
    pub(crate) const SUBORDINATE: &[&str] = &[
        "after", "before", "during", "while", "following", "ahead", "when", "as", "since",
        "despite", "amid", "once", "having", "upon", "until",
    ];

    /// Prepositions that introduce the participants of a noun trigger ("talks with X").
    pub(crate) const PARTICIPANT_PREPS: &[&str] = &[
        "with", "between", "by", "against", "on", "of", "among", "amongst", "involving", "from",
        "targeting",
    ];

    /// Prepositions after which a place name is a location, not a party ("in Kyiv").
    pub(crate) const LOC_EXCLUDE: &[&str] = &[
        "at", "in", "to", "from", "near", "outside", "inside", "across", "around", "through",
        "into", "toward", "towards", "within", "throughout", "over", "on", "about", "via", "off",
        "beyond", "under", "along", "opposite", "onto", "above", "below", "behind", "beside",
        "past", "for",
    ];

    /// Prepositions marking the target of an attack ("fired at Ukraine").
    pub(crate) const ATTACK_TARGET: &[&str] =
        &["at", "on", "against", "targeting", "toward", "towards", "upon", "into"];

    /// Prepositions marking the place of an event.
    pub(crate) const PLACE_PREPS: &[&str] =
        &["at", "in", "near", "outside", "inside", "across", "throughout"];

    /// Prepositions marking the place of an attack ("at" marks the target instead).
    pub(crate) const ATTACK_PLACE_PREPS: &[&str] =
        &["in", "near", "outside", "inside", "across", "throughout"];

    /// Extra place prepositions for visits and meetings ("trip to", "welcomed to").
    pub(crate) const TO_PREPS: &[&str] = &["to", "into"];

    /// Nouns that, after "two" or "both", refer to the people just mentioned ("the two
    /// leaders").
    pub(crate) const GROUP_NOUNS: &[&str] = &[
        "leaders", "men", "women", "presidents", "ministers", "premiers", "politicians", "heads",
        "sides", "rivals", "counterparts", "allies",
    ];

    /// Words that may be skipped when looking for the word governing a mention.
    pub(crate) const GOV_SKIP: &[&str] =
        &["and", "or", "the", "both", "either", "&", ",", "’s", "'s"];

    /// Verbs whose object is a noun trigger with the verb's subject as a party ("reached a
    /// settlement with", "held a meeting", "paid a visit to", "carried out an attack").
    pub(crate) const LIGHT_VERBS: &[&str] = &[
        "reached", "reach", "reaches", "reaching", "held", "hold", "holds", "holding", "hosted",
        "host", "hosts", "hosting", "attended", "attend", "attends", "attending", "made", "make",
        "makes", "making", "paid", "pay", "pays", "paying", "concluded", "secured",
        "brokered", "negotiated", "began", "begun", "started", "staged", "mounted", "convened",
        "chaired", "joined", "completed", "finalised", "finalized", "sealed", "announced",
    ];

    /// Words that may follow "met" without a person: prepositions, time and manner adverbs.
    pub(crate) const MEET_FREE: &[&str] = &[
        "last", "this", "next", "today", "yesterday", "tomorrow", "again", "twice", "once",
        "later", "earlier", "for", "ahead", "face-to-face", "together", "privately", "briefly",
        "separately", "regularly", "recently", "online", "virtually", "secretly", "informally",
        "formally", "behind", "alone", "and", "or", "up",
    ];
}

pub(crate) use lists::*;

/// Articles and possessives: a past participle right after one is an adjective ("the jailed
/// leader").
pub(crate) const ARTICLES: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "my", "your",
];

/// Auxiliaries: after a comma they start the sentence's own verb phrase (", was deported").
pub(crate) const AUX: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does",
];

/// People nouns after which "from" + country names a party ("representatives from Armenia").
pub(crate) const ROLE_PLURALS: &[&str] = &[
    "representatives",
    "officials",
    "delegates",
    "delegations",
    "negotiators",
    "envoys",
    "diplomats",
    "ministers",
    "leaders",
    "delegation",
];

/// True when `w` equals one of `list`, ignoring ASCII case.
pub(crate) fn is_in(w: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

// ---- word classes as bits, looked up once per token --------------------------------------------

pub(crate) const C_DET: u32 = 1 << 0;
pub(crate) const C_DEFINITE: u32 = 1 << 1;
pub(crate) const C_SKIP: u32 = 1 << 2;
pub(crate) const C_VERB_CUE: u32 = 1 << 3;
pub(crate) const C_NEG: u32 = 1 << 4;
pub(crate) const C_BE: u32 = 1 << 5;
pub(crate) const C_SPEECH: u32 = 1 << 6;
pub(crate) const C_SUBJ_END: u32 = 1 << 7;
pub(crate) const C_OBJ_END: u32 = 1 << 8;
pub(crate) const C_REL: u32 = 1 << 9;
pub(crate) const C_FRONT: u32 = 1 << 10;
pub(crate) const C_SUBORD: u32 = 1 << 11;
pub(crate) const C_PART_PREP: u32 = 1 << 12;
pub(crate) const C_LOC_EXCL: u32 = 1 << 13;
pub(crate) const C_ATK_TARGET: u32 = 1 << 14;
pub(crate) const C_PLACE: u32 = 1 << 15;
pub(crate) const C_ATK_PLACE: u32 = 1 << 16;
pub(crate) const C_TO: u32 = 1 << 17;
pub(crate) const C_GROUP: u32 = 1 << 18;
pub(crate) const C_GOV_SKIP: u32 = 1 << 19;
pub(crate) const C_GERUND: u32 = 1 << 20;
/// The word (lowercased) is in the trigger lexicon.
pub(crate) const C_TRIGGER: u32 = 1 << 21;
pub(crate) const C_BARE: u32 = 1 << 22;
pub(crate) const C_LIGHT: u32 = 1 << 23;
pub(crate) const C_MEET_FREE: u32 = 1 << 24;

const CLASSES: &[(&[&str], u32)] = &[
    (DETERMINERS, C_DET),
    (DEFINITE, C_DEFINITE),
    (SKIP_BEFORE_CONTENT, C_SKIP),
    (VERB_CUES, C_VERB_CUE),
    (NEGATORS, C_NEG),
    (BE_FORMS, C_BE),
    (SPEECH, C_SPEECH),
    (SUBJECT_BOUNDARY, C_SUBJ_END),
    (OBJECT_BOUNDARY, C_OBJ_END),
    (RELATIVE, C_REL),
    (FRONTING, C_FRONT),
    (SUBORDINATE, C_SUBORD),
    (PARTICIPANT_PREPS, C_PART_PREP),
    (LOC_EXCLUDE, C_LOC_EXCL),
    (ATTACK_TARGET, C_ATK_TARGET),
    (PLACE_PREPS, C_PLACE),
    (ATTACK_PLACE_PREPS, C_ATK_PLACE),
    (TO_PREPS, C_TO),
    (GROUP_NOUNS, C_GROUP),
    (GOV_SKIP, C_GOV_SKIP),
    (GERUND_PREPS, C_GERUND),
    (BARE, C_BARE),
    (LIGHT_VERBS, C_LIGHT),
    (MEET_FREE, C_MEET_FREE),
];

/// FNV-1a: a small, fast hasher for short words.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type ClassMap = HashMap<&'static [u8], u32, BuildHasherDefault<Fnv>>;

fn class_map() -> &'static ClassMap {
    static MAP: OnceLock<ClassMap> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = ClassMap::default();
        for (list, bit) in CLASSES {
            for w in *list {
                *m.entry(w.as_bytes()).or_default() |= bit;
            }
        }
        for w in crate::triggers::words() {
            *m.entry(w.as_bytes()).or_default() |= C_TRIGGER;
        }
        m
    })
}

/// The class bits of a token's text, ASCII case ignored.
pub(crate) fn classes(word: &str) -> u32 {
    if word.is_empty() || word.len() > 32 {
        return 0;
    }
    let mut buf = [0u8; 32];
    let bytes = &mut buf[..word.len()];
    bytes.copy_from_slice(word.as_bytes());
    bytes.make_ascii_lowercase();
    class_map().get(&bytes[..]).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase() {
        for (list, _) in CLASSES {
            for w in *list {
                assert_eq!(*w, w.to_lowercase());
            }
        }
    }

    #[test]
    fn classes_ignore_case() {
        assert!(classes("After") & C_SUBORD != 0);
        assert!(classes("the") & C_DET != 0 && classes("the") & C_DEFINITE != 0);
        assert!(classes("met") & C_TRIGGER != 0);
        assert_eq!(classes("Zelensky"), 0);
        assert_eq!(classes(""), 0);
        assert!(classes("didn’t") & C_NEG != 0);
    }
}
