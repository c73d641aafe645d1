//! JSONL streams: one document per non-blank line, read one line at a time.

use crate::decode::{binary_reason, decode_utf8};
use crate::page::apply_page;
use crate::text::{parse_date, Src};
use crate::{InputError, Origin};
use byline_doc::{Document, Format};
use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// A JSONL input being read.
pub(crate) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    src: Src,
    /// Whether read errors come from a gzip decoder.
    gz: bool,
    max_bytes: u64,
    /// Lines read so far.
    line: usize,
    /// Whether a non-blank line has been seen.
    any: bool,
    done: bool,
    buf: Vec<u8>,
}

impl JsonlReader {
    /// Opens a stream, rejecting binary input from its first buffered bytes.
    pub fn new(
        mut reader: Box<dyn BufRead + Send>,
        src: Src,
        gz: bool,
        max_bytes: u64,
    ) -> Result<JsonlReader, InputError> {
        let first = loop {
            match reader.fill_buf() {
                Ok(b) => break b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(&src.origin, e, gz)),
            }
        };
        if let Some(reason) = binary_reason(first, 0) {
            return Err(InputError::Binary {
                origin: src.origin.clone(),
                reason,
            });
        }
        Ok(JsonlReader {
            reader,
            src,
            gz,
            max_bytes,
            line: 0,
            any: false,
            done: false,
            buf: Vec::new(),
        })
    }

    fn parse(&self, line: usize) -> Result<Document, InputError> {
        let origin = self.src.origin.at_line(line);
        let mut bytes = self.buf.as_slice();
        if line == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let (json, utf8_warning) = decode_utf8(bytes.to_vec(), 0);
        let value: Value = serde_json::from_str(&json).map_err(|e| InputError::Json {
            origin: origin.clone(),
            message: json_message(&e),
        })?;
        let Value::Object(obj) = value else {
            let message = format!("expected an object, found {}", kind(&value));
            return Err(InputError::Json { origin, message });
        };
        let mut warnings: Vec<String> = utf8_warning.into_iter().collect();
        let text = obj.get("text").and_then(Value::as_str);
        let html = obj.get("html").and_then(Value::as_str);
        // `text` wins, unless it is blank and there is `html`
        let text = text.filter(|t| html.is_none() || !t.trim().is_empty());
        let (raw, page) = match (text, html) {
            (Some(t), _) => (t.to_owned(), None),
            (None, Some(h)) => {
                if h.trim().is_empty() {
                    return Err(InputError::Empty { origin });
                }
                let url = obj.get("url").and_then(Value::as_str);
                (String::new(), Some(byline_html::extract(h, url)))
            }
            (None, None) => return Err(InputError::MissingText { origin }),
        };
        if page.is_none() && raw.trim().is_empty() {
            return Err(InputError::Empty { origin });
        }
        let id = match obj.get("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) | Some(Value::String(_)) => {
                format!("{}:{line}", self.src.name)
            }
            Some(other) => {
                warnings.push(format!("ignored \"id\" of type {}", kind(other)));
                format!("{}:{line}", self.src.name)
            }
        };
        let mut doc = self.src.document(id, Format::Jsonl, raw);
        doc.source.url = string_field(&obj, "url", &mut warnings);
        doc.meta.title = string_field(&obj, "title", &mut warnings);
        if let Some(date) = string_field(&obj, "date", &mut warnings) {
            doc.meta.date = parse_date(&date);
            if doc.meta.date.is_none() {
                warnings.push(format!("unparseable \"date\" {date:?} ignored"));
            }
        }
        doc.warnings = warnings;
        if let Some(page) = page {
            apply_page(&mut doc, page);
        }
        Ok(doc)
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let limit = usize::try_from(self.max_bytes).unwrap_or(usize::MAX);
            let read = read_line_bounded(&mut *self.reader, &mut self.buf, limit);
            let line = self.line + 1;
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(read_error(&self.src.origin.at_line(line), e, self.gz)));
                }
                Ok(None) => {
                    self.done = true;
                    if !self.any {
                        return Some(Err(InputError::Empty {
                            origin: self.src.origin.clone(),
                        }));
                    }
                    return None;
                }
                Ok(Some(size)) => {
                    self.line = line;
                    if size > self.max_bytes {
                        self.any = true;
                        return Some(Err(InputError::TooLarge {
                            origin: self.src.origin.at_line(line),
                            size: Some(size),
                            limit: self.max_bytes,
                        }));
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.any = true;
                    return Some(self.parse(line));
                }
            }
        }
    }
}

