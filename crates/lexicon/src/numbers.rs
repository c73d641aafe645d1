//! Number words.

/// The value of a single number word ("seven" → 7, "twenty" → 20, "hundred" → 100,
/// "million" → 1e6, "dozen" → 12). Case-insensitive.
pub fn word_value(word: &str) -> Option<u64> {
    let w = word.to_ascii_lowercase();
    Some(match w.as_str() {
        "zero" | "nil" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        "thousand" => 1_000,
        "million" => 1_000_000,
        "billion" => 1_000_000_000,
        "trillion" => 1_000_000_000_000,
        "dozen" => 12,
        _ => return None,
    })
}

/// True for the multiplier words "hundred", "thousand", "million", "billion", "trillion".
pub fn is_multiplier(word: &str) -> bool {
    matches!(
        word_value(word),
        Some(100 | 1_000 | 1_000_000 | 1_000_000_000 | 1_000_000_000_000)
    ) && !word.eq_ignore_ascii_case("dozen")
}

/// The value of a compound number written in words, tokens already split
/// (["two", "hundred", "and", "fifty"] → 250, ["twenty-five"] → 25). `None` if any token is
/// not part of a number.
pub fn words_value(words: &[&str]) -> Option<u64> {
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    let mut seen = false;
    for raw in words {
        for w in raw.split('-') {
            if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("a") && !seen {
                if w.eq_ignore_ascii_case("a") {
                    current = current.max(1);
                }
                continue;
            }
            let v = word_value(w)?;
            seen = true;
            match v {
                100 => current = current.max(1) * 100,
                1_000 | 1_000_000 | 1_000_000_000 | 1_000_000_000_000 => {
                    total += current.max(1) * v;
                    current = 0;
                }
                _ => current += v,
            }
        }
    }
    seen.then_some(total + current)
}

/// Word fractions as decimals ("half" → 0.5, "two-thirds" → 0.6667, "a quarter" → 0.25).
pub fn fraction(word: &str) -> Option<f64> {
    let w = word.to_ascii_lowercase();
    let (num, den) = match w.split_once('-') {
        Some((n, d)) => (word_value(n)? as f64, d),
        None => (1.0, w.as_str()),
    };
    let d = match den {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    };
    Some(((num / d) * 10_000.0).round() / 10_000.0)
}

/// Ordinal words and suffixed digits ("third", "89th") → their number.
pub fn ordinal(word: &str) -> Option<u64> {
    let w = word.to_ascii_lowercase();
    for suf in ["st", "nd", "rd", "th"] {
        if let Some(d) = w.strip_suffix(suf) {
            if !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()) {
                return d.parse().ok();
            }
        }
    }
    Some(match w.as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "twentieth" => 20,
        "hundredth" => 100,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds() {
        assert_eq!(words_value(&["two", "hundred", "and", "fifty"]), Some(250));
        assert_eq!(words_value(&["twenty-five"]), Some(25));
        assert_eq!(words_value(&["three", "million"]), Some(3_000_000));
        assert_eq!(words_value(&["a", "hundred"]), Some(100));
        assert_eq!(words_value(&["apple"]), None);
        assert_eq!(fraction("two-thirds"), Some(0.6667));
        assert_eq!(ordinal("89th"), Some(89));
    }
}
