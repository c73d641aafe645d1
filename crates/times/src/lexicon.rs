//! Word tables for the times stage: which words can start or extend a time expression, and which
//! words tell the tense of a clause.
//!
//! Month, weekday, day-part, season, number and ordinal words come from `byline-lexicon`; this
//! file only adds the small closed classes the scanner dispatches on. Every word is classified
//! once, by one hashed lookup of its ASCII-lowercased form (kept in a stack buffer), so
//! classification never allocates for ordinary words; the lexicon helpers, which do, are only
//! called for words that can be calendar names or ordinals.

use byline_lexicon::{calendar, numbers};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A calendar unit that can be counted ("three weeks", "two-day").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration pieces of one unit: whether it takes the `T` designator, how many of
    /// the designator's unit it is, and the designator letter.
    pub(crate) fn timex(self) -> (bool, u64, char) {
        match self {
            Unit::Second => (true, 1, 'S'),
            Unit::Minute => (true, 1, 'M'),
            Unit::Hour => (true, 1, 'H'),
            Unit::Day => (false, 1, 'D'),
            Unit::Week => (false, 1, 'W'),
            Unit::Fortnight => (false, 2, 'W'),
            Unit::Month => (false, 1, 'M'),
            Unit::Year => (false, 1, 'Y'),
            Unit::Decade => (false, 10, 'Y'),
            Unit::Century => (false, 100, 'Y'),
        }
    }

    /// The next smaller unit and how many of it make one of this, used to write a fraction of a
    /// unit as a whole number ("half an hour" → `PT30M`).
    pub(crate) fn smaller(self) -> Option<(Unit, u64)> {
        Some(match self {
            Unit::Minute => (Unit::Second, 60),
            Unit::Hour => (Unit::Minute, 60),
            Unit::Day => (Unit::Hour, 24),
            Unit::Week => (Unit::Day, 7),
            Unit::Year => (Unit::Month, 12),
            _ => return None,
        })
    }
}

/// What a word says about the tense of its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// "will", "shall", "won't", "we'll".
    Future,
    /// Future only when "to" follows: "set to", "plans to", "is going to".
    FutureTo,
    /// Future when "to" or a time follows: "due to", "expected on Thursday", "due today".
    Due,
    /// "is", "are", "takes", "begins".
    Present,
    /// Present after a capitalised subject: "Leeds host Derby", "England face Moldova".
    NamePresent,
    /// "was", "had", "said", "met", and words ending in "-ed".
    Past,
    /// A word that starts a new clause: "but", "while", "which", "and".
    Boundary,
}

