//! Tokens: words, numbers, quotation marks and symbols.

use byline_doc::text::is_quote_mark;
use byline_doc::{Span, Token, TokenKind};

/// Tokenises `text`. Whitespace separates tokens and is never part of one.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let off = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphabetic() || (c.is_ascii_digit() && starts_word_after_digits(&chars, i)) {
            i = scan_word(&chars, i);
            // initials run: "U.S." / "U.K." / "J.K."
            while at(i) == Some('.')
                && at(i + 1).is_some_and(char::is_uppercase)
                && at(i + 2) == Some('.')
                && i - start <= 3
                && chars[i - 1].1.is_uppercase()
            {
                i += 3;
            }
            kind = TokenKind::Word;
        } else if c.is_ascii_digit() {
            i = scan_number(&chars, i);
            kind = TokenKind::Number;
        } else if is_quote_mark(c) {
            // possessive or elided apostrophe after a word/number: "’s", "’"
            i += 1;
            // two straight apostrophes or two backquotes are one double mark (''…'' and ``…'')
            let doubled = matches!(c, '\'' | '`') && at(i) == Some(c);
            if doubled {
                i += 1;
                kind = TokenKind::QuoteMark;
            } else if matches!(c, '\'' | '\u{2019}')
                && start > 0
                && chars[start - 1].1.is_alphanumeric()
                && at(i).is_some_and(|d| d == 's' || d == 'S')
                && !at(i + 1).is_some_and(char::is_alphanumeric)
            {
                i += 1;
                kind = TokenKind::Word;
            } else {
                kind = TokenKind::QuoteMark;
            }
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        let mut tok = Token {
            span: Span::new(off(start), off(i)),
            kind,
        };
        // split a possessive off a word: "Zelensky’s" → "Zelensky" + "’s", "state's" →
        // "state" + "'s" (contractions like "it’s" split the same way, as treebanks do)
        if kind == TokenKind::Word && i - start > 3 {
            let (a, b) = (chars[i - 2].1, chars[i - 1].1);
            if matches!(a, '\'' | '\u{2019}') && (b == 's' || b == 'S') {
                tok.span.end = off(i - 2);
                out.push(tok);
                tok = Token {
                    span: Span::new(off(i - 2), off(i)),
                    kind: TokenKind::Word,
                };
            }
        }
        out.push(tok);
    }
    out
}

/// A digit run glued to letters or a hyphen-word ("100-year", "45m", "3pm", "1990s") is a word
/// only when a hyphen joins it to letters.
fn starts_word_after_digits(chars: &[(usize, char)], i: usize) -> bool {
    let mut j = i;
    while j < chars.len() && chars[j].1.is_ascii_digit() {
        j += 1;
    }
    j + 1 < chars.len() && chars[j].1 == '-' && chars[j + 1].1.is_alphabetic()
}

/// Letters and digits, with inner apostrophes, hyphens and periods-between-letters kept.
fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    let n = chars.len();
    while i < n {
        let c = chars[i].1;
        let inner_joiner = matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
            && i + 1 < n
            && chars[i + 1].1.is_alphanumeric()
            && i > 0
            && chars[i - 1].1.is_alphanumeric();
        if c.is_alphanumeric() || c == '\u{00AD}' || inner_joiner {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Digits with inner `,` or `.` followed by digits, then glued letters ("45m", "89th").
fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    let n = chars.len();
    while i < n {
        let c = chars[i].1;
        let separator =
            matches!(c, ',' | '.' | ':') && i + 1 < n && chars[i + 1].1.is_ascii_digit();
        if c.is_ascii_digit() || separator {
            i += 1;
        } else {
            break;
        }
    }
    while i < n && chars[i].1.is_alphabetic() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s)
            .iter()
            .map(|t| &s[t.span.start..t.span.end])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "co-production, 1,200 and 4.2",
                &["co-production", ",", "1,200", "and", "4.2"],
            ),
            ("No 10’s garden", &["No", "10", "’s", "garden"]),
            ("Zelensky’s visit", &["Zelensky", "’s", "visit"]),
            (
                "“We’ve won,” he said.",
                &["“", "We’ve", "won", ",", "”", "he", "said", "."],
            ),
            ("a 100-year deal", &["a", "100-year", "deal"]),
            ("the U.S. and U.K.", &["the", "U.S.", "and", "U.K."]),
            ("£45m at 3pm", &["£", "45m", "at", "3pm"]),
            ("'straight' quotes", &["'", "straight", "'", "quotes"]),
            (
                "''Yes,'' he said.",
                &["''", "Yes", ",", "''", "he", "said", "."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "input {input:?}");
        }
    }
}
