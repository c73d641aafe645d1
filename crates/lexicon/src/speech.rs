//! Speech verbs: the cues that attribute a quote to a speaker.

/// Speech verbs in every inflection we look for, with their lemma (sorted by form).
const CUES: &[(&str, &str)] = &[
    ("accused", "accuse"),
    ("accuses", "accuse"),
    ("accusing", "accuse"),
    ("acknowledged", "acknowledge"),
    ("acknowledges", "acknowledge"),
    ("acknowledging", "acknowledge"),
    ("add", "add"),
    ("added", "add"),
    ("adding", "add"),
    ("adds", "add"),
    ("admits", "admit"),
    ("admitted", "admit"),
    ("admitting", "admit"),
    ("agreed", "agree"),
    ("agreeing", "agree"),
    ("agrees", "agree"),
    ("alleged", "allege"),
    ("alleges", "allege"),
    ("alleging", "allege"),
    ("announced", "announce"),
    ("announces", "announce"),
    ("announcing", "announce"),
    ("answered", "answer"),
    ("answering", "answer"),
    ("argue", "argue"),
    ("argued", "argue"),
    ("argues", "argue"),
    ("arguing", "argue"),
    ("asked", "ask"),
    ("asking", "ask"),
    ("asks", "ask"),
    ("asserted", "assert"),
    ("asserting", "assert"),
    ("asserts", "assert"),
    ("assured", "assure"),
    ("assures", "assure"),
    ("assuring", "assure"),
    ("boasted", "boast"),
    ("boasting", "boast"),
    ("boasts", "boast"),
    ("branded", "brand"),
    ("branding", "brand"),
    ("called", "call"),
    ("calling", "call"),
    ("calls", "call"),
    ("cautioned", "caution"),
    ("cautioning", "caution"),
    ("cautions", "caution"),
    ("chanted", "chant"),
    ("chanting", "chant"),
    ("chants", "chant"),
    ("claim", "claim"),
    ("claimed", "claim"),
    ("claiming", "claim"),
    ("claims", "claim"),
    ("commended", "commend"),
    ("commending", "commend"),
    ("commends", "commend"),
    ("commented", "comment"),
    ("commenting", "comment"),
    ("comments", "comment"),
    ("complained", "complain"),
    ("complaining", "complain"),
    ("complains", "complain"),
    ("conceded", "concede"),
    ("concedes", "concede"),
    ("conceding", "concede"),
    ("concluded", "conclude"),
    ("concludes", "conclude"),
    ("concluding", "conclude"),
    ("confessed", "confess"),
    ("confesses", "confess"),
    ("confessing", "confess"),
    ("confirmed", "confirm"),
    ("confirming", "confirm"),
    ("confirms", "confirm"),
    ("continued", "continue"),
    ("continues", "continue"),
    ("continuing", "continue"),
    ("countered", "counter"),
    ("cried", "cry"),
    ("cries", "cry"),
    ("crying", "cry"),
    ("declared", "declare"),
    ("declares", "declare"),
    ("declaring", "declare"),
    ("demanded", "demand"),
    ("demanding", "demand"),
    ("demands", "demand"),
    ("denied", "deny"),
    ("denies", "deny"),
    ("denying", "deny"),
    ("describe", "describe"),
    ("described", "describe"),
    ("describes", "describe"),
    ("describing", "describe"),
    ("dismissed", "dismiss"),
    ("dismisses", "dismiss"),
    ("dismissing", "dismiss"),
    ("emphasised", "emphasise"),
    ("emphasises", "emphasise"),
    ("emphasising", "emphasise"),
    ("emphasized", "emphasise"),
    ("emphasizes", "emphasise"),
    ("emphasizing", "emphasise"),
    ("estimated", "estimate"),
    ("estimates", "estimate"),
    ("estimating", "estimate"),
    ("exclaimed", "exclaim"),
    ("exclaiming", "exclaim"),
    ("exclaims", "exclaim"),
    ("explain", "explain"),
    ("explained", "explain"),
    ("explaining", "explain"),
    ("explains", "explain"),
    ("fumed", "fume"),
    ("fumes", "fume"),
    ("fuming", "fume"),
    ("hailed", "hail"),
    ("hailing", "hail"),
    ("hails", "hail"),
    ("insist", "insist"),
    ("insisted", "insist"),
    ("insisting", "insist"),
    ("insists", "insist"),
    ("interjected", "interject"),
    ("interjecting", "interject"),
    ("joked", "joke"),
    ("jokes", "joke"),
    ("joking", "joke"),
    ("labeled", "label"),
    ("labeling", "label"),
    ("labelled", "label"),
    ("labelling", "label"),
    ("labels", "label"),
    ("lamented", "lament"),
    ("lamenting", "lament"),
    ("laments", "lament"),
    ("maintained", "maintain"),
    ("maintaining", "maintain"),
    ("maintains", "maintain"),
    ("mocked", "mock"),
    ("mocking", "mock"),
    ("mocks", "mock"),
    ("muttered", "mutter"),
    ("muttering", "mutter"),
    ("mutters", "mutter"),
    ("noted", "note"),
    ("notes", "note"),
    ("noting", "note"),
    ("observed", "observe"),
    ("observes", "observe"),
    ("observing", "observe"),
    ("pleaded", "plead"),
    ("pleading", "plead"),
    ("pleads", "plead"),
    ("pledged", "pledge"),
    ("pledges", "pledge"),
    ("pledging", "pledge"),
    ("pointed", "point"),
    ("posted", "post"),
    ("praised", "praise"),
    ("praises", "praise"),
    ("praising", "praise"),
    ("predicted", "predict"),
    ("predicting", "predict"),
    ("predicts", "predict"),
    ("proclaimed", "proclaim"),
    ("proclaiming", "proclaim"),
    ("proclaims", "proclaim"),
    ("promised", "promise"),
    ("promises", "promise"),
    ("promising", "promise"),
    ("questioned", "question"),
    ("questioning", "question"),
    ("quipped", "quip"),
    ("quipping", "quip"),
    ("quips", "quip"),
    ("read", "read"),
    ("reads", "read"),
    ("recalled", "recall"),
    ("recalling", "recall"),
    ("recalls", "recall"),
    ("remarked", "remark"),
    ("remarking", "remark"),
    ("remarks", "remark"),
    ("replied", "reply"),
    ("replies", "reply"),
    ("replying", "reply"),
    ("reported", "report"),
    ("reporting", "report"),
    ("reports", "report"),
    ("responded", "respond"),
    ("responding", "respond"),
    ("responds", "respond"),
    ("retorted", "retort"),
    ("retorting", "retort"),
    ("retorts", "retort"),
    ("revealed", "reveal"),
    ("revealing", "reveal"),
    ("reveals", "reveal"),
    ("said", "say"),
    ("sang", "sing"),
    ("say", "say"),
    ("saying", "say"),
    ("says", "say"),
    ("scoffed", "scoff"),
    ("scoffing", "scoff"),
    ("scoffs", "scoff"),
    ("screamed", "scream"),
    ("screaming", "scream"),
    ("screams", "scream"),
    ("shouted", "shout"),
    ("shouting", "shout"),
    ("shouts", "shout"),
    ("singing", "sing"),
    ("sings", "sing"),
    ("stated", "state"),
    ("states", "state"),
    ("stating", "state"),
    ("stressed", "stress"),
    ("stresses", "stress"),
    ("stressing", "stress"),
    ("suggested", "suggest"),
    ("suggesting", "suggest"),
    ("suggests", "suggest"),
    ("tell", "tell"),
    ("telling", "tell"),
    ("tells", "tell"),
    ("testified", "testify"),
    ("testifies", "testify"),
    ("testifying", "testify"),
    ("thinks", "think"),
    ("told", "tell"),
    ("tweeted", "tweet"),
    ("tweeting", "tweet"),
    ("tweets", "tweet"),
    ("typed", "type"),
    ("underlined", "underline"),
    ("underlines", "underline"),
    ("underlining", "underline"),
    ("urged", "urge"),
    ("urges", "urge"),
    ("urging", "urge"),
    ("vowed", "vow"),
    ("vowing", "vow"),
    ("vows", "vow"),
    ("warn", "warn"),
    ("warned", "warn"),
    ("warning", "warn"),
    ("warns", "warn"),
    ("whispered", "whisper"),
    ("whispering", "whisper"),
    ("whispers", "whisper"),
    ("writes", "write"),
    ("writing", "write"),
    ("wrote", "write"),
    ("yelled", "yell"),
    ("yelling", "yell"),
    ("yells", "yell"),
];

