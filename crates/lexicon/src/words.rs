//! Common words: what a capitalised sentence-initial word usually is not (a name).

use std::collections::HashSet;
use std::sync::OnceLock;

/// Words usually written in lower case in news text, derived from training text by
/// `scripts/build_common_words.py` (one word per line, no text).
const COMMON: &str = include_str!("../data/common_words.txt");

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.lines().filter(|l| !l.is_empty()).collect())
}

/// True when `word` (any case) is a common lower-case English word, so that its capitalised
/// form at the start of a sentence is probably not a name.
pub fn is_common(word: &str) -> bool {
    if word.bytes().all(|b| !b.is_ascii_uppercase()) {
        return common().contains(word);
    }
    common().contains(word.to_lowercase().as_str())
}

/// Function words: determiners, pronouns, prepositions, conjunctions, auxiliaries.
pub fn is_function_word(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "by"
            | "with"
            | "about"
            | "as"
            | "into"
            | "over"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "under"
            | "between"
            | "against"
            | "through"
            | "without"
            | "within"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "him"
            | "them"
            | "us"
            | "me"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "if"
            | "when"
            | "while"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "what"
            | "where"
            | "why"
            | "how"
            | "than"
            | "so"
            | "also"
            | "there"
            | "here"
            | "then"
            | "all"
            | "some"
            | "any"
            | "each"
            | "every"
            | "both"
            | "either"
            | "neither"
            | "such"
            | "yet"
            | "still"
            | "just"
            | "only"
            | "even"
    )
}

/// Determiners and possessives that open a nominal mention ("the", "his", "a", "this").
pub fn is_determiner(word: &str) -> bool {
    is_article_or_possessive(word) || matches!(word.to_ascii_lowercase().as_str(), "this" | "that")
}

/// The articles and the possessive determiners ("the", "a", "an", "his", "your").
pub fn is_article_or_possessive(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words() {
        assert!(is_common("After"));
        assert!(is_common("during"));
        assert!(!is_common("Zelensky"));
        assert!(is_function_word("The"));
    }
}
