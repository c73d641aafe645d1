//! WARC files: one document per `response` record holding an HTML page, streamed record by
//! record.

use crate::text::{html_bytes_document, Src};
use crate::{InputError, Origin};
use byline_doc::{Document, Format};
use std::io::BufRead;

/// Room for the HTTP headers of a response on top of the page-size limit.
const HTTP_HEAD_ROOM: u64 = 64 * 1024;

/// A WARC input being read.
pub(crate) struct WarcInput {
    reader: byline_warc::Reader<Box<dyn BufRead + Send>>,
    src: Src,
    max_bytes: u64,
    pages: usize,
    /// Records skipped: not a response, not HTML, not a 2xx status.
    not_response: usize,
    not_html: usize,
    not_ok: usize,
}

impl WarcInput {
    pub fn new(stream: Box<dyn BufRead + Send>, src: Src, max_bytes: u64) -> WarcInput {
        WarcInput {
            reader: byline_warc::Reader::new(stream)
                .max_block(max_bytes.saturating_add(HTTP_HEAD_ROOM)),
            src,
            max_bytes,
            pages: 0,
            not_response: 0,
            not_html: 0,
            not_ok: 0,
        }
    }

    /// What was skipped, as a line for the user; `None` when nothing was.
    pub fn summary(&self) -> Option<String> {
        let skipped = self.not_response + self.not_html + self.not_ok;
        if skipped == 0 && self.pages > 0 {
            return None;
        }
        Some(format!(
            "{}: {} HTML page{} read; {skipped} record{} skipped ({} not responses, {} not HTML, \
             {} without a 2xx status)",
            self.src.origin,
            self.pages,
            if self.pages == 1 { "" } else { "s" },
            if skipped == 1 { "" } else { "s" },
            self.not_response,
            self.not_html,
            self.not_ok
        ))
    }

    fn error(&self, message: String) -> InputError {
        InputError::Warc {
            origin: self.src.origin.clone(),
            message,
        }
    }
}

/// Whether a response's `Content-Type` (or, without one, its body) is HTML.
fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.trim().to_ascii_lowercase();
            ct.starts_with("text/html") || ct.starts_with("application/xhtml")
        }
        None => {
            let head = &body[..body.len().min(1024)];
            let lower = String::from_utf8_lossy(head).to_ascii_lowercase();
            lower.trim_start().starts_with('<')
                && (lower.contains("<html") || lower.contains("<!doctype html"))
        }
    }
}

impl Iterator for WarcInput {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rec = match self.reader.next()? {
                Ok(rec) => rec,
                Err(byline_warc::Error::TooLarge { size, .. }) => {
                    return Some(Err(InputError::TooLarge {
                        origin: self.src.origin.clone(),
                        size: Some(size),
                        limit: self.max_bytes,
                    }))
                }
                Err(e) => return Some(Err(self.error(e.to_string()))),
            };
            let Some(http) = rec.http_response() else {
                self.not_response += 1;
                continue;
            };
            let id = rec
                .id()
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{}#{}", self.src.name, rec.number));
            let http = match http {
                Ok(h) => h,
                Err(e) => return Some(Err(self.error(format!("record {} {id}: {e}", rec.number)))),
            };
            if !(200..300).contains(&http.status) {
                self.not_ok += 1;
                continue;
            }
            let content_type = http.header("content-type");
            if !is_html(content_type, &http.body) {
                self.not_html += 1;
                continue;
            }
            if http.body.len() as u64 > self.max_bytes {
                return Some(Err(InputError::TooLarge {
                    origin: self.src.origin.clone(),
                    size: Some(http.body.len() as u64),
                    limit: self.max_bytes,
                }));
            }
            self.pages += 1;
            let url = rec
                .header("warc-target-uri")
                .map(|u| u.trim_matches(['<', '>']));
            let src = Src {
                origin: Origin {
                    path: self.src.origin.path.clone(),
                    line: None,
                },
                path: self.src.path.clone(),
                name: id.clone(),
            };
            let item = html_bytes_document(&src, id, Format::Warc, &http.body, url, content_type)
                .map_err(|e| match e {
                    InputError::Empty { .. } | InputError::Binary { .. } => {
                        self.error(format!("record {} {}: {e}", rec.number, src.name))
                    }
                    other => other,
                });
            return Some(item);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{InputError, Inputs, ReadOptions};
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    fn record(ty: &str, id: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let ct = if ty == "response" || ty == "request" {
            format!("Content-Type: application/http; msgtype={ty}\r\n")
        } else {
            String::new()
        };
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Record-ID: <{id}>\r\nWARC-Target-URI: {uri}\r\n\
             {ct}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        v.extend_from_slice(block);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    fn page(title: &str, body: &str) -> String {
        format!(
            "<html><head><title>{title}</title></head><body><nav><a href=/>Home</a></nav>\
             <article><h1>{title}</h1><p>{body}</p></article></body></html>"
        )
    }

    /// Each record its own gzip member, as Common Crawl writes them.
    fn gz_members(records: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            let mut e = GzEncoder::new(Vec::new(), Compression::fast());
            e.write_all(r).unwrap();
            out.extend(e.finish().unwrap());
        }
        out
    }

