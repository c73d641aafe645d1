//! A small, robust HTML-to-text converter (a later issue replaces it with an HTML5 parser).
//!
//! One left-to-right pass with constant state: no tree, no recursion, so deeply nested or
//! broken markup costs nothing extra. Every search moves the cursor past what it scanned, so the
//! whole conversion is linear in the input. `<script>`, `<style>`, `<noscript>` and `<template>`
//! are dropped with their content, comments too; block-level tags become paragraph breaks
//! (`\n\n`); whitespace inside a paragraph collapses to one space; entities are decoded.

/// The text of a page and its `<title>`.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Extracted {
    /// Paragraphs separated by one blank line.
    pub text: String,
    /// The first non-empty `<title>`.
    pub title: Option<String>,
}

/// Elements dropped with everything inside them.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template"];

/// Elements that start or end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose boundaries separate words without breaking the paragraph.
const SPACED: &[&str] = &["td", "th", "option", "img"];

/// Converts an HTML page to text.
pub(crate) fn html_to_text(html: &str) -> Extracted {
    // ASCII lowercasing keeps byte offsets and UTF-8 validity, so searches in `lower` give
    // offsets valid in `html`.
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut sink = Sink::default();
    let mut title: Option<String> = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => i = tag(html, &lower, i, &mut sink, &mut title),
            b'&' => i += sink.entity(&html[i..]),
            _ => {
                // copy the run up to the next markup character
                let end = html[i..].find(['<', '&']).map_or(html.len(), |k| i + k);
                sink.push_str(&html[i..end]);
                i = end;
            }
        }
    }
    Extracted {
        text: sink.out,
        title,
    }
}

/// Handles the markup starting at `html[i] == '<'`; returns the offset just after it.
fn tag(html: &str, lower: &str, i: usize, sink: &mut Sink, title: &mut Option<String>) -> usize {
    let bytes = html.as_bytes();
    let rest = &lower[i..];
    if rest.starts_with("<!--") {
        return lower[i + 4..]
            .find("-->")
            .map_or(html.len(), |k| i + 4 + k + 3);
    }
    let next = bytes.get(i + 1).copied();
    if matches!(next, Some(b'!' | b'?')) {
        // <!DOCTYPE>, <![CDATA[ ]]>, <?xml ?>: skip to the next '>'
        return lower[i..].find('>').map_or(html.len(), |k| i + k + 1);
    }
    let close = next == Some(b'/');
    let name_start = i + 1 + usize::from(close);
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        if close {
            // "</ x>", "</>": a bogus tag, dropped
            return lower[i..].find('>').map_or(html.len(), |k| i + k + 1);
        }
        // a lone '<' ("a < b") is text
        sink.push('<');
        return i + 1;
    }
    let mut name_end = name_start;
    while name_end < bytes.len()
        && (bytes[name_end].is_ascii_alphanumeric() || matches!(bytes[name_end], b'-' | b':'))
    {
        name_end += 1;
    }
    let name = &lower[name_start..name_end];
    let end = tag_end(bytes, name_end);
    if !close && (SKIPPED.contains(&name) || name == "title") {
        let closing = format!("</{name}");
        let (content_end, after) = match lower[end..].find(&closing) {
            Some(k) => {
                let at = end + k;
                (at, lower[at..].find('>').map_or(html.len(), |m| at + m + 1))
            }
            None => (html.len(), html.len()),
        };
        if name == "title" && title.is_none() {
            let mut t = Sink::default();
            let mut j = end;
            while j < content_end {
                let text = &html[j..content_end];
                if text.starts_with('&') {
                    j += t.entity(text);
                } else {
                    let k = text.find('&').unwrap_or(text.len());
                    t.push_str(&text[..k]);
                    j += k;
                }
            }
            if !t.out.is_empty() {
                *title = Some(t.out);
            }
        }
        return after;
    }
    if BLOCKS.contains(&name) {
        sink.pending_break = true;
    } else if SPACED.contains(&name) {
        sink.pending_space = true;
    }
    end
}

/// The offset just after the `>` closing a tag whose attributes start at `from`; quoted
/// attribute values may contain `>`. An unterminated tag runs to the end of the input.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    let mut after_eq = false;
    while j < bytes.len() {
        let b = bytes[j];
        match b {
            b'>' => return j + 1,
            b'=' => after_eq = true,
            b'"' | b'\'' if after_eq => {
                match bytes[j + 1..].iter().position(|&c| c == b) {
                    Some(k) => j += k + 1,
                    None => return bytes.len(),
                }
                after_eq = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | 0x0C => {}
            _ => after_eq = false,
        }
        j += 1;
    }
    bytes.len()
}

/// Accumulates text, collapsing whitespace and turning pending breaks into `\n\n`.
#[derive(Default)]
struct Sink {
    out: String,
    pending_space: bool,
    pending_break: bool,
}

