//! Documents from whole inputs (text and HTML files, stdin) and date parsing.

use crate::decode::{binary_reason, decode};
use crate::page::apply_page;
use crate::{InputError, Origin};
use byline_doc::{Document, Format, Meta, Source};
use chrono::NaiveDate;

/// Where a document comes from, worked out once per input.
#[derive(Clone, Debug)]
pub(crate) struct Src {
    /// For error messages.
    pub origin: Origin,
    /// `source.path` of the documents: the path as given, `None` for stdin.
    pub path: Option<String>,
    /// The file name ("stdin" for stdin): the id of a text document.
    pub name: String,
}

impl Src {
    /// A document from this input with the record's defaults filled in.
    pub fn document(&self, id: String, format: Format, raw: String) -> Document {
        let mut doc = Document::from_text(id, raw);
        doc.source = Source {
            path: self.path.clone(),
            url: None,
            format,
        };
        doc.meta = Meta {
            language: Some("en".to_owned()),
            ..Meta::default()
        };
        doc
    }
}

/// A text document from the bytes of a whole input.
pub(crate) fn text_document(src: &Src, bytes: Vec<u8>) -> Result<Document, InputError> {
    let (mut text, warnings) = decode(bytes, &src.origin)?;
    let mut date = None;
    let mut extra = None;
    match date_token(&text) {
        DateToken::Found(d, rest) => {
            date = Some(d);
            text.drain(..rest);
            if text.is_empty() {
                return Err(InputError::Empty {
                    origin: src.origin.clone(),
                });
            }
        }
        DateToken::Invalid(token) => {
            extra = Some(format!(
                "leading date token \"{token}\" is not a valid date; ignored"
            ))
        }
        DateToken::None => {}
    }
    let mut doc = src.document(src.name.clone(), Format::Text, text);
    doc.meta.date = date;
    doc.warnings = warnings;
    doc.warnings.extend(extra);
    Ok(doc)
}

/// An HTML document from the bytes of a whole input.
pub(crate) fn html_document(src: &Src, bytes: Vec<u8>) -> Result<Document, InputError> {
    html_bytes_document(src, src.name.clone(), Format::Html, &bytes, None, None)
}

/// A document from the bytes of an HTML page: a WARC payload (`content_type` from its HTTP
/// headers, `url` its target) or a whole file. Binary and blank pages are errors; a page with
/// no story text is a document with a warning.
pub(crate) fn html_bytes_document(
    src: &Src,
    id: String,
    format: Format,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<Document, InputError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 {
        if let Some(reason) = binary_reason(bytes, 0) {
            return Err(InputError::Binary {
                origin: src.origin.clone(),
                reason,
            });
        }
    }
    let decoded = byline_html::decode(bytes, content_type);
    if decoded.text.trim().is_empty() {
        return Err(InputError::Empty {
            origin: src.origin.clone(),
        });
    }
    let page = byline_html::extract(&decoded.text, url);
    let mut doc = src.document(id, format, String::new());
    doc.source.url = url.map(str::to_owned);
    doc.warnings.extend(decoded.warning);
    apply_page(&mut doc, page);
    Ok(doc)
}

/// What the start of a text file holds.
#[derive(Debug, PartialEq, Eq)]
enum DateToken<'a> {
    /// `date YYYY-MM-DD` and the byte offset where the text after it (and its spaces) starts.
    Found(NaiveDate, usize),
    /// Something shaped like the token whose date does not exist ("date 2025-02-30").
    Invalid(&'a str),
    /// No token.
    None,
}

/// Finds a leading `date YYYY-MM-DD` token (after optional whitespace; "date" in any case;
/// followed by whitespace or the end of the text).
fn date_token(text: &str) -> DateToken<'_> {
    let lead = text.len() - text.trim_start().len();
    let s = &text[lead..];
    let Some(word) = s.get(..4) else {
        return DateToken::None;
    };
    if !word.eq_ignore_ascii_case("date") {
        return DateToken::None;
    }
    let after_word = s[4..].trim_start_matches([' ', '\t']);
    if after_word.len() == s.len() - 4 {
        return DateToken::None; // "dated", "date:"
    }
    let Some(ymd) = after_word.get(..10) else {
        return DateToken::None;
    };
    if !after_word[10..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
        || !is_ymd_shape(ymd)
    {
        return DateToken::None;
    }
    let token_end = text.len() - after_word.len() + 10;
    match parse_ymd(ymd) {
        Some(d) => {
            let rest = text.len() - text[token_end..].trim_start().len();
            DateToken::Found(d, rest)
        }
        None => DateToken::Invalid(&text[lead..token_end]),
    }
}