/// The lemma of a speech verb form ("told" → "tell"), case-insensitive.
pub fn cue_lemma(word: &str) -> Option<&'static str> {
    if word.len() > 16 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let w = std::str::from_utf8(lower).unwrap_or("");
    // most words are no cue: the forms sharing the word's first letter and length are few
    let &(lo, hi, lengths) = w
        .bytes()
        .next()
        .and_then(|b| cue_index().get(usize::from(b.wrapping_sub(b'a'))))?;
    if lengths & (1 << w.len()) == 0 {
        return None;
    }
    let forms = &CUES[lo..hi];
    forms
        .binary_search_by(|(k, _)| k.cmp(&w))
        .ok()
        .map(|i| forms[i].1)
}

/// For each letter a–z, the range of `CUES` whose forms start with it and a bit set of their
/// lengths.
fn cue_index() -> &'static [(usize, usize, u32); 26] {
    static INDEX: std::sync::OnceLock<[(usize, usize, u32); 26]> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = [(0, 0, 0); 26];
        for (c, entry) in index.iter_mut().enumerate() {
            let letter = b'a' + c as u8;
            let lo = CUES.partition_point(|(k, _)| k.as_bytes()[0] < letter);
            let hi = CUES.partition_point(|(k, _)| k.as_bytes()[0] <= letter);
            let lengths = CUES[lo..hi].iter().fold(0u32, |m, (k, _)| {
                m | 1u32.checked_shl(k.len() as u32).unwrap_or(0)
            });
            *entry = (lo, hi, lengths);
        }
        index
    })
}

