/*!
Reads byline's inputs and turns each article into a [`Document`](byline_doc::Document).

# Brief overview
[`Inputs`] is a lazy iterator over paths given on the command line. Directories are walked in
file-name order (hidden entries and files of unknown types skipped), files are opened one at a
time and JSONL is streamed line by line, so a million files or a multi-gigabyte JSONL file never
sit in memory at once. `-` reads stdin, whose format is sniffed from its first byte.

| extension (case-insensitive, optionally `.gz`) | documents |
|---|---|
| `.txt`, `.text`, `.md` | one text document; a leading `date YYYY-MM-DD` token sets `meta.date` |
| `.jsonl`, `.ndjson` (and `.json` when named explicitly; walks skip it) | one per non-blank line: `text` or `html`, optional `id`, `url`, `date`, `title` |
| `.html`, `.htm` | one document: the story text and metadata found by [`byline_html`] |
| `.warc` (Common Crawl's multi-member `.warc.gz` too) | one per `response` record holding an HTML page; other records are skipped and counted ([`Inputs::take_notices`]) |

Bad input never stops the iteration: every problem is one [`InputError`] naming the file (and
line), and the next item comes from the next line, file or path. Invalid UTF-8 is decoded lossily
with a warning in [`Document::warnings`](byline_doc::Document::warnings).

# Example
```
use byline_input::{Inputs, ReadOptions};

let dir = tempfile::tempdir()?;
std::fs::write(dir.path().join("a.txt"), " date 2025-06-23 Sir Keir said yes.")?;
std::fs::write(dir.path().join("b.jsonl"), "{\"id\": 7, \"text\": \"Hello.\"}\n{oops\n")?;

let mut inputs = Inputs::new(vec![dir.path().to_path_buf()], ReadOptions::default());
let a = inputs.next().unwrap()?;
assert_eq!(a.id, "a.txt");
assert_eq!(a.raw, "Sir Keir said yes.");
assert_eq!(a.meta.date.unwrap().to_string(), "2025-06-23");
let b = inputs.next().unwrap()?;
assert_eq!(b.id, "7");
let err = inputs.next().unwrap().unwrap_err();
assert_eq!(err.origin().line, Some(2));
assert!(err.to_string().ends_with("b.jsonl:2: invalid JSON: key must be a string at column 2"));
assert!(inputs.next().is_none());
# Ok::<(), Box<dyn std::error::Error>>(())
```
*/
#![deny(missing_docs)]

mod decode;
mod inputs;
mod jsonl;
mod page;
mod text;
mod warc;

use std::fmt;
use std::io;
use std::path::PathBuf;

pub use inputs::Inputs;

/// Where an input (or a problem with it) is: a file, or stdin, and optionally a line.
///
/// Displays as `PATH`, `PATH:LINE`, `<stdin>` or `<stdin>:LINE`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// The file, `None` for stdin.
    pub path: Option<PathBuf>,
    /// The 1-based line of a JSONL input.
    pub line: Option<usize>,
}

