//! Sentence boundaries.

use byline_doc::{Span, Token, TokenKind};

/// Words that take a period without ending a sentence: titles (from the lexicon), months,
/// "No", company suffixes and a few Latin abbreviations.
fn is_abbreviation(word: &str) -> bool {
    byline_lexicon::people::is_abbreviated_title(word)
        || matches!(
            word,
            "Jr" | "Sr"
                | "Mt"
                | "Ft"
                | "No"
                | "Nos"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "vs"
                | "etc"
                | "approx"
                | "Corp"
                | "Inc"
                | "Ltd"
                | "Co"
                | "Bros"
                | "Dept"
                | "Univ"
                | "Ave"
                | "Rd"
                | "Messrs"
                | "ie"
                | "eg"
                | "al"
                | "fig"
                | "p"
                | "pp"
        )
}

/// Abbreviations after which a capitalised word still usually starts a new sentence when the
/// period closes the sentence ("... Acme Inc. The company ...").
fn may_end_sentence(word: &str) -> bool {
    matches!(
        word,
        "Inc" | "Ltd" | "Co" | "Corp" | "etc" | "Jr" | "Sr" | "Bros"
    )
}

/// Sentence spans inside each paragraph.
pub fn sentences(text: &str, paragraphs: &[Span], tokens: &[Token]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut t = 0;
    for para in paragraphs {
        while t < tokens.len() && tokens[t].span.start < para.start {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].span.end <= para.end {
            t += 1;
        }
        split_paragraph(text, &tokens[first..t], *para, &mut out);
    }
    out
}

fn split_paragraph(text: &str, toks: &[Token], para: Span, out: &mut Vec<Span>) {
    let s = |i: usize| &text[toks[i].span.start..toks[i].span.end];
    let mut start = para.start;
    let mut i = 0;
    while i < toks.len() {
        let w = s(i);
        let ender = matches!(w, "." | "!" | "?" | "…");
        if !ender {
            i += 1;
            continue;
        }
        // absorb following enders and closing quote marks / brackets: `win!”` `...`
        let mut j = i + 1;
        while j < toks.len() && toks[j].span.start == toks[j - 1].span.end && is_closer(s(j)) {
            j += 1;
        }
        let Some(next) = (j < toks.len()).then_some(j) else {
            break;
        };
        let next_word = s(next);
        let starts_new = next_word.chars().next().is_some_and(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '“' | '‘' | '"' | '\'' | '(' | '[')
        }) && toks[next].span.start > toks[j - 1].span.end;
        let mut boundary = starts_new;
        if boundary && w == "." && i > 0 && toks[i - 1].span.end == toks[i].span.start {
            let prev = s(i - 1);
            let abbreviation = is_abbreviation(prev)
                && !(may_end_sentence(prev)
                    && next_word.chars().next().is_some_and(char::is_uppercase)
                    && is_sentence_opener(next_word));
            let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
            let no_number = prev == "No" && toks[next].kind == TokenKind::Number;
            if abbreviation || initial || no_number {
                boundary = false;
            }
        }
        if boundary {
            let end = toks[j - 1].span.end;
            out.push(Span::new(start, end));
            start = toks[next].span.start;
        }
        i = j;
    }
    if start < para.end {
        out.push(Span::new(start, para.end));
    }
}

fn is_closer(w: &str) -> bool {
    matches!(
        w,
        "”" | "’" | "\"" | "'" | "''" | ")" | "]" | "." | "!" | "?" | "»"
    )
}

/// Words that typically open a sentence (used after "Inc." and similar).
fn is_sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "The" | "It" | "He" | "She" | "They" | "We" | "I" | "In" | "But" | "A" | "This"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{paragraphs, tokenize};

    fn split(t: &str) -> Vec<&str> {
        let p = paragraphs(t);
        let toks = tokenize(t);
        sentences(t, &p, &toks)
            .iter()
            .map(|s| &t[s.start..s.end])
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr Smith met Dr Jones. They talked.",
                &["Mr Smith met Dr Jones.", "They talked."],
            ),
            (
                "Mr. Smith went to Washington. He left.",
                &["Mr. Smith went to Washington.", "He left."],
            ),
            (
                "He said: “We will win.” Then he left.",
                &["He said: “We will win.”", "Then he left."],
            ),
            (
                "“Will we win?” he asked. Nobody knew.",
                &["“Will we win?” he asked.", "Nobody knew."],
            ),
            (
                "Growth was 4.2 per cent. Prices rose.",
                &["Growth was 4.2 per cent.", "Prices rose."],
            ),
            (
                "The U.S. Senate voted. It passed.",
                &["The U.S. Senate voted.", "It passed."],
            ),
            (
                "It starts on Jan. 5 and ends.",
                &["It starts on Jan. 5 and ends."],
            ),
            ("He lives at No. 10 now.", &["He lives at No. 10 now."]),
            (
                "J. K. Rowling wrote it. Fans cheered.",
                &["J. K. Rowling wrote it.", "Fans cheered."],
            ),
            (
                "She works for Acme Inc. The firm grew.",
                &["She works for Acme Inc.", "The firm grew."],
            ),
            ("Wait... what? Yes!", &["Wait... what?", "Yes!"]),
            ("One.\n\nTwo", &["One.", "Two"]),
            (
                "He called it ''dead.'' But he stayed.",
                &["He called it ''dead.''", "But he stayed."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&split(input), want, "input {input:?}");
        }
    }
}
