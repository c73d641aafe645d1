//! Bytes to text: BOMs, UTF-16, binary detection and lossy UTF-8 with a warning.

use crate::{InputError, Origin};

/// How much of the start of an input the binary check looks at.
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

/// `Some(reason)` when `sample` (the start of an input) looks binary: a NUL byte, or more than
/// 30% control characters other than tab, newline, carriage return and form feed.
/// `base` is the sample's offset in the input, for the message.
pub(crate) fn binary_reason(sample: &[u8], base: usize) -> Option<String> {
    let sample = &sample[..sample.len().min(SNIFF_BYTES)];
    if let Some(i) = sample.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {}", base + i));
    }
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F)
        .count();
    if !sample.is_empty() && controls * 10 > sample.len() * 3 {
        let pct = controls * 100 / sample.len();
        return Some(format!(
            "{pct}% control characters in the first {} bytes",
            sample.len()
        ));
    }
    None
}

/// Decodes a whole input: strips a UTF-8 BOM, decodes UTF-16 with a BOM, rejects binary and
/// empty input, and decodes UTF-8 lossily. Returns the text and any warnings.
pub(crate) fn decode(bytes: Vec<u8>, origin: &Origin) -> Result<(String, Vec<String>), InputError> {
    let mut warnings = Vec::new();
    let text = if let Some(le) = utf16_bom(&bytes) {
        let (text, bad) = decode_utf16(&bytes[2..], le);
        if let Some(reason) = binary_reason(text.as_bytes(), 0) {
            return Err(InputError::Binary {
                origin: origin.clone(),
                reason,
            });
        }
        if bad > 0 {
            warnings.push(format!(
                "invalid UTF-16: {bad} code unit{} replaced with U+FFFD",
                plural(bad)
            ));
        }
        text
    } else {
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        if let Some(reason) = binary_reason(&bytes[bom..], bom) {
            return Err(InputError::Binary {
                origin: origin.clone(),
                reason,
            });
        }
        let (text, warning) = decode_utf8(bytes, bom);
        warnings.extend(warning);
        text
    };
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            origin: origin.clone(),
        });
    }
    Ok((text, warnings))
}

/// `Some(true)` for a UTF-16LE BOM, `Some(false)` for UTF-16BE.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(true),
        [0xFE, 0xFF, ..] => Some(false),
        _ => None,
    }
}

fn decode_utf16(bytes: &[u8], le: bool) -> (String, usize) {
    let units = bytes.chunks_exact(2).map(|p| {
        let pair = [p[0], p[1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let mut bad = bytes.len() % 2;
    let mut out = String::with_capacity(bytes.len() / 2);
    for c in char::decode_utf16(units) {
        out.push(c.unwrap_or_else(|_| {
            bad += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    (out, bad)
}

/// Decodes `bytes[skip..]` as UTF-8, replacing invalid sequences with U+FFFD. The warning names
/// the number of bytes replaced and the first one's offset in `bytes`.
pub(crate) fn decode_utf8(mut bytes: Vec<u8>, skip: usize) -> (String, Option<String>) {
    bytes.drain(..skip.min(bytes.len()));
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bytes = e.into_bytes();
            let mut out = String::with_capacity(bytes.len() + 16);
            let mut bad = 0usize;
            let mut first = None;
            let mut at = 0usize;
            for chunk in bytes.utf8_chunks() {
                out.push_str(chunk.valid());
                at += chunk.valid().len();
                let invalid = chunk.invalid();
                if !invalid.is_empty() {
                    first.get_or_insert(at);
                    bad += invalid.len();
                    at += invalid.len();
                    out.push(char::REPLACEMENT_CHARACTER);
                }
            }
            let first = first.unwrap_or(0) + skip;
            let warning = format!(
                "invalid UTF-8: {bad} byte{} replaced with U+FFFD (first at byte {first})",
                plural(bad)
            );
            (out, Some(warning))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Origin {
        Origin {
            path: Some("x.txt".into()),
            line: None,
        }
    }

    #[test]
    fn lossy_utf8_warns_with_count_and_offset() {
        let mut bytes = b"caf\xC3\xA9 ".to_vec();
        bytes.extend_from_slice(b"\xFF\xFE\xFD ok");
        let (text, warnings) = decode(bytes, &origin()).unwrap();
        assert_eq!(text, "café \u{FFFD}\u{FFFD}\u{FFFD} ok");
        assert_eq!(
            warnings,
            ["invalid UTF-8: 3 bytes replaced with U+FFFD (first at byte 6)"]
        );
    }

    #[test]
    fn bom_is_stripped_and_counted_in_offsets() {
        let (text, warnings) = decode(b"\xEF\xBB\xBFhello".to_vec(), &origin()).unwrap();
        assert_eq!(text, "hello");
        assert!(warnings.is_empty());
        let (_, warnings) = decode(b"\xEF\xBB\xBFa\x80".to_vec(), &origin()).unwrap();
        assert_eq!(
            warnings,
            ["invalid UTF-8: 1 byte replaced with U+FFFD (first at byte 4)"]
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Zelensky’s visit".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le, &origin()).unwrap().0, "Zelensky’s visit");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Kyiv".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(be, &origin()).unwrap().0, "Kyiv");
    }

    #[test]
    fn binary_and_empty() {
        let err = decode(b"abc\0def".to_vec(), &origin()).unwrap_err();
        assert_eq!(err.to_string(), "x.txt: binary file (NUL byte at offset 3)");
        let controls: Vec<u8> = (0..100)
            .map(|i| if i % 2 == 0 { 1 } else { b'a' })
            .collect();
        assert!(matches!(
            decode(controls, &origin()),
            Err(InputError::Binary { .. })
        ));
        assert!(matches!(
            decode(b" \n\t ".to_vec(), &origin()),
            Err(InputError::Empty { .. })
        ));
        assert!(matches!(
            decode(Vec::new(), &origin()),
            Err(InputError::Empty { .. })
        ));
        // tabs, newlines and form feeds are text
        assert!(decode(b"a\t\n\r\x0Cb".to_vec(), &origin()).is_ok());
    }
}