impl Origin {
    pub(crate) fn at_line(&self, line: usize) -> Origin {
        Origin {
            path: self.path.clone(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// Why one input (a file, or one line of a JSONL file) yielded no document.
///
/// Every variant carries the [`Origin`] it is about, and displays as `ORIGIN: problem`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path could not be opened or read.
    #[error("{origin}: cannot read: {source}")]
    Io {
        /// Where.
        origin: Origin,
        /// The operating system's error.
        source: io::Error,
    },
    /// The file (or the JSONL document's text) is empty or only whitespace.
    #[error("{origin}: empty {}", if .origin.line.is_some() { "document" } else { "file" })]
    Empty {
        /// Where.
        origin: Origin,
    },
    /// The file looks binary: a NUL byte or mostly control characters near its start.
    #[error("{origin}: binary file ({reason})")]
    Binary {
        /// Where.
        origin: Origin,
        /// What gave it away, e.g. "NUL byte at offset 12".
        reason: String,
    },
    /// The document is over [`ReadOptions::max_bytes`].
    #[error("{origin}: {}", too_large(.origin, *.size, *.limit))]
    TooLarge {
        /// Where.
        origin: Origin,
        /// Its size in bytes, when known (not known for compressed or streamed input).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A JSONL line is not a JSON object.
    #[error("{origin}: invalid JSON: {message}")]
    Json {
        /// Where (with the line).
        origin: Origin,
        /// The parser's message, e.g. "expected value at column 3".
        message: String,
    },
    /// A JSONL object has neither a string `text` nor a string `html` field.
    #[error("{origin}: no string \"text\" or \"html\" field")]
    MissingText {
        /// Where (with the line).
        origin: Origin,
    },
    /// A WARC record could not be read (truncated, malformed): the records before it were
    /// read; the rest of that file is not.
    #[error("{origin}: {message}")]
    Warc {
        /// The WARC file.
        origin: Origin,
        /// What is wrong and with which record ("record 3 urn:uuid:…: truncated: …").
        message: String,
    },
    /// A `.gz` input is not a valid gzip stream (corrupt or truncated).
    #[error("{origin}: corrupt gzip stream: {source}")]
    Gzip {
        /// Where.
        origin: Origin,
        /// The decompressor's error.
        source: io::Error,
    },
}

impl InputError {
    /// The file (and line) the error is about.
    pub fn origin(&self) -> &Origin {
        match self {
            InputError::Io { origin, .. }
            | InputError::Empty { origin }
            | InputError::Binary { origin, .. }
            | InputError::TooLarge { origin, .. }
            | InputError::Json { origin, .. }
            | InputError::MissingText { origin }
            | InputError::Warc { origin, .. }
            | InputError::Gzip { origin, .. } => origin,
        }
    }
}

fn too_large(origin: &Origin, size: Option<u64>, limit: u64) -> String {
    let what = if origin.line.is_some() {
        "line"
    } else {
        "file"
    };
    let limit = human_size(limit);
    match size {
        Some(size) => format!(
            "{what} is {}, over the {limit} limit (raise it with --max-bytes)",
            human_size(size)
        ),
        None => format!("document is over the {limit} limit (raise it with --max-bytes)"),
    }
}

/// "812 bytes", "12.5 KB", "52.4 MB" (binary units, as the limit is set in MiB).
fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

/// How inputs are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadOptions {
    /// The largest document accepted, in bytes after decompression: a text or HTML file, or one
    /// JSONL line. Default 10 MiB.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origin_display() {
        let file = Origin {
            path: Some("news.jsonl".into()),
            line: None,
        };
        assert_eq!(file.to_string(), "news.jsonl");
        assert_eq!(file.at_line(17).to_string(), "news.jsonl:17");
        assert_eq!(Origin::default().to_string(), "<stdin>");
        assert_eq!(Origin::default().at_line(3).to_string(), "<stdin>:3");
    }

    #[test]
    fn error_messages() {
        let o = |p: &str| Origin {
            path: Some(p.into()),
            line: None,
        };
        let big = InputError::TooLarge {
            origin: o("big.txt"),
            size: Some(52_428_800 + 400_000),
            limit: ReadOptions::default().max_bytes,
        };
        assert_eq!(
            big.to_string(),
            "big.txt: file is 50.4 MB, over the 10.0 MB limit (raise it with --max-bytes)"
        );
        assert_eq!(
            InputError::Empty { origin: o("a.txt") }.to_string(),
            "a.txt: empty file"
        );
        let bin = InputError::Binary {
            origin: o("x.bin"),
            reason: "NUL byte at offset 12".into(),
        };
        assert_eq!(
            bin.to_string(),
            "x.bin: binary file (NUL byte at offset 12)"
        );
        assert_eq!(bin.origin(), &o("x.bin"));
        assert_eq!(human_size(812), "812 bytes");
        assert_eq!(human_size(12_800), "12.5 KB");
    }
}