/// Verbs that introduce reported speech with a that-clause or a bare clause ("said (that)",
/// "warned", "insisted") rather than only a direct quote ("praised", "commended").
pub fn takes_clause(lemma: &str) -> bool {
    matches!(
        lemma,
        "say"
            | "tell"
            | "add"
            | "warn"
            | "insist"
            | "state"
            | "explain"
            | "claim"
            | "argue"
            | "note"
            | "declare"
            | "announce"
            | "write"
            | "suggest"
            | "admit"
            | "acknowledge"
            | "confirm"
            | "deny"
            | "stress"
            | "emphasise"
            | "predict"
            | "report"
            | "reveal"
            | "concede"
            | "conclude"
            | "allege"
            | "assert"
            | "assure"
            | "maintain"
            | "estimate"
            | "recall"
            | "promise"
            | "pledge"
            | "vow"
            | "testify"
            | "think"
            | "underline"
            | "caution"
            | "complain"
            | "observe"
            | "remark"
            | "continue"
    )
}

/// Verbs of manner of speaking ("barked", "beamed", "sighed") that are no reporting verbs in
/// general ("laughed at the idea", "offered a plan") but attribute a quote they stand right
/// next to: `“Go back to your seat,” Trump barked`. Sorted; past and present forms.
const MANNER: &[&str] = &[
    "barked",
    "barks",
    "beamed",
    "beams",
    "begged",
    "begs",
    "bellowed",
    "bellows",
    "blurted",
    "blurts",
    "bragged",
    "brags",
    "chided",
    "chides",
    "chimed",
    "chimes",
    "chuckled",
    "chuckles",
    "cooed",
    "coos",
    "cracked",
    "cracks",
    "crowed",
    "crows",
    "deadpanned",
    "deadpans",
    "enthused",
    "enthuses",
    "gasped",
    "gasps",
    "grinned",
    "grins",
    "griped",
    "gripes",
    "groused",
    "grouses",
    "growled",
    "growls",
    "grumbled",
    "grumbles",
    "gushed",
    "gushes",
    "hissed",
    "hisses",
    "hollered",
    "hollers",
    "howled",
    "howls",
    "huffed",
    "huffs",
    "implored",
    "implores",
    "inquired",
    "inquires",
    "interrupted",
    "interrupts",
    "intoned",
    "intones",
    "jabbed",
    "jabs",
    "laughed",
    "laughs",
    "marveled",
    "marvelled",
    "marvels",
    "murmured",
    "murmurs",
    "mused",
    "muses",
    "opined",
    "opines",
    "piped",
    "pipes",
    "ranted",
    "rants",
    "raved",
    "raves",
    "reasoned",
    "reasons",
    "rebuts",
    "rebutted",
    "recounted",
    "recounts",
    "retaliated",
    "retaliates",
    "roared",
    "roars",
    "scolded",
    "scolds",
    "shrugged",
    "shrugs",
    "sighed",
    "sighs",
    "smiled",
    "smiles",
    "snapped",
    "snaps",
    "sneered",
    "sneers",
    "sniffed",
    "sniffs",
    "snorted",
    "snorts",
    "sobbed",
    "sobs",
    "stammered",
    "stammers",
    "taunted",
    "taunts",
    "teased",
    "teases",
    "thundered",
    "thunders",
    "ventured",
    "ventures",
    "volunteered",
    "volunteers",
    "wondered",
    "wonders",
];

/// True for a verb of manner of speaking ([`MANNER`]; case-insensitive), a cue only right
/// after a quote.
pub fn is_manner_of_speaking(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    MANNER.binary_search(&lower.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_sorted_and_found() {
        assert!(
            CUES.windows(2).all(|w| w[0].0 < w[1].0),
            "CUES must be sorted"
        );
        assert_eq!(cue_lemma("told"), Some("tell"));
        assert_eq!(cue_lemma("Said"), Some("say"));
        assert_eq!(cue_lemma("table"), None);
        // every form is found through the letter index, in any case; near misses are not
        for &(form, lemma) in CUES {
            assert_eq!(cue_lemma(form), Some(lemma), "{form}");
            assert_eq!(cue_lemma(&form.to_uppercase()), Some(lemma), "{form}");
            assert_eq!(
                cue_lemma(&format!("{form}x")),
                CUES.iter()
                    .find(|(k, _)| *k == format!("{form}x"))
                    .map(|c| c.1)
            );
        }
        for w in ["", "z", "x", "é", "saidsaidsaidsaid", "s4id"] {
            assert_eq!(cue_lemma(w), None, "{w}");
        }
        assert!(
            MANNER.windows(2).all(|w| w[0] < w[1]),
            "MANNER must be sorted"
        );
        assert!(is_manner_of_speaking("Barked") && is_manner_of_speaking("sighs"));
        assert!(!is_manner_of_speaking("said") && !is_manner_of_speaking("table"));
        assert!(MANNER.iter().all(|w| cue_lemma(w).is_none()));
    }
}
