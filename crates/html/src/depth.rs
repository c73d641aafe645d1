//! A guard against absurdly deep nesting.
//!
//! The HTML5 tree builder checks its stack of open elements for many tags ("is there a `<p>` in
//! button scope?"), so a page of 100,000 nested `<div>`s costs it time quadratic in the depth
//! (minutes). Real pages stay far below [`MAX_DEPTH`] (browsers cap the tree depth in the same
//! range). A cheap lexical pass estimates the nesting depth; only when it is over the cap does a
//! second pass drop the start tags beyond it, with their end tags, keeping all the text.

/// Elements deeper than this are flattened into their ancestor at this depth.
pub(crate) const MAX_DEPTH: usize = 512;

/// Elements that have no end tag, or whose end tag is optional and implied by the parser: they
/// never make the tree deeper in practice, so they are not counted.
fn uncounted(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"area",
        b"base",
        b"br",
        b"col",
        b"embed",
        b"hr",
        b"img",
        b"input",
        b"link",
        b"meta",
        b"source",
        b"track",
        b"wbr",
        b"param",
        b"keygen",
        b"p",
        b"li",
        b"dt",
        b"dd",
        b"tr",
        b"td",
        b"th",
        b"option",
        b"optgroup",
        b"thead",
        b"tbody",
        b"tfoot",
        b"colgroup",
        b"caption",
        b"rb",
        b"rt",
        b"rp",
        b"html",
        b"head",
        b"body",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text, skipped to their end tag.
fn raw_text(name: &[u8]) -> Option<&'static [u8]> {
    const NAMES: &[&[u8]] = &[
        b"script",
        b"style",
        b"textarea",
        b"title",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"plaintext",
    ];
    NAMES.iter().find(|n| n.eq_ignore_ascii_case(name)).copied()
}

/// One tag found by the lexer.
enum Tag {
    /// A start tag that may nest, ending at the offset.
    Open(usize),
    /// An end tag of a counted element, ending at the offset.
    Close(usize),
    /// Anything else (comment, doctype, void or optional-end element, stray `<`): skip to the
    /// offset, keep it.
    Other(usize),
}

/// Lexes the markup at `b[i] == b'<'`.
fn tag_at(b: &[u8], i: usize) -> Tag {
    let n = b.len();
    let find = |from: usize, pat: &[u8]| -> usize {
        b[from.min(n)..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(pat))
            .map_or(n, |k| from + k + pat.len())
    };
    if b[i..].starts_with(b"<!--") {
        return Tag::Other(find(i + 4, b"-->"));
    }
    let close = b.get(i + 1) == Some(&b'/');
    let start = i + 1 + usize::from(close);
    if matches!(b.get(i + 1), Some(b'!' | b'?')) {
        return Tag::Other(find(i + 1, b">"));
    }
    if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return Tag::Other(i + 1);
    }
    let mut end = start;
    while end < n && !matches!(b[end], b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>') {
        end += 1;
    }
    let name = &b[start..end];
    // end of the tag, honouring quoted attribute values
    let mut j = end;
    let mut quote = 0u8;
    while j < n {
        let c = b[j];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            break;
        }
        j += 1;
    }
    let self_closing = j > 0 && j < n && b[j - 1] == b'/';
    let after = (j + 1).min(n);
    if close {
        return if uncounted(name) {
            Tag::Other(after)
        } else {
            Tag::Close(after)
        };
    }
    if let Some(raw) = raw_text(name) {
        let mut pat = b"</".to_vec();
        pat.extend_from_slice(raw);
        let content_end = b[after..]
            .windows(pat.len())
            .position(|w| w.eq_ignore_ascii_case(&pat))
            .map_or(n, |k| after + k);
        return Tag::Other(content_end);
    }
    if self_closing || uncounted(name) {
        Tag::Other(after)
    } else {
        Tag::Open(after)
    }
}

/// The page with elements nested deeper than [`MAX_DEPTH`] flattened, or `None` when it is not
/// that deep (the common case: one scan, no copy).
pub(crate) fn flatten(html: &str) -> Option<String> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut max = 0usize;
    let mut i = 0;
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        i += k;
        i = match tag_at(b, i) {
            Tag::Open(e) => {
                depth += 1;
                max = max.max(depth);
                e
            }
            Tag::Close(e) => {
                depth = depth.saturating_sub(1);
                e
            }
            Tag::Other(e) => e,
        };
    }
    if max <= MAX_DEPTH {
        return None;
    }
    let mut out = String::with_capacity(html.len());
    let (mut depth, mut excess, mut i, mut copied) = (0usize, 0usize, 0usize, 0usize);
    while let Some(k) = b[i..].iter().position(|&c| c == b'<') {
        i += k;
        match tag_at(b, i) {
            Tag::Open(e) => {
                if depth >= MAX_DEPTH {
                    excess += 1;
                    out.push_str(&html[copied..i]);
                    copied = e;
                } else {
                    depth += 1;
                }
                i = e;
            }
            Tag::Close(e) => {
                if excess > 0 {
                    excess -= 1;
                    out.push_str(&html[copied..i]);
                    copied = e;
                } else {
                    depth = depth.saturating_sub(1);
                }
                i = e;
            }
            Tag::Other(e) => i = e,
        }
    }
    out.push_str(&html[copied..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_left_alone() {
        assert_eq!(flatten("<div><p>a<p>b<ul><li>x<li>y</ul></div>"), None);
        let many_li = format!("<ul>{}</ul>", "<li>item".repeat(5000));
        assert_eq!(flatten(&many_li), None);
        let script = format!("<script>{}</script><p>x", "<div>".repeat(5000));
        assert_eq!(flatten(&script), None);
    }

    #[test]
    fn deep_pages_are_flattened_keeping_text() {
        let deep = format!(
            "{}text{}<p>after",
            "<div>".repeat(2000),
            "</div>".repeat(2000)
        );
        let flat = flatten(&deep).unwrap();
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        assert!(flat.contains("text") && flat.ends_with("<p>after"));
    }
}
