/*!
A streaming WARC reader.

# Brief overview
[`Reader`] reads records one at a time from any [`BufRead`] (wrap a `.warc.gz` file in
`flate2::read::MultiGzDecoder`: Common Crawl writes one gzip member per record). Each
[`Record`] has its WARC headers; the block of a `response` or `resource` record is kept (up to
a size limit), every other block is skipped without being stored, so memory stays flat however
large the file. [`Record::http_response`] parses the HTTP response a `response` record holds:
status, headers, and the body with chunked transfer-encoding and gzip/deflate content-encoding
undone.

A record cut short by the end of the input is an [`Error::Truncated`] naming the record; the
records before it have already been returned, and iteration ends after it.

# Example
```
let warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n\
    WARC-Target-URI: https://news.example/a\r\nContent-Type: application/http; msgtype=response\r\n\
    Content-Length: 64\r\n\r\n\
    HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Hello, world.</p>\r\n\r\n";
let mut reader = byline_warc::Reader::new(warc.as_bytes());
let record = reader.next().unwrap()?;
assert_eq!(record.warc_type(), Some("response"));
assert_eq!(record.header("warc-target-uri"), Some("https://news.example/a"));
let http = record.http_response().unwrap()?;
assert_eq!(http.status, 200);
assert_eq!(http.header("content-type"), Some("text/html"));
assert_eq!(http.body, b"<p>Hello, world.</p>");
assert!(reader.next().is_none());
# Ok::<(), byline_warc::Error>(())
```
*/
#![deny(missing_docs)]

use std::io::{self, BufRead, Read};

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input ended inside a record.
    #[error("record {number}{}: truncated: {what}", id_suffix(.id))]
    Truncated {
        /// 1-based number of the record in the file.
        number: usize,
        /// Its WARC-Record-ID, when its headers were read.
        id: Option<String>,
        /// What was missing ("headers", "block: 120 of 5000 bytes").
        what: String,
    },
    /// The record does not follow the WARC format.
    #[error("record {number}{}: {message}", id_suffix(.id))]
    Malformed {
        /// 1-based number of the record.
        number: usize,
        /// Its WARC-Record-ID, when known.
        id: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A block larger than the reader's limit (skipped; iteration goes on).
    #[error("record {number}{}: block of {size} bytes is over the {limit}-byte limit", id_suffix(.id))]
    TooLarge {
        /// 1-based number of the record.
        number: usize,
        /// Its WARC-Record-ID.
        id: Option<String>,
        /// The block's size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// Reading failed (including a corrupt gzip stream).
    #[error("record {number}: {source}")]
    Io {
        /// 1-based number of the record being read.
        number: usize,
        /// The error.
        source: io::Error,
    },
    /// The HTTP message in a response record could not be parsed.
    #[error("bad HTTP response: {0}")]
    Http(String),
}

fn id_suffix(id: &Option<String>) -> String {
    id.as_ref().map(|i| format!(" {i}")).unwrap_or_default()
}

/// One WARC record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// 1-based number of the record in the input.
    pub number: usize,
    /// The WARC headers, names lower-cased, in order.
    pub headers: Vec<(String, String)>,
    /// The block of a `response` or `resource` record; `None` for other types (skipped).
    pub block: Option<Vec<u8>>,
}

impl Record {
    /// The value of a header (name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`: "response", "request", "metadata", "warcinfo", ...
    pub fn warc_type(&self) -> Option<&str> {
        self.header("warc-type")
    }

    /// `WARC-Record-ID` without its angle brackets.
    pub fn id(&self) -> Option<&str> {
        self.header("warc-record-id")
            .map(|v| v.trim_start_matches('<').trim_end_matches('>'))
    }

    /// The HTTP response held by a `response` record whose `Content-Type` is
    /// `application/http`; `None` for other records.
    pub fn http_response(&self) -> Option<Result<HttpResponse, Error>> {
        let block = self.block.as_deref()?;
        if self.warc_type() != Some("response") {
            return None;
        }
        let ct = self.header("content-type").unwrap_or("application/http");
        if !ct.to_ascii_lowercase().starts_with("application/http") {
            return None;
        }
        Some(HttpResponse::parse(block))
    }
}

/// The most a compressed body is inflated to (a guard against decompression bombs); the
/// rest is cut off.
pub const MAX_INFLATED: u64 = 64 * 1024 * 1024;

