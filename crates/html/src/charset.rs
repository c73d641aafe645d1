//! Bytes of a page to text: BOM, HTTP `Content-Type`, `<meta charset>` / `http-equiv`, the XML
//! declaration, and a statistical guess (chardetng) when nothing is declared.

use encoding_rs::{Encoding, UTF_8};

/// How far into the page declarations are looked for (the HTML standard's pre-scan reads 1024
/// bytes; real pages often put long comments or scripts first).
const PRESCAN: usize = 4096;

/// A decoded page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The page as text.
    pub text: String,
    /// The encoding used (WHATWG name, e.g. "UTF-8", "windows-1252").
    pub encoding: &'static str,
    /// How it was chosen: "bom", "http", "meta", "utf-8" (valid UTF-8, nothing declared) or
    /// "detected".
    pub by: &'static str,
    /// A problem worth telling the user (malformed bytes replaced).
    pub warning: Option<String>,
}

/// Decodes a page. `content_type` is an HTTP `Content-Type` header value, when there is one.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    let (enc, by) = choose(bytes, content_type);
    let (text, _, had_errors) = enc.decode(bytes);
    let warning = had_errors.then(|| {
        let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
        format!(
            "malformed {} bytes: {bad} character{} replaced with U+FFFD",
            enc.name(),
            if bad == 1 { "" } else { "s" }
        )
    });
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        by,
        warning,
    }
}

fn choose(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, &'static str) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, "bom");
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .map(|e| (e, "http"))
        .or_else(|| prescan(&bytes[..bytes.len().min(PRESCAN)]).map(|e| (e, "meta")));
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        // a page declared in a single-byte encoding whose bytes are valid UTF-8 with non-ASCII
        // characters is almost always mislabelled UTF-8
        Some((enc, _)) if enc.is_single_byte() && utf8 && !bytes.is_ascii() => (UTF_8, "utf-8"),
        // UTF-16 cannot be declared inside the page itself (the standard reads it as UTF-8)
        Some((enc, "meta")) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
            (UTF_8, "meta")
        }
        Some((enc, by)) => (enc.output_encoding(), by),
        None if utf8 => (UTF_8, "utf-8"),
        None => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            (det.guess(None, chardetng::Utf8Detection::Allow), "detected")
        }
    }
}

/// The `charset` parameter of a `Content-Type` value (`text/html; charset="utf-8"`).
fn charset_param(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then(|| label.to_owned())
}

/// A charset declared in the first bytes: `<meta charset=..>`, `<meta http-equiv=
/// "Content-Type" content="..; charset=..">` or `<?xml .. encoding=".."?>`.
fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let text = String::from_utf8_lossy(&lower);
    if let Some(rest) = text.strip_prefix("<?xml") {
        if let Some(end) = rest.find("?>") {
            if let Some(label) = quoted_after(&rest[..end], "encoding") {
                if let Some(e) = Encoding::for_label(label.as_bytes()) {
                    return Some(e);
                }
            }
        }
    }
    let mut from = 0;
    while let Some(k) = text[from..].find("<meta") {
        let start = from + k + 5;
        let end = text[start..].find('>').map_or(text.len(), |e| start + e);
        let tag = &text[start..end];
        if let Some(label) = quoted_after(tag, "charset") {
            if let Some(e) = Encoding::for_label(label.as_bytes()) {
                return Some(e);
            }
        }
        if tag.contains("http-equiv") {
            if let Some(content) = quoted_after(tag, "content") {
                if let Some(e) =
                    charset_param(&content).and_then(|l| Encoding::for_label(l.as_bytes()))
                {
                    return Some(e);
                }
            }
        }
        from = end;
    }
    None
}

/// The value of `name=VALUE` or `name="VALUE"` in a tag's text.
fn quoted_after(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = tag[from..].find(name) {
        let after = from + k + name.len();
        let rest = tag[after..].trim_start();
        if let Some(rest) = rest.strip_prefix('=') {
            let rest = rest.trim_start();
            let (quote, body) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &rest[1..]),
                _ => (None, rest),
            };
            let end = match quote {
                Some(q) => body.find(q).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '/' || c == '>' || c == ';')
                    .unwrap_or(body.len()),
            };
            return Some(body[..end].trim().to_owned());
        }
        from = after;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_in_order() {
        let latin = b"<html><head><meta charset=\"iso-8859-1\"></head><body>caf\xe9</body>";
        let d = decode(latin, None);
        assert_eq!((d.encoding, d.by), ("windows-1252", "meta"));
        assert!(d.text.contains("café"));
        let d = decode(latin, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(d.by, "http");
        let eq = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">";
        assert_eq!(decode(eq, None).encoding, "Shift_JIS");
        let xml = b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><p>\xcf\xf0\xe8</p>";
        assert_eq!(
            decode(xml, None).text,
            "<?xml version=\"1.0\" encoding=\"windows-1251\"?><p>При</p>"
        );
        let bom = b"\xEF\xBB\xBF<p>x</p>";
        assert_eq!(decode(bom, Some("text/html; charset=latin1")).by, "bom");
    }

    #[test]
    fn undeclared_and_mislabelled() {
        assert_eq!(decode("<p>café</p>".as_bytes(), None).by, "utf-8");
        let mislabelled = "<meta charset=latin1><p>café</p>";
        let d = decode(mislabelled.as_bytes(), None);
        assert_eq!((d.encoding, d.text.as_str()), ("UTF-8", mislabelled));
        let german = b"<p>Die Stra\xdfe ist gro\xdf und sch\xf6n, \xfcber alles.</p>";
        let d = decode(german, None);
        assert_eq!(d.by, "detected");
        assert!(d.text.contains("Straße"), "{}", d.text);
    }

    #[test]
    fn broken_utf8_is_replaced_with_a_warning() {
        let d = decode(b"<meta charset=utf-8><p>a\xff\xfeb</p>", None);
        assert!(d.text.contains("a\u{FFFD}\u{FFFD}b"));
        assert_eq!(
            d.warning.as_deref(),
            Some("malformed UTF-8 bytes: 2 characters replaced with U+FFFD")
        );
    }
}
