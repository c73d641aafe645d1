//! Candidate name chunks: runs of capitalised tokens.

use byline_doc::{Document, Span, TokenKind};
use byline_lexicon::{calendar, people, words};

/// A run of capitalised tokens that may be a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// Token indices `[first, last]` inclusive.
    pub first: usize,
    /// Last token index (inclusive).
    pub last: usize,
    /// True when the chunk opens a sentence, a quotation or follows a colon, where any word is
    /// capitalised.
    pub initial: bool,
}

impl Chunk {
    /// The chunk's text span.
    pub fn span(&self, doc: &Document) -> Span {
        Span::new(
            doc.tokens[self.first].span.start,
            doc.tokens[self.last].span.end,
        )
    }
}

/// The word with any contraction cut off ("It’s" → "It"), for lexicon look-ups.
pub fn stem(word: &str) -> &str {
    word.split(['\'', '\u{2019}']).next().unwrap_or(word)
}

/// True for tokens that can be part of a name: capitalised words and acronyms, but not
/// contractions ("Don’t", "We’ll"), hyphenated adjectives ("Republican-controlled") or plural
/// abbreviations ("MPs").
pub fn is_cap(word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower_after_hyphen = word
        .split_once('-')
        .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase));
    let contraction = [
        "n’t", "n't", "’ll", "'ll", "’ve", "'ve", "’re", "'re", "’m", "'m", "’d", "'d",
    ]
    .iter()
    .any(|c| word.ends_with(c));
    let plural_abbrev = word.len() >= 3
        && word.ends_with('s')
        && word[..word.len() - 1]
            .chars()
            .all(|c| c.is_ascii_uppercase());
    !(lower_after_hyphen || contraction || plural_abbrev)
}

fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "of" | "de"
            | "van"
            | "von"
            | "da"
            | "del"
            | "della"
            | "di"
            | "bin"
            | "al"
            | "la"
            | "le"
            | "du"
            | "der"
            | "den"
            | "&"
    )
}

/// One capital letter: a middle initial inside a name.
fn is_middle_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|c| c.is_ascii_uppercase()) && c.next().is_none()
}

/// Finds the chunks of a document.
pub fn chunks(doc: &Document) -> Vec<Chunk> {
    let toks = &doc.tokens;
    let text = &doc.text;
    let w = |i: usize| &text[toks[i].span.start..toks[i].span.end];
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let word = w(i);
        let joinable = toks[i].kind == TokenKind::Word
            && is_cap(word)
            && !is_time_word(word)
            && !is_month_in_context(doc, i);
        if !joinable {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i + 1;
        loop {
            if j >= toks.len() || !adjacent_or_space(doc, j - 1, j) {
                break;
            }
            let x = w(j);
            if x == "."
                && people::is_abbreviated_title(w(j - 1))
                && j + 1 < toks.len()
                && is_cap(w(j + 1))
            {
                // "Mr. Smith", "Sen. Warren"
                last = j + 1;
                j += 2;
                continue;
            }
            if x == "."
                && j - 1 > first
                && is_middle_initial(w(j - 1))
                && j + 1 < toks.len()
                && toks[j + 1].kind == TokenKind::Word
                && is_cap(w(j + 1))
            {
                // "Elijah E. Cummings", "Leonard E. Burman"
                last = j + 1;
                j += 2;
                continue;
            }
            if toks[j].kind == TokenKind::Word && is_cap(x) && !is_time_word(x) {
                last = j;
                j += 1;
                continue;
            }
            if toks[j].kind == TokenKind::Number
                && matches!(
                    w(j - 1),
                    "No" | "Number"
                        | "Interstate"
                        | "Route"
                        | "Highway"
                        | "Junction"
                        | "Terminal"
                        | "Platform"
                        | "Gate"
                )
                && j == last + 1
            {
                last = j;
                j += 1;
                continue;
            }
            // particles join two capitalised parts: "Palace of Westminster", "Bank of England"
            let org_for = x == "for"
                && (byline_lexicon::orgs::is_org_prefix(w(j - 1))
                    || byline_lexicon::orgs::is_org_suffix(w(j - 1)));
            if (is_particle(x) || org_for)
                && j + 1 < toks.len()
                && toks[j + 1].kind == TokenKind::Word
            {
                let y = w(j + 1);
                let mut k = j + 1;
                if y == "the" && k + 1 < toks.len() && is_cap(w(k + 1)) {
                    k += 1;
                }
                if is_cap(w(k)) && !is_time_word(w(k)) {
                    last = k;
                    j = k + 1;
                    continue;
                }
            }
            break;
        }
        let initial = is_initial_position(doc, first);
        out.push(Chunk {
            first,
            last,
            initial,
        });
        i = last + 1;
    }
    out
}