/// An HTTP response: status, headers and decoded body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code (200).
    pub status: u16,
    /// Headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body, with chunked transfer-encoding and gzip/deflate content-encoding undone
    /// (inflated to at most [`MAX_INFLATED`] bytes).
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The value of a header (name in lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Parses an HTTP/1.x response message.
    pub fn parse(block: &[u8]) -> Result<HttpResponse, Error> {
        let (head_end, body_start) =
            find_head_end(block).ok_or_else(|| Error::Http("no end of headers".to_owned()))?;
        let head = String::from_utf8_lossy(&block[..head_end]);
        let mut lines = head.lines();
        let status_line = lines.next().unwrap_or("");
        let mut parts = status_line.split_whitespace();
        let proto = parts.next().unwrap_or("");
        if !proto.starts_with("HTTP/") {
            return Err(Error::Http(format!("bad status line {status_line:?}")));
        }
        let status = parts
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| Error::Http(format!("bad status line {status_line:?}")))?;
        let headers = parse_headers(lines);
        let mut resp = HttpResponse {
            status,
            headers,
            body: Vec::new(),
        };
        let raw = &block[body_start..];
        let chunked = resp
            .header("transfer-encoding")
            .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            dechunk(raw).unwrap_or_else(|| raw.to_vec())
        } else {
            raw.to_vec()
        };
        let encoding = resp
            .header("content-encoding")
            .map(|e| e.trim().to_ascii_lowercase());
        resp.body = match encoding.as_deref() {
            Some("gzip") | Some("x-gzip") => {
                let mut out = Vec::new();
                match flate2::read::MultiGzDecoder::new(&body[..])
                    .take(MAX_INFLATED)
                    .read_to_end(&mut out)
                {
                    Ok(_) => out,
                    Err(_) => body,
                }
            }
            Some("deflate") => {
                let mut out = Vec::new();
                match flate2::read::ZlibDecoder::new(&body[..])
                    .take(MAX_INFLATED)
                    .read_to_end(&mut out)
                {
                    Ok(_) => out,
                    Err(_) => body,
                }
            }
            _ => body,
        };
        Ok(resp)
    }
}

/// End of the header block and start of the body (`\r\n\r\n` or a bare `\n\n`).
fn find_head_end(b: &[u8]) -> Option<(usize, usize)> {
    let crlf = b.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = b.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l < c => Some((l, l + 2)),
        (Some(c), _) => Some((c, c + 4)),
        (None, Some(l)) => Some((l, l + 2)),
        (None, None) => None,
    }
}

fn parse_headers<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            // folded continuation
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_owned()));
        }
    }
    headers
}

