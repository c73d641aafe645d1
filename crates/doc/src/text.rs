//! Character classes shared by stages: quotation marks and word boundaries.

/// Opening double marks: “ „ « and the straight " (which is ambiguous).
pub fn is_double_open(c: char) -> bool {
    matches!(c, '\u{201C}' | '\u{201E}' | '\u{00AB}' | '"')
}

/// Closing double marks: ” » and the straight ".
pub fn is_double_close(c: char) -> bool {
    matches!(c, '\u{201D}' | '\u{00BB}' | '"')
}

/// Any quotation mark, single or double (the curly apostrophe ’ included).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
    )
}

/// Letters and digits (any script).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char before byte `at` in `s`, if any.
pub fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

/// The char at byte `at` in `s`, if any.
pub fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|r| r.chars().next())
}

/// True when `s` starts with an uppercase letter.
pub fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Byte offsets of whole-word, case-sensitive occurrences of `needle` in `hay`.
pub fn find_word(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let a = from + i;
        let b = a + needle.len();
        let left = char_before(hay, a).is_none_or(|c| !is_word_char(c));
        let right = char_at(hay, b).is_none_or(|c| !is_word_char(c));
        if left && right {
            out.push(a);
        }
        from = a + needle.len().max(1);
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_search_respects_boundaries() {
        assert_eq!(find_word("UK and the UKIP, UK.", "UK"), vec![0, 17]);
        assert!(find_word("", "x").is_empty());
    }

    #[test]
    fn marks() {
        assert!(is_double_open('“') && is_double_close('”'));
        assert!(is_quote_mark('’') && !is_quote_mark('a'));
    }
}
