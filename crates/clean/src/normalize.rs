//! Character-level normalisation that remembers where each character came from.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// A normalised character and the byte offset in the input it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NChar {
    /// The character.
    pub c: char,
    /// Byte offset of its source in the raw input.
    pub raw: u32,
}

/// Normalises `raw`: `\r\n`/`\r` → `\n`, Unicode spaces and tabs → ' ', zero-width chars, soft
/// hyphens and controls dropped, NFC applied per combining cluster.
pub fn normalize(raw: &str) -> Vec<NChar> {
    let mut out = Vec::with_capacity(raw.len());
    let mut prev_cr = false;
    for (i, c) in raw.char_indices() {
        let raw_off = i as u32;
        let mapped = match c {
            '\r' => Some('\n'),
            '\n' if prev_cr => None,
            '\n' => Some('\n'),
            '\t'
            | '\u{000B}'
            | '\u{000C}'
            | '\u{00A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => Some(' '),
            '\u{2028}' | '\u{2029}' | '\u{0085}' => Some('\n'),
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => None,
            c if c.is_control() => None,
            c => Some(c),
        };
        prev_cr = c == '\r';
        if let Some(m) = mapped {
            out.push(NChar { c: m, raw: raw_off });
        }
    }
    if out.iter().all(|c| c.c.is_ascii()) {
        return out;
    }
    let s: String = out.iter().map(|c| c.c).collect();
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return out;
    }
    compose(&out)
}

/// NFC over clusters (a starter and the combining marks after it); each composed char maps to
/// its cluster's first source char.
fn compose(chars: &[NChar]) -> Vec<NChar> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j].c) != 0 {
            j += 1;
        }
        let raw = chars[i].raw;
        let cluster: String = chars[i..j].iter().map(|c| c.c).collect();
        out.extend(cluster.nfc().map(|c| NChar { c, raw }));
        i = j;
    }
    out
}