/// The class of one word, as the scanner dispatches on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum W {
    Other,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Overnight,
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    /// A countable unit; `true` when plural.
    Unit(Unit, bool),
    Weekend,
    /// Morning, afternoon, evening, night, lunchtime: the TIMEX3 part-of-day code.
    Part(&'static str),
    /// A season's TIMEX3 code.
    Season(&'static str),
    Quarter,
    /// "Q1" .. "Q4".
    QuarterN(u32),
    Noon,
    Midnight,
    Ago,
    Every,
    Each,
    Per,
    Once,
    Twice,
    Times,
    The,
    /// "a" or "an".
    A,
    Of,
    Half,
    /// "few", "several", "many".
    Vague,
    Recent,
    /// "other" in "every other week".
    OtherOne,
    Before,
    After,
    /// "end", "start", "beginning", "middle".
    Edge,
    /// A set adverb ("daily") with its TIMEX3 value.
    SetAdv(&'static str),
    /// A capitalised full weekday name (Monday = 0).
    Weekday(u32),
    /// A plural weekday ("Mondays").
    Weekdays(u32),
    /// A capitalised month name or abbreviation; `true` for an abbreviation.
    Month(u32, bool),
    Ordinal(u64),
    Am,
    Pm,
    OClock,
    Cue(Cue),
}

/// Full month names, lowercase, to tell abbreviations apart.
#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// Words before a weekday that make a named day rather than a date ("Black Friday").
const NAMED_DAY_PREFIXES: [&str; 12] = [
    "Cyber", "Black", "Good", "Super", "Ash", "Easter", "Holy", "Maundy", "Shrove", "Blue",
    "Bloody", "Boxing",
];

/// Capitalised words after a weekday that make a title ("the Sunday Times").
#[rustfmt::skip]
const TITLE_WORDS: [&str; 12] = [
    "Times", "Telegraph", "Express", "Mirror", "Post", "Herald", "Mail", "Tribune", "Independent",
    "World", "Sport", "People",
];

/// True for a capitalised word that turns a following weekday into a named day.
pub(crate) fn is_named_day_prefix(word: &str) -> bool {
    NAMED_DAY_PREFIXES.contains(&word)
}

/// True for a capitalised word that turns a preceding weekday into a title.
pub(crate) fn is_title_word(word: &str) -> bool {
    TITLE_WORDS.contains(&word)
}

/// True for the signal words that let a bare four-digit number be a year ("in 2019").
pub(crate) fn is_year_signal(word: &str) -> bool {
    #[rustfmt::skip]
    const SIGNALS: [&str; 14] = [
        "in", "since", "by", "from", "until", "till", "of", "year", "through", "throughout",
        "during", "before", "after", "between",
    ];
    SIGNALS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Words after which "last" is a verb ("expected to last two days", "will last a year").
pub(crate) fn is_modal(word: &str) -> bool {
    #[rustfmt::skip]
    const MODALS: [&str; 13] = [
        "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "didn't",
        "won't", "not",
    ];
    MODALS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Verbs after which a past participle is no past tense ("has been told", "will stay closed").
pub(crate) fn is_copula(word: &str) -> bool {
    const VERBS: [&str; 13] = [
        "be", "been", "being", "stay", "stays", "remain", "remains", "get", "gets", "become",
        "becomes", "seem", "seems",
    ];
    VERBS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// Nouns before "of" that make the next number an amount, not a year ("a total of 2000").
pub(crate) fn is_amount_noun(word: &str) -> bool {
    #[rustfmt::skip]
    const NOUNS: [&str; 14] = [
        "total", "score", "maximum", "minimum", "average", "sum", "tally", "population", "capacity",
        "record", "value", "price", "cost", "rate",
    ];
    NOUNS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// True for the signal words that let a bare month name be a month ("in March", "since May").
pub(crate) fn is_month_signal(word: &str) -> bool {
    #[rustfmt::skip]
    const SIGNALS: [&str; 13] = [
        "in", "since", "by", "from", "until", "till", "of", "through", "throughout", "during",
        "before", "after", "between",
    ];
    SIGNALS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// True for the words that let "a year" be a duration ("for a year", "more than a year").
pub(crate) fn is_duration_signal(word: &str) -> bool {
    const SIGNALS: [&str; 12] = [
        "for", "over", "within", "after", "than", "nearly", "almost", "about", "around", "least",
        "just", "only",
    ];
    SIGNALS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

/// The closed word classes, one list per class. Words are lowercase; a word may appear once.
#[rustfmt::skip]
const CLASSES: &[(W, &[&str])] = &[
    (W::Today, &["today"]),
    (W::Yesterday, &["yesterday"]),
    (W::Tomorrow, &["tomorrow"]),
    (W::Tonight, &["tonight"]),
    (W::Overnight, &["overnight"]),
    (W::This, &["this"]),
    (W::Last, &["last"]),
    (W::Next, &["next"]),
    (W::Past, &["past"]),
    (W::Coming, &["coming", "upcoming"]),
    (W::Previous, &["previous"]),
    (W::Following, &["following"]),
    (W::Earlier, &["earlier"]),
    (W::Later, &["later"]),
    (W::Early, &["early"]),
    (W::Late, &["late"]),
    (W::Mid, &["mid"]),
    // "second" is an ordinal: "the second quarter"
    (W::Unit(Unit::Second, true), &["seconds"]),
    (W::Unit(Unit::Minute, false), &["minute"]),
    (W::Unit(Unit::Minute, true), &["minutes"]),
    (W::Unit(Unit::Hour, false), &["hour"]),
    (W::Unit(Unit::Hour, true), &["hours"]),
    (W::Unit(Unit::Day, false), &["day"]),
    (W::Unit(Unit::Day, true), &["days"]),
    (W::Unit(Unit::Week, false), &["week"]),
    (W::Unit(Unit::Week, true), &["weeks"]),
    (W::Unit(Unit::Fortnight, false), &["fortnight"]),
    (W::Unit(Unit::Fortnight, true), &["fortnights"]),
    (W::Unit(Unit::Month, false), &["month"]),
    (W::Unit(Unit::Month, true), &["months"]),
    (W::Unit(Unit::Year, false), &["year"]),
    (W::Unit(Unit::Year, true), &["years"]),
    (W::Unit(Unit::Decade, false), &["decade"]),
    (W::Unit(Unit::Decade, true), &["decades"]),
    (W::Unit(Unit::Century, false), &["century"]),
    (W::Unit(Unit::Century, true), &["centuries"]),
    (W::Weekend, &["weekend"]),
    (W::Quarter, &["quarter"]),
    (W::QuarterN(1), &["q1"]),
    (W::QuarterN(2), &["q2"]),
    (W::QuarterN(3), &["q3"]),
    (W::QuarterN(4), &["q4"]),
    (W::Noon, &["noon", "midday"]),
    (W::Midnight, &["midnight"]),
    (W::Ago, &["ago"]),
    (W::Every, &["every"]),
    (W::Each, &["each"]),
    (W::Per, &["per"]),
    (W::Once, &["once"]),
    (W::Twice, &["twice"]),
    (W::Times, &["times"]),
    (W::The, &["the"]),
    (W::A, &["a", "an"]),
    (W::Of, &["of"]),
    (W::Half, &["half"]),
    (W::Vague, &["few", "several", "many"]),
    (W::Recent, &["recent"]),
    (W::OtherOne, &["other"]),
    (W::Before, &["before"]),
    (W::After, &["after"]),
    (W::Edge, &["end", "start", "beginning", "middle"]),
    (W::SetAdv("P1D"), &["daily"]),
    (W::SetAdv("P1W"), &["weekly"]),
    (W::SetAdv("P2W"), &["fortnightly"]),
    (W::SetAdv("P1M"), &["monthly"]),
    (W::SetAdv("P3M"), &["quarterly"]),
    (W::SetAdv("P1Y"), &["annually", "yearly", "annual"]),
    (W::SetAdv("PT1H"), &["hourly"]),
    (W::Am, &["am"]),
    (W::Pm, &["pm"]),
    (W::OClock, &["o'clock"]),
    // "would" is the future of reported speech: "said it would update investors in October"
    (W::Cue(Cue::Future), &[
        "will", "shall", "won't", "would", "expect", "expects", "anticipates", "predicts",
    ]),
    (W::Cue(Cue::FutureTo), &[
        "set", "plans", "plan", "going", "intends", "aims", "hopes", "likely",
    ]),
    // future also before a time: "more rain was expected on Thursday", "the verdict is due today"
    (W::Cue(Cue::Due), &["due", "expected", "scheduled", "poised", "slated"]),
    (W::Cue(Cue::Present), &[
        "is", "are", "isn't", "aren't", "takes", "begins", "starts", "opens", "meets", "arrives",
        "comes", "gets", "goes", "remains", "continues", "ends", "runs", "returns", "resumes",
        "faces", "hosts", "plays", "travels", "visits", "heads",
        // the present perfect: "has been told to produce a package before the summer"
        "has", "have", "hasn't", "haven't",
    ]),
    // present only after a name, as nouns are spelt the same: "Leeds host Derby on Tuesday"
    (W::Cue(Cue::NamePresent), &["face", "host", "play", "meet", "resume", "travel", "return"]),
    (W::Cue(Cue::Past), &[
        "was", "were", "had", "did", "wasn't", "weren't", "didn't", "hadn't", "said", "told",
        "met", "came", "became", "went", "took", "made", "gave", "saw", "left", "began", "held",
        "spoke", "wore", "won", "lost", "fought", "sent", "brought", "thought", "found", "got",
        "ran", "struck", "flew", "fell", "rose", "led", "paid", "sought", "stood", "drew", "chose",
        "broke", "spent", "kept", "knew", "felt", "wrote", "sat", "shot", "heard", "meant", "beat",
        "hit", "cut", "put", "quit", "spread", "shut", "hurt", "cast", "bought", "caught",
        "taught", "sold", "stole", "threw", "drove", "rode", "woke", "froze", "forgot", "hid",
        "fled", "fed", "slid", "swept", "slept", "built", "lent", "bent", "dealt", "withdrew",
        "overtook", "arose", "bore", "tore", "sank", "rang", "sang", "swam", "drank", "sprang",
        "ate", "laid", "grew", "blew", "upheld", "spun", "stuck", "swung", "hung", "dug", "shone",
        "understood", "overcame", "forgave", "undertook", "mistook", "foresaw", "oversaw",
    ]),
    (
        W::Cue(Cue::Boundary),
        &[
            "but", "while", "whereas", "although", "though", "because", "when", "whether", "and",
            "as", "which", "who", "that", "where", "if", "unless",
        ],
    ),
    // words ending in "-ed" that are no past-tense verbs
    (
        W::Other,
        &[
            "hundred", "indeed", "speed", "exceed", "proceed", "succeed", "sacred", "naked",
            "wicked", "kindred",
        ],
    ),
];

/// Words whose class comes from `byline-lexicon`: parts of the day, seasons ("fall" is left out:
/// "the fall of Kabul" is no season) and ordinal words.
const PARTS: [&str; 5] = ["morning", "afternoon", "evening", "night", "lunchtime"];
const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];
const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// A word of up to 16 bytes, ASCII-lowercased (the curly apostrophe as a straight one) and
/// zero-padded: both the lookup key and the text of the word.
#[derive(Clone, Copy)]
struct Lower {
    buf: [u8; 16],
    len: usize,
}

impl Lower {
    fn new(word: &str) -> Option<Lower> {
        let mut buf = [0u8; 16];
        let mut len = 0;
        for c in word.chars() {
            let b = match c {
                '\u{2019}' => b'\'',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                _ => return None,
            };
            *buf.get_mut(len)? = b;
            len += 1;
        }
        Some(Lower { buf, len })
    }

    fn key(&self) -> u128 {
        u128::from_le_bytes(self.buf)
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }
}

/// A fast hash for [`Lower`] keys (a 64-bit finaliser over the two halves).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u128(&mut self, n: u128) {
        let mut x = (n as u64) ^ ((n >> 64) as u64).rotate_left(29);
        x = (x ^ (x >> 33)).wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        x = (x ^ (x >> 33)).wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        self.0 = x ^ (x >> 33);
    }
}

type Table = HashMap<u128, W, BuildHasherDefault<KeyHasher>>;

/// The closed classes by lowercase key, built once.
fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table::default();
        let mut add = |word: &str, w: W| {
            if let Some(l) = Lower::new(word) {
                t.insert(l.key(), w);
            }
        };
        for (w, words) in CLASSES {
            words.iter().for_each(|word| add(word, *w));
        }
        for word in PARTS {
            calendar::day_part(word)
                .into_iter()
                .for_each(|p| add(word, W::Part(p)));
        }
        for word in SEASONS {
            calendar::season(word)
                .into_iter()
                .for_each(|c| add(word, W::Season(c)));
        }
        for word in ORDINALS {
            numbers::ordinal(word)
                .into_iter()
                .for_each(|n| add(word, W::Ordinal(n)));
        }
        t
    })
}

/// Classifies one word token (its possessive "'s" already removed).
pub(crate) fn classify(word: &str) -> W {
    let Some(low) = Lower::new(word) else {
        return W::Other;
    };
    if let Some(w) = table().get(&low.key()) {
        return *w;
    }
    let bytes = low.bytes();
    let first = word.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_uppercase() && (3..=10).contains(&word.len()) && maybe_calendar(bytes) {
        if let Some(w) = calendar_word(word, low.as_str()) {
            return w;
        }
    }
    if first.is_ascii_digit() {
        return numbers::ordinal(low.as_str()).map_or(W::Other, W::Ordinal);
    }
    if bytes.ends_with(b"'ll") {
        return W::Cue(Cue::Future);
    }
    if bytes.len() >= 5 && bytes.ends_with(b"ed") {
        return W::Cue(Cue::Past);
    }
    W::Other
}

/// True when a lowercase word starts like a month or weekday name; spares the lexicon lookups
/// (which allocate) for every other capitalised word.
fn maybe_calendar(low: &[u8]) -> bool {
    matches!(
        low.get(..3),
        Some(
            b"jan"
                | b"feb"
                | b"mar"
                | b"apr"
                | b"may"
                | b"jun"
                | b"jul"
                | b"aug"
                | b"sep"
                | b"oct"
                | b"nov"
                | b"dec"
                | b"mon"
                | b"tue"
                | b"wed"
                | b"thu"
                | b"fri"
                | b"sat"
                | b"sun"
        )
    )
}

/// Weekdays (full names only: "Sun" and "Sat" are too often other words) and months.
fn calendar_word(word: &str, low: &str) -> Option<W> {
    if word.len() >= 6 {
        if let Some(d) = calendar::weekday(word) {
            return Some(W::Weekday(d));
        }
        if let Some(d) = word.strip_suffix('s').and_then(calendar::weekday) {
            return Some(W::Weekdays(d));
        }
    }
    let m = calendar::month(word)?;
    let full = MONTHS.get(m as usize - 1).is_some_and(|f| *f == low);
    Some(W::Month(m, !full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(classify("Monday"), W::Weekday(0));
        assert_eq!(classify("Mondays"), W::Weekdays(0));
        assert_eq!(classify("Sun"), W::Other);
        assert_eq!(classify("June"), W::Month(6, false));
        assert_eq!(classify("Jan"), W::Month(1, true));
        assert_eq!(classify("Sept"), W::Month(9, true));
        assert_eq!(classify("may"), W::Other);
        assert_eq!(classify("Years"), W::Unit(Unit::Year, true));
        assert_eq!(classify("89th"), W::Ordinal(89));
        assert_eq!(classify("we’ll"), W::Cue(Cue::Future));
        assert_eq!(classify("welcomed"), W::Cue(Cue::Past));
        assert_eq!(classify("hundred"), W::Other);
        assert_eq!(classify("Zelenskyy’s-very-long-word"), W::Other);
        assert_eq!(classify("afternoon"), W::Part("AF"));
        assert_eq!(classify("Second"), W::Ordinal(2));
        assert_eq!(classify("won’t"), W::Cue(Cue::Future));
    }

    #[test]
    fn every_listed_word_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        let lists = CLASSES.iter().map(|(_, words)| *words);
        let all = lists.chain([&PARTS[..], &SEASONS[..], &ORDINALS[..]]);
        for word in all.flatten() {
            assert!(seen.insert(*word), "{word} is listed twice");
            assert!(Lower::new(word).is_some(), "{word} is too long for a key");
        }
        assert_eq!(table().len(), seen.len());
    }
}