/// Undoes chunked transfer-encoding; `None` when the framing is broken.
fn dechunk(mut b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let eol = b.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&b[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        b = &b[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        if b.len() < size {
            // a truncated last chunk: keep what there is
            out.extend_from_slice(b);
            return Some(out);
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b.strip_prefix(b"\r\n").unwrap_or(b);
        if b.is_empty() {
            return Some(out);
        }
    }
}

/// Reads WARC records from a stream, one at a time.
pub struct Reader<R> {
    input: R,
    number: usize,
    max_block: u64,
    done: bool,
}

impl<R: BufRead> Reader<R> {
    /// A reader keeping blocks of up to 64 MiB.
    pub fn new(input: R) -> Reader<R> {
        Reader {
            input,
            number: 0,
            max_block: 64 * 1024 * 1024,
            done: false,
        }
    }

    /// Sets the largest block kept; larger ones are skipped and reported as
    /// [`Error::TooLarge`].
    pub fn max_block(mut self, bytes: u64) -> Reader<R> {
        self.max_block = bytes;
        self
    }

    /// Reads one line (without its line ending); `Ok(None)` at the end of the input.
    fn line(&mut self, buf: &mut Vec<u8>) -> io::Result<Option<()>> {
        buf.clear();
        // a header line over 64 KiB is not a WARC header: stop reading it there
        let n = (&mut self.input).take(64 * 1024).read_until(b'\n', buf)?;
        if n == 0 {
            return Ok(None);
        }
        while buf.last().is_some_and(|&c| c == b'\n' || c == b'\r') {
            buf.pop();
        }
        Ok(Some(()))
    }

    fn read_record(&mut self) -> Option<Result<Record, Error>> {
        let number = self.number + 1;
        let io_err = |source| Error::Io { number, source };
        let mut buf = Vec::new();
        // skip blank lines between records, find the version line
        loop {
            match self.line(&mut buf) {
                Err(e) => return Some(Err(io_err(e))),
                Ok(None) => return None,
                Ok(Some(())) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(Some(())) => break,
            }
        }
        self.number = number;
        if !buf.starts_with(b"WARC/") {
            let shown: String = String::from_utf8_lossy(&buf).chars().take(40).collect();
            return Some(Err(Error::Malformed {
                number,
                id: None,
                message: format!("expected a WARC/1.x version line, found {shown:?}"),
            }));
        }
        let mut lines = Vec::new();
        loop {
            match self.line(&mut buf) {
                Err(e) => return Some(Err(io_err(e))),
                Ok(None) => {
                    let headers = parse_headers(lines.iter().map(String::as_str));
                    let rec = Record {
                        number,
                        headers,
                        block: None,
                    };
                    return Some(Err(Error::Truncated {
                        number,
                        id: rec.id().map(str::to_owned),
                        what: "headers end early".to_owned(),
                    }));
                }
                Ok(Some(())) if buf.is_empty() => break,
                Ok(Some(())) => lines.push(String::from_utf8_lossy(&buf).into_owned()),
            }
        }
        let mut rec = Record {
            number,
            headers: parse_headers(lines.iter().map(String::as_str)),
            block: None,
        };
        let id = rec.id().map(str::to_owned);
        let Some(len) = rec
            .header("content-length")
            .and_then(|l| l.trim().parse::<u64>().ok())
        else {
            return Some(Err(Error::Malformed {
                number,
                id,
                message: "no valid Content-Length".to_owned(),
            }));
        };
        let keep = matches!(rec.warc_type(), Some("response") | Some("resource"));
        if keep && len <= self.max_block {
            let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
            match (&mut self.input).take(len).read_to_end(&mut block) {
                Err(e) => return Some(Err(io_err(e))),
                Ok(n) if (n as u64) < len => {
                    return Some(Err(Error::Truncated {
                        number,
                        id,
                        what: format!("block has {n} of {len} bytes"),
                    }))
                }
                Ok(_) => rec.block = Some(block),
            }
        } else {
            match io::copy(&mut (&mut self.input).take(len), &mut io::sink()) {
                Err(e) => return Some(Err(io_err(e))),
                Ok(n) if n < len => {
                    return Some(Err(Error::Truncated {
                        number,
                        id,
                        what: format!("block has {n} of {len} bytes"),
                    }))
                }
                Ok(_) => {}
            }
            if keep {
                return Some(Err(Error::TooLarge {
                    number,
                    id,
                    size: len,
                    limit: self.max_block,
                }));
            }
        }
        Some(Ok(rec))
    }
}

impl<R: BufRead> Iterator for Reader<R> {
    type Item = Result<Record, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.read_record();
        match &item {
            None
            | Some(Err(Error::Truncated { .. }))
            | Some(Err(Error::Io { .. }))
            | Some(Err(Error::Malformed { .. })) => self.done = true,
            _ => {}
        }
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(ty: &str, id: &str, block: &[u8]) -> Vec<u8> {
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {ty}\r\nWARC-Record-ID: <{id}>\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        v.extend_from_slice(block);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    #[test]
    fn reads_skips_and_reports_truncation() {
        let mut warc = record("warcinfo", "urn:uuid:0", b"software: test\r\n");
        warc.extend(record(
            "response",
            "urn:uuid:1",
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n",
        ));
        let mut cut = record("response", "urn:uuid:2", b"HTTP/1.1 200 OK\r\n\r\nabcdef");
        cut.truncate(cut.len() - 8);
        warc.extend(cut);
        let items: Vec<_> = Reader::new(&warc[..]).collect();
        assert_eq!(items.len(), 3);
        let info = items[0].as_ref().unwrap();
        assert_eq!(
            (info.warc_type(), info.block.is_none()),
            (Some("warcinfo"), true)
        );
        let resp = items[1].as_ref().unwrap();
        assert_eq!(resp.id(), Some("urn:uuid:1"));
        assert_eq!(resp.http_response().unwrap().unwrap().body, b"Hello, world");
        let err = items[2].as_ref().unwrap_err();
        assert_eq!(
            err.to_string(),
            "record 3 urn:uuid:2: truncated: block has 21 of 25 bytes"
        );
    }

    #[test]
    fn gzip_content_encoding_and_too_large() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        http.extend(gz.finish().unwrap());
        let mut warc = record("response", "a", &http);
        warc.extend(record("response", "b", &[b'x'; 100]));
        warc.extend(record("response", "c", b"HTTP/1.0 404 Not Found\n\nnope"));
        let items: Vec<_> = Reader::new(&warc[..]).max_block(90).collect();
        assert_eq!(
            items[0]
                .as_ref()
                .unwrap()
                .http_response()
                .unwrap()
                .unwrap()
                .body,
            b"<p>zipped</p>"
        );
        assert!(matches!(items[1], Err(Error::TooLarge { size: 100, .. })));
        let c = items[2].as_ref().unwrap().http_response().unwrap().unwrap();
        assert_eq!((c.status, c.body.as_slice()), (404, &b"nope"[..]));
    }

    #[test]
    fn garbage_is_malformed_not_a_panic() {
        let items: Vec<_> = Reader::new(&b"hello\r\nworld"[..]).collect();
        assert_eq!(items.len(), 1);
        assert!(matches!(items[0], Err(Error::Malformed { number: 1, .. })));
        let items: Vec<_> =
            Reader::new(&b"WARC/1.0\r\nWARC-Type: response\r\n\r\nxx"[..]).collect();
        assert!(matches!(items[0], Err(Error::Malformed { .. })));
        assert!(Reader::new(&b""[..]).next().is_none());
    }
}