impl Sink {
    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.pending_space = true;
            return;
        }
        if !self.out.is_empty() {
            if self.pending_break {
                self.out.push_str("\n\n");
            } else if self.pending_space {
                self.out.push(' ');
            }
        }
        self.pending_break = false;
        self.pending_space = false;
        self.out.push(c);
    }

    fn push_str(&mut self, s: &str) {
        for c in s.chars() {
            self.push(c);
        }
    }

    /// Decodes the entity at the start of `s` (which starts with `&`) and returns how many
    /// bytes it took; an unknown entity is a literal `&`.
    fn entity(&mut self, s: &str) -> usize {
        match decode_entity(s.as_bytes()) {
            Some((c, n)) => {
                self.push(c);
                n
            }
            None => {
                self.push('&');
                1
            }
        }
    }
}

/// The char of the entity at the start of `s` and its length in bytes.
fn decode_entity(s: &[u8]) -> Option<(char, usize)> {
    let semi = s.iter().take(34).position(|&b| b == b';')?;
    let body = std::str::from_utf8(&s[1..semi]).ok()?;
    let c = if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (num, 10),
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        // only overflow can fail now
        let code = u32::from_str_radix(digits, radix).unwrap_or(u32::MAX);
        numeric_char(code)
    } else {
        named(body)?
    };
    Some((c, semi + 1))
}

/// A numeric character reference, with the HTML5 mapping of 0x80–0x9F to Windows-1252.
fn numeric_char(code: u32) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match code {
        0 => char::REPLACEMENT_CHARACTER,
        0x80..=0x9F => CP1252[(code - 0x80) as usize],
        _ => char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "sbquo" => '‚',
        "bdquo" => '„',
        "hellip" => '…',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "bull" => '•',
        "middot" => '·',
        "times" => '×',
        "divide" => '÷',
        "minus" => '−',
        "plusmn" => '±',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "sect" => '§',
        "para" => '¶',
        "dagger" => '†',
        "prime" => '′',
        "Prime" => '″',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "Eacute" => 'É',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        html_to_text(html).text
    }

    #[test]
    fn paragraphs_title_and_entities() {
        let page = "<!DOCTYPE html><html><head><title> Talks &amp; \n aid </title>\
            <meta charset=\"utf-8\"></head><body><h1>Leaders meet</h1>\
            <p>Sir Keir&nbsp;said: &ldquo;We&#8217;ve   discussed\n the issues&rdquo; &mdash; \
            at <a href=\"/x?a=1&b=2\" title=\"a > b\">No&nbsp;10</a>.</p><p>Second&#x2019;s &hellip;\
            <br>after break</p></body></html>";
        let out = html_to_text(page);
        assert_eq!(out.title.as_deref(), Some("Talks & aid"));
        assert_eq!(
            out.text,
            "Leaders meet\n\nSir Keir said: “We’ve discussed the issues” — at No 10.\n\n\
             Second’s …\n\nafter break"
        );
    }

    #[test]
    fn scripts_styles_comments_dropped() {
        let page = "<p>One</p><script type=\"text/javascript\">var s = '<p>no</p>';</script>\
            <style>p { color: red }</style><!-- <p>hidden</p> --><noscript>Enable JS</noscript>\
            <template><p>tpl</p></template><SCRIPT>x()</SCRIPT ><p>Two</p>";
        assert_eq!(text(page), "One\n\nTwo");
    }

    #[test]
    fn broken_markup_is_robust() {
        assert_eq!(text("a < b and c > d"), "a < b and c > d");
        assert_eq!(
            text("x &unknown; &amp y &#; &#xZZ; &#99999999999;"),
            "x &unknown; &amp y &#; &#xZZ; \u{FFFD}"
        );
        assert_eq!(text("<p>ok</p><div class=\"unterminated"), "ok");
        assert_eq!(text("<p>ok<!-- never closed"), "ok");
        assert_eq!(text("<p>ok<script>never closed"), "ok");
        assert_eq!(text("<td>a</td><td>b</td>"), "a b");
        assert_eq!(text("<b>bold</b>face"), "boldface");
        assert_eq!(text("&#146;&#0;"), "’\u{FFFD}");
        assert_eq!(text(""), "");
        assert_eq!(text("<"), "<");
        assert_eq!(text("</"), "");
        assert_eq!(text("&"), "&");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 100_000;
        let mut page = String::with_capacity(depth * 12);
        for _ in 0..depth {
            page.push_str("<div><span>");
        }
        page.push_str("deep");
        for _ in 0..depth {
            page.push_str("</span></div>");
        }
        assert_eq!(text(&page), "deep");
    }

    #[test]
    fn pathological_inputs_stay_fast() {
        // each of these would be quadratic with a naive "search to the end" per '<' or '&'
        let many_lt = "<a".repeat(200_000);
        assert_eq!(text(&many_lt), "");
        let many_amp = "&amp".repeat(200_000);
        assert_eq!(text(&many_amp).len(), 4 * 200_000);
        let many_comments = "<!--".repeat(100_000);
        assert_eq!(text(&many_comments), "");
    }
}