    #[test]
    fn warc_records_to_documents() {
        let p1 = page(
            "Ferry strike ends",
            "Ferry crews returned to work on Tuesday after a deal on pay, the union said.",
        );
        let http1 =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{p1}");
        // windows-1252 page, chunked
        let p2 = page(
            "Caf\u{e9} reopens",
            "The caf\u{e9} on the pier reopened its doors, owners said.",
        );
        let latin: Vec<u8> = p2.chars().map(|c| c as u32 as u8).collect();
        let mut http2 = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\
             Transfer-Encoding: chunked\r\n\r\n{:x}\r\n",
            latin.len()
        )
        .into_bytes();
        http2.extend(&latin);
        http2.extend(b"\r\n0\r\n\r\n");
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG....";
        let moved = b"HTTP/1.1 301 Moved\r\nContent-Type: text/html\r\n\r\n<a href=x>moved</a>";
        let mut last = record(
            "response",
            "urn:uuid:5",
            "https://news.example/cut",
            http1.as_bytes(),
        );
        last.truncate(last.len() - 40);
        let records = [
            record("warcinfo", "urn:uuid:0", "", b"software: test"),
            record(
                "request",
                "urn:uuid:r",
                "https://news.example/a",
                b"GET /a HTTP/1.1\r\n\r\n",
            ),
            record(
                "response",
                "urn:uuid:1",
                "https://news.example/a",
                http1.as_bytes(),
            ),
            record(
                "response",
                "urn:uuid:2",
                "https://news.example/img.png",
                png,
            ),
            record("response", "urn:uuid:3", "https://news.example/old", moved),
            record(
                "response",
                "urn:uuid:4",
                "https://news.example/cafe",
                &http2,
            ),
            last,
        ];
        let mut inputs = Inputs::from_bytes(
            "crawl.warc.gz",
            gz_members(&records),
            ReadOptions::default(),
        );
        let items: Vec<_> = inputs.by_ref().collect();
        assert_eq!(items.len(), 3, "{items:?}");
        let a = items[0].as_ref().unwrap();
        assert_eq!(a.id, "urn:uuid:1");
        assert_eq!(a.source.url.as_deref(), Some("https://news.example/a"));
        assert_eq!(a.source.format.as_str(), "warc");
        assert_eq!(a.source.path.as_deref(), Some("crawl.warc.gz"));
        assert_eq!(a.meta.title.as_deref(), Some("Ferry strike ends"));
        assert!(a.raw.starts_with("Ferry crews returned"), "{}", a.raw);
        let b = items[1].as_ref().unwrap();
        assert_eq!(b.id, "urn:uuid:4");
        assert!(b.raw.contains("The café on the pier"), "{}", b.raw);
        let err = items[2].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Warc { .. }));
        assert!(
            err.to_string()
                .starts_with("crawl.warc.gz: record 7 urn:uuid:5: truncated: block has"),
            "{err}"
        );
        assert_eq!(
            inputs.take_notices(),
            ["crawl.warc.gz: 2 HTML pages read; 4 records skipped (2 not responses, 1 not HTML, \
              1 without a 2xx status)"]
        );
    }
}