/// Reads one line (without its `\n` or `\r\n`) into `buf`, keeping at most `limit` bytes.
/// Returns the line's full length, or `None` at the end of the input. A line over the limit is
/// read to its end but not kept, so memory stays bounded whatever the input.
fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<u64>> {
    buf.clear();
    let mut size: u64 = 0;
    let mut any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let newline = available.iter().position(|&b| b == b'\n');
        let chunk = &available[..newline.unwrap_or(available.len())];
        size += chunk.len() as u64;
        if buf.len() + chunk.len() <= limit {
            buf.extend_from_slice(chunk);
        } else {
            buf.clear();
        }
        let used = newline.map_or(chunk.len(), |n| n + 1);
        reader.consume(used);
        if newline.is_some() {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
        size -= 1;
    }
    Ok(Some(size))
}

/// A read error: from a gzip decoder, bad data means a corrupt stream.
pub(crate) fn read_error(origin: &Origin, e: io::Error, gz: bool) -> InputError {
    use io::ErrorKind::{InvalidData, InvalidInput, UnexpectedEof};
    if gz && matches!(e.kind(), InvalidData | InvalidInput | UnexpectedEof) {
        InputError::Gzip {
            origin: origin.clone(),
            source: e,
        }
    } else {
        InputError::Io {
            origin: origin.clone(),
            source: e,
        }
    }
}

/// serde_json's message with "line 1" dropped (the origin names the line).
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) => format!("{msg} at column {}", e.column()),
        None => full,
    }
}

