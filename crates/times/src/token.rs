//! Splitting one sentence into word, number and punctuation tokens.
//!
//! Words keep their inner hyphens ("two-day", "2025-06-23") and apostrophes ("o'clock",
//! "we'll"); numbers keep separators between digits ("10:30", "3.30", "1,000"), so a year can
//! never be read out of "2,024". A trailing possessive "'s" is left out of the token, so
//! "Monday's" is the token "Monday".

use crate::lexicon::{classify, W};

/// Coarse token shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, possibly with digits, hyphens or apostrophes ("year", "3pm", "two-day").
    Word,
    /// ASCII digits only ("2025", "23").
    Num,
    /// Digits with `.`, `:` or `,` between them ("10:30", "1,000").
    NumSep,
    /// One other character.
    Punct,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    /// First byte, in document offsets.
    pub start: usize,
    /// One past the last byte (possessive left out), in document offsets.
    pub end: usize,
    /// The token's text (possessive left out).
    pub text: &'a str,
    /// Its shape.
    pub kind: Kind,
    /// True for a word with an inner hyphen.
    pub hyphen: bool,
    /// Its word class.
    pub w: W,
}

impl Tok<'_> {
    /// True when the token's text is `word`, ignoring ASCII case.
    pub(crate) fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// True for a punctuation token of the character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// True when the token starts with an uppercase letter.
    pub(crate) fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Tokenises `sentence`, which starts at byte `base` of the document text, into `out`.
pub(crate) fn tokenize<'a>(sentence: &'a str, base: usize, out: &mut Vec<Tok<'a>>) {
    out.clear();
    let mut i = 0;
    while let Some(c) = char_at(sentence, i) {
        let len = c.len_utf8();
        if is_word_char(c) {
            let end = word_end(sentence, i + len, c);
            out.push(word_token(sentence, base, i, end));
            i = end;
        } else if c.is_whitespace() {
            i += len;
        } else {
            let text = &sentence[i..i + len];
            let (start, end) = (base + i, base + i + len);
            out.push(Tok {
                start,
                end,
                text,
                kind: Kind::Punct,
                hyphen: false,
                w: W::Other,
            });
            i += len;
        }
    }
}

/// The char at byte `i` of `s`, if any (ASCII without decoding).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
        None => None,
    }
}

/// Letters and digits of any script; the quotation marks and dashes of the General
/// Punctuation block are answered without a Unicode table lookup.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphanumeric()
    }
}

/// Where the word that started with `first` and continues at byte `j` ends.
fn word_end(s: &str, mut j: usize, first: char) -> usize {
    let mut prev = first;
    while let Some(c) = char_at(s, j) {
        if is_word_char(c) {
            prev = c;
            j += c.len_utf8();
            continue;
        }
        let Some(next) = char_at(s, j + c.len_utf8()) else {
            break;
        };
        let join = match c {
            '-' => is_word_char(next),
            '\'' | '\u{2019}' => next.is_alphabetic(),
            '.' | ':' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
            _ => false,
        };
        if !join {
            break;
        }
        j += c.len_utf8();
    }
    j
}

/// Builds the token for the word at `start..end` of the sentence.
fn word_token<'a>(s: &'a str, base: usize, start: usize, end: usize) -> Tok<'a> {
    let full = &s[start..end];
    let core = ["'s", "\u{2019}s", "'S", "\u{2019}S"]
        .iter()
        .find_map(|p| full.strip_suffix(p))
        .filter(|c| !c.is_empty())
        .unwrap_or(full);
    let bytes = core.as_bytes();
    let digits = bytes.iter().all(u8::is_ascii_digit);
    let numeric = bytes
        .iter()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b':' | b','));
    let hyphen = bytes.contains(&b'-');
    let kind = if digits {
        Kind::Num
    } else if numeric {
        Kind::NumSep
    } else {
        Kind::Word
    };
    let w = if kind == Kind::Word && !hyphen {
        classify(core)
    } else {
        W::Other
    };
    Tok {
        start: base + start,
        end: base + start + core.len(),
        text: core,
        kind,
        hyphen,
        w,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        tokenize(s, 0, &mut v);
        v.iter().map(|t| t.text).collect()
    }

    #[test]
    fn joins_and_splits() {
        assert_eq!(texts("a two-day summit"), ["a", "two-day", "summit"]);
        assert_eq!(
            texts("at 10:30, 3.30pm."),
            ["at", "10:30", ",", "3.30pm", "."]
        );
        assert_eq!(texts("Monday’s talks"), ["Monday", "talks"]);
        assert_eq!(texts("£2,024 (5%)"), ["£", "2,024", "(", "5", "%", ")"]);
        assert_eq!(texts("we’ll see. 2-1"), ["we’ll", "see", ".", "2-1"]);
        assert_eq!(texts("end. Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn kinds_and_offsets() {
        let mut v = Vec::new();
        tokenize("In 2019’s 1,000", 10, &mut v);
        assert_eq!(v[1].kind, Kind::Num);
        assert_eq!((v[1].start, v[1].end), (13, 17));
        assert_eq!(v[2].kind, Kind::NumSep);
    }
}