fn adjacent_or_space(doc: &Document, a: usize, b: usize) -> bool {
    let gap = &doc.text[doc.tokens[a].span.end..doc.tokens[b].span.start];
    gap.is_empty() || gap == " "
}

/// Month and weekday names are capitalised but are never entities here.
pub fn is_time_word(w: &str) -> bool {
    calendar::weekday(w).is_some()
        || (calendar::month(w).is_some() && w.len() > 3 && w != "May" && w != "March")
        || matches!(
            w,
            "January"
                | "February"
                | "April"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
        )
}

/// "May" and "March" are names or verbs unless a date context makes them months: "in March",
/// "since May", "March 3", "May 2024", "early March".
fn is_month_in_context(doc: &Document, i: usize) -> bool {
    let w = |k: usize| &doc.text[doc.tokens[k].span.start..doc.tokens[k].span.end];
    if !matches!(w(i), "May" | "March") {
        return false;
    }
    let before = i.checked_sub(1).map(w);
    let after = doc
        .tokens
        .get(i + 1)
        .map(|t| (t.kind, &doc.text[t.span.start..t.span.end]));
    matches!(
        before,
        Some(
            "in" | "since"
                | "until"
                | "by"
                | "from"
                | "of"
                | "early"
                | "late"
                | "mid"
                | "last"
                | "next"
                | "this"
                | "through"
                | "during"
                | "before"
                | "after"
        )
    ) || matches!(after, Some((TokenKind::Number, _)))
        || before.is_some_and(|b| b.chars().all(|c| c.is_ascii_digit()))
}

/// True when token `i` opens a sentence or a quotation, or follows a colon or dash.
pub fn is_initial_position(doc: &Document, i: usize) -> bool {
    let start = doc.tokens[i].span.start;
    if doc.sentences.iter().any(|s| s.start == start) {
        return true;
    }
    if i == 0 {
        return true;
    }
    let prev = &doc.text[doc.tokens[i - 1].span.start..doc.tokens[i - 1].span.end];
    matches!(prev, "“" | "\"" | "‘" | ":" | "—" | "–" | "(" | "'" | "-")
        && (doc.tokens[i - 1].kind != TokenKind::QuoteMark || opens_quote(doc, i - 1))
}

fn opens_quote(doc: &Document, mark: usize) -> bool {
    let s = doc.tokens[mark].span;
    doc.quoted.iter().any(|q| q.open == s)
}

/// A capitalised word that is probably just a capitalised common word, not a name.
pub fn is_plain_word(w: &str) -> bool {
    let s = stem(w);
    let inflected = s.len() > 5 && (s.ends_with("ing") || s.ends_with("ed") || s.ends_with("ly"));
    (words::is_common(s) || words::is_function_word(s) || inflected)
        && people::first_name(s).is_none()
        && byline_lexicon::places::country(s).is_none()
        && byline_lexicon::places::demonym(s).is_none()
        && !byline_lexicon::places::is_place(s)
        && byline_lexicon::orgs::known(s).is_none()
}