/// `NNNN-NN-NN`.
fn is_ymd_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn parse_ymd(s: &str) -> Option<NaiveDate> {
    if !is_ymd_shape(s) {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// A JSONL `date`: `YYYY-MM-DD`, or an ISO 8601 timestamp whose date part is taken.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let ymd = s.get(..10)?;
    match s.as_bytes().get(10) {
        None | Some(b'T' | b't' | b' ') => parse_ymd(ymd),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src() -> Src {
        Src {
            origin: Origin {
                path: Some("dir/a.txt".into()),
                line: None,
            },
            path: Some("dir/a.txt".into()),
            name: "a.txt".into(),
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn seed_date_token() {
        // the seed's opening, verbatim; the whole seed too when the shared folder is there
        let head = " date 2025-06-23 Your support helps us to tell the story Read more Support Now";
        let seed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/golden/seed-article.txt"
        );
        let seed = std::fs::read(seed).unwrap_or_else(|_| head.as_bytes().to_vec());
        assert!(seed.starts_with(head.as_bytes()));
        let doc = text_document(&src(), seed).unwrap();
        assert_eq!(doc.meta.date, Some(ymd(2025, 6, 23)));
        assert!(
            doc.raw
                .starts_with("Your support helps us to tell the story"),
            "{}",
            &doc.raw[..40]
        );
        assert_eq!(doc.id, "a.txt");
        assert_eq!(doc.source.path.as_deref(), Some("dir/a.txt"));
        assert_eq!(doc.source.format, Format::Text);
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn date_token_shapes() {
        assert_eq!(
            date_token("date 2025-06-23 Body"),
            DateToken::Found(ymd(2025, 6, 23), 16)
        );
        assert_eq!(
            date_token("\n Date\t2024-02-29\n\nBody"),
            DateToken::Found(ymd(2024, 2, 29), 19)
        );
        assert_eq!(
            date_token("date 2025-06-23"),
            DateToken::Found(ymd(2025, 6, 23), 15)
        );
        assert_eq!(
            date_token("date 2025-02-30 x"),
            DateToken::Invalid("date 2025-02-30")
        );
        for no in [
            "dated 2025-06-23 x",
            "date: 2025-06-23",
            "date 2025-06-230",
            "date 25-06-23 x",
            "",
            "dat",
            "Body",
        ] {
            assert_eq!(date_token(no), DateToken::None, "{no:?}");
        }
        assert_eq!(date_token("date 2025-06-2é"), DateToken::None);
    }

    #[test]
    fn text_without_token_is_kept_whole() {
        let doc = text_document(&src(), b"  The Prime Minister said.".to_vec()).unwrap();
        assert_eq!(doc.raw, "  The Prime Minister said.");
        assert_eq!(doc.meta.date, None);
        let doc = text_document(&src(), b"date 2025-13-01 Story".to_vec()).unwrap();
        assert_eq!(doc.raw, "date 2025-13-01 Story");
        assert_eq!(doc.warnings.len(), 1);
        let only_token = text_document(&src(), b"date 2025-06-23  \n".to_vec());
        assert!(matches!(only_token, Err(InputError::Empty { .. })));
    }

    #[test]
    fn jsonl_dates() {
        assert_eq!(parse_date("2025-06-23"), Some(ymd(2025, 6, 23)));
        assert_eq!(parse_date("2025-06-23T14:05:00Z"), Some(ymd(2025, 6, 23)));
        assert_eq!(parse_date(" 2025-06-23 14:05 "), Some(ymd(2025, 6, 23)));
        for bad in [
            "yesterday",
            "23/06/2025",
            "2025-06-23X",
            "2025-6-23",
            "2025-02-30",
            "",
            "2025-06-2é",
        ] {
            assert_eq!(parse_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn html_document_title_and_text() {
        let page = b"<title>Leaders meet</title><p>One.</p><p>Two.</p>".to_vec();
        let doc = html_document(&src(), page).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Leaders meet"));
        assert_eq!(doc.raw, "One.\n\nTwo.");
        assert_eq!(doc.source.format, Format::Html);
        let empty = html_document(&src(), b"<script>x()</script>".to_vec()).unwrap();
        assert_eq!(empty.warnings, ["no story text found in the HTML page"]);
    }
}