/// A string field, trimmed; `None` when absent, null or empty, with a warning for other types.
fn string_field(obj: &Map<String, Value>, key: &str, warnings: &mut Vec<String>) -> Option<String> {
    match obj.get(key)? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Null => None,
        other => {
            warnings.push(format!("ignored {key:?} of type {}", kind(other)));
            None
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::io::Cursor;

    fn reader(data: &[u8], max_bytes: u64) -> Result<JsonlReader, InputError> {
        let src = Src {
            origin: Origin {
                path: Some("news.jsonl".into()),
                line: None,
            },
            path: Some("news.jsonl".into()),
            name: "news.jsonl".into(),
        };
        JsonlReader::new(Box::new(Cursor::new(data.to_vec())), src, false, max_bytes)
    }

    fn all(data: &str) -> Vec<Result<Document, InputError>> {
        reader(data.as_bytes(), 1 << 20).unwrap().collect()
    }

    #[test]
    fn broken_middle_line() {
        let items = all("{\"text\": \"One.\"}\n{\"text\": \n{\"text\": \"Three.\"}\n");
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().raw, "One.");
        let err = items[1].as_ref().unwrap_err();
        assert_eq!(err.origin().line, Some(2));
        assert!(matches!(err, InputError::Json { .. }));
        assert_eq!(
            err.to_string(),
            "news.jsonl:2: invalid JSON: EOF while parsing a value at column 9"
        );
        let third = items[2].as_ref().unwrap();
        assert_eq!(
            (third.raw.as_str(), third.id.as_str()),
            ("Three.", "news.jsonl:3")
        );
    }

    #[test]
    fn fields() {
        let items = all(concat!(
            "\u{FEFF}{\"id\": \"a1\", \"text\": \"T\", \"url\": \"https://x.invalid/a\", ",
            "\"date\": \"2025-06-23T09:00:00Z\", \"title\": \" Talks \"}\r\n",
            "\n   \n",
            "{\"id\": 42, \"html\": \"<title>H</title><p>A &amp; B</p>\", \"date\": \"soon\"}\n",
            "{\"id\": [1], \"text\": \"x\", \"url\": 5}",
        ));
        let docs: Vec<&Document> = items.iter().map(|r| r.as_ref().unwrap()).collect();
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[0].id, "a1");
        assert_eq!(docs[0].source.url.as_deref(), Some("https://x.invalid/a"));
        assert_eq!(docs[0].source.format, Format::Jsonl);
        assert_eq!(docs[0].source.path.as_deref(), Some("news.jsonl"));
        assert_eq!(docs[0].meta.date, NaiveDate::from_ymd_opt(2025, 6, 23));
        assert_eq!(docs[0].meta.title.as_deref(), Some("Talks"));
        assert!(docs[0].warnings.is_empty());
        assert_eq!(docs[1].id, "42");
        assert_eq!(docs[1].raw, "A & B");
        assert_eq!(docs[1].meta.title.as_deref(), Some("H"));
        assert_eq!(docs[1].meta.date, None);
        assert_eq!(docs[1].warnings, ["unparseable \"date\" \"soon\" ignored"]);
        assert_eq!(docs[2].id, "news.jsonl:5");
        assert_eq!(docs[2].warnings.len(), 2);
    }

    #[test]
    fn missing_text_non_objects_and_empty_text() {
        let items = all("{\"title\": \"no body\"}\n[1, 2]\n{\"text\": \"  \"}\n{\"text\": 3}\n");
        let errs: Vec<String> = items
            .into_iter()
            .map(|r| r.unwrap_err().to_string())
            .collect();
        assert_eq!(
            errs,
            [
                "news.jsonl:1: no string \"text\" or \"html\" field",
                "news.jsonl:2: invalid JSON: expected an object, found array",
                "news.jsonl:3: empty document",
                "news.jsonl:4: no string \"text\" or \"html\" field",
            ]
        );
    }

    #[test]
    fn invalid_utf8_line_is_lossy() {
        let items: Vec<_> = reader(b"{\"text\": \"caf\xE9\"}\n", 100).unwrap().collect();
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.raw, "caf\u{FFFD}");
        assert_eq!(
            doc.warnings,
            ["invalid UTF-8: 1 byte replaced with U+FFFD (first at byte 13)"]
        );
    }

    #[test]
    fn long_line_is_skipped_not_kept() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(500));
        let data = format!("{{\"text\": \"a\"}}\n{long}\n{{\"text\": \"b\"}}");
        let items: Vec<_> = reader(data.as_bytes(), 100).unwrap().collect();
        assert_eq!(items.len(), 3);
        assert_eq!(items[0].as_ref().unwrap().raw, "a");
        let err = items[1].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "news.jsonl:2: line is 512 bytes, over the 100 bytes limit (raise it with --max-bytes)"
        );
        assert_eq!(items[2].as_ref().unwrap().raw, "b");
    }

    #[test]
    fn empty_and_binary_streams() {
        let empty: Vec<_> = reader(b"\n \n", 100).unwrap().collect();
        assert_eq!(empty.len(), 1);
        assert_eq!(
            empty[0].as_ref().unwrap_err().to_string(),
            "news.jsonl: empty file"
        );
        let binary = reader(b"{\"text\": \"a\0b\"}", 100).err().unwrap();
        assert_eq!(
            binary.to_string(),
            "news.jsonl: binary file (NUL byte at offset 11)"
        );
    }

    #[test]
    fn bounded_line_reader_across_small_buffers() {
        let data = b"abc\r\ndefgh\nij".to_vec();
        let mut r = io::BufReader::with_capacity(2, Cursor::new(data));
        let mut buf = Vec::new();
        assert_eq!(read_line_bounded(&mut r, &mut buf, 4).unwrap(), Some(3));
        assert_eq!(buf, b"abc");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 4).unwrap(), Some(5));
        assert_eq!(buf, b"");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 4).unwrap(), Some(2));
        assert_eq!(buf, b"ij");
        assert_eq!(read_line_bounded(&mut r, &mut buf, 4).unwrap(), None);
    }
}
