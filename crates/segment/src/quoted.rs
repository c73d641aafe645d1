//! Pairing quotation marks into quoted regions.

use byline_doc::text::{char_at, char_before};
use byline_doc::{QuotedRegion, Span, Token, TokenKind};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Either,
}

/// The regions between quotation marks, paragraph by paragraph.
///
/// Double marks (curly or straight) make top-level regions; single marks inside them are
/// nested and ignored. Single marks make top-level regions only outside double ones (publishers
/// that quote with ‘...’). An opening mark never closed runs to the end of its paragraph.
pub fn quoted_regions(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<QuotedRegion> {
    let mut out = Vec::new();
    let mut t = 0;
    for (pi, para) in paragraphs.iter().enumerate() {
        let mut double: Option<Span> = None;
        let mut single: Option<Span> = None;
        while t < tokens.len() && tokens[t].span.start < para.end {
            let tok = tokens[t];
            t += 1;
            if tok.kind != TokenKind::QuoteMark || tok.span.start < para.start {
                continue;
            }
            let c = char_at(text, tok.span.start).unwrap_or(' ');
            // ''…'' (two apostrophes, as some archives write quotes) counts as a double mark
            let is_double =
                matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟') || tok.span.len() == 2;
            let c = if tok.span.len() == 2 { '"' } else { c };
            let role = role_of(text, tok.span, c, *para);
            if is_double {
                match (double, role) {
                    (None, Role::Open | Role::Either) => {
                        double = Some(tok.span);
                        single = None;
                    }
                    (Some(open), Role::Close | Role::Either) => {
                        out.push(region(text, open, Some(tok.span), pi, false));
                        double = None;
                    }
                    _ => {}
                }
            } else if double.is_none() {
                match (single, role) {
                    (None, Role::Open) => single = Some(tok.span),
                    (Some(open), Role::Close | Role::Either) => {
                        out.push(region(text, open, Some(tok.span), pi, true));
                        single = None;
                    }
                    _ => {}
                }
            }
        }
        if let Some(open) = double {
            let mut r = region(text, open, None, pi, false);
            r.content.end = r
                .content
                .end
                .max(r.content.start)
                .max(trim_end(text, para.end));
            out.push(r);
        }
    }
    out.retain(|r| !r.content.is_empty());
    out
}

fn role_of(text: &str, mark: Span, c: char, para: Span) -> Role {
    let before = (mark.start > para.start)
        .then(|| char_before(text, mark.start))
        .flatten();
    let after = (mark.end < para.end)
        .then(|| char_at(text, mark.end))
        .flatten();
    let space_before = before.is_none_or(|b| b.is_whitespace() || "([{—–-/".contains(b));
    let space_after = after.is_none_or(|a| a.is_whitespace() || ",.;:!?)]}—–".contains(a));
    match c {
        '“' | '„' | '«' | '‘' | '‚' | '‟' => Role::Open,
        '”' | '»' => Role::Close,
        // ’ is a closing single mark or an apostrophe; only an opening one after a space
        '’' => {
            if space_before && !space_after {
                Role::Open
            } else {
                Role::Close
            }
        }
        _ => match (space_before, space_after) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => Role::Either,
        },
    }
}

fn region(
    text: &str,
    open: Span,
    close: Option<Span>,
    paragraph: usize,
    single: bool,
) -> QuotedRegion {
    let end = close.map_or(open.end, |c| c.start);
    let mut start = open.end;
    while char_at(text, start).is_some_and(char::is_whitespace) && start < end {
        start += char_at(text, start).map_or(1, char::len_utf8);
    }
    let end = trim_end(text, end).max(start);
    QuotedRegion {
        content: Span::new(start, end),
        open,
        close,
        paragraph,
        single,
    }
}

fn trim_end(text: &str, mut end: usize) -> usize {
    while let Some(c) = char_before(text, end).filter(|c| c.is_whitespace()) {
        end -= c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{paragraphs, tokenize};

    fn regions(t: &str) -> Vec<(&str, bool)> {
        let p = paragraphs(t);
        let toks = tokenize(t);
        quoted_regions(t, &p, &toks)
            .iter()
            .map(|r| (&t[r.content.start..r.content.end], r.close.is_some()))
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[(&str, bool)])] = &[
            ("“We won,” he said.", &[("We won,", true)]),
            (
                "He said \"no\" and \"yes\".",
                &[("no", true), ("yes", true)],
            ),
            (
                "He added: “To all.\n\n“It’s real.”",
                &[("To all.", false), ("It’s real.", true)],
            ),
            (
                "“He called it ‘a farce’,” she said.",
                &[("He called it ‘a farce’,", true)],
            ),
            ("The ‘reset’ failed.", &[("reset", true)]),
            ("Jones’ car and the ’90s.", &[]),
            ("She said “unbalanced", &[("unbalanced", false)]),
            ("stray ” mark", &[]),
            (
                "''It is over,'' he said. ``Quite.''",
                &[("It is over,", true), ("Quite.", true)],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&regions(input), want, "input {input:?}");
        }
    }
}
