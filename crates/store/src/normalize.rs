//! Name normalisation: the key of corpus-level entity identity.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Honorifics and titles dropped from the front of a name key ("Sir Keir Starmer" and
/// "Keir Starmer" share a key).
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "pres",
    "gen",
    "general",
    "col",
    "capt",
    "rev",
    "judge",
    "justice",
    "minister",
    "chancellor",
    "mayor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "st",
    "the",
];

/// The normalised form of a name: Unicode compatibility-decomposed, accents removed, lower
/// case, punctuation dropped (apostrophes and dots vanish, hyphens and other marks become
/// spaces), whitespace collapsed. "Keir  Starmer" and "keir starmer" share one key; so do
/// "Zelensky" and "Zelenský", "O'Neill" and "ONeill", "U.S." and "US".
///
/// ```
/// assert_eq!(byline_store::normalize_name("  Zelenský,  Volodymyr "), "zelensky volodymyr");
/// assert_eq!(byline_store::normalize_name("O’Neill-Smith"), "oneill smith");
/// ```
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd() {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘' | '.' | 'ʼ' | '`') {
            // vanish inside a word
        } else {
            space = true;
        }
    }
    out
}

/// The identity key of an entity name: [`normalize_name`] without leading honorifics (kept
/// when the name is nothing else).
pub(crate) fn identity_key(name: &str) -> String {
    let norm = normalize_name(name);
    let mut rest = norm.as_str();
    while let Some((first, tail)) = rest.split_once(' ') {
        if HONORIFICS.contains(&first) {
            rest = tail;
        } else {
            break;
        }
    }
    rest.to_string()
}

/// The last word of a key ("keir starmer" → "starmer").
pub(crate) fn last_token(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// 128-bit FNV-1a of the text, as 32 hex digits: the text-identity key of an article.
pub(crate) fn text_hash(text: &str) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for &b in text.trim().as_bytes() {
        h ^= u128::from(b);
        h = h.wrapping_mul(PRIME);
    }
    format!("{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(identity_key("Sir Keir Starmer"), "keir starmer");
        assert_eq!(identity_key("Keir Starmer"), "keir starmer");
        assert_eq!(identity_key("Dr."), "dr");
        assert_eq!(identity_key("the Mayor"), "mayor");
        assert_eq!(normalize_name("U.S."), "us");
        assert_eq!(last_token("keir starmer"), "starmer");
        assert_eq!(last_token("kyiv"), "kyiv");
        assert_ne!(text_hash("a"), text_hash("b"));
        assert_eq!(text_hash("a\n"), text_hash("a"));
        assert_eq!(text_hash("x").len(), 32);
    }
}
