//! The [`Inputs`] iterator: paths, directory walks and stdin.

use crate::jsonl::{read_error, JsonlReader};
use crate::text::{html_document, text_document, Src};
use crate::warc::WarcInput;
use crate::{InputError, Origin, ReadOptions};
use byline_doc::Document;
use flate2::read::MultiGzDecoder;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::iter::FusedIterator;
use std::path::{Path, PathBuf};
use walkdir::{DirEntry, WalkDir};

/// Read buffer size for files and stdin.
const BUFFER: usize = 64 * 1024;

type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&DirEntry) -> bool>;
type Stream = Box<dyn BufRead + Send>;

/// The documents found at a list of paths, read lazily, one file at a time.
///
/// Each item is one document, or one [`InputError`] naming the file (and line) that could not be
/// read; errors never end the iteration. Paths are visited in the order given; a directory is
/// walked recursively in file-name order, skipping hidden entries (names starting with `.`)
/// and files whose extension is not a known input type. A file named explicitly is read whatever
/// its extension (unknown ones as plain text), and `-` reads stdin, whose format is sniffed:
/// first non-whitespace byte `{` means JSONL, `<` HTML, anything else text; gzip-compressed
/// stdin is decompressed.
///
/// ```no_run
/// use byline_input::{Inputs, ReadOptions};
/// for item in Inputs::new(vec!["articles/".into(), "-".into()], ReadOptions::default()) {
///     match item {
///         Ok(doc) => println!("{}: {} bytes", doc.id, doc.raw.len()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub struct Inputs {
    paths: std::vec::IntoIter<PathBuf>,
    options: ReadOptions,
    /// The directory being walked.
    walk: Option<Walk>,
    /// The JSONL stream being read.
    jsonl: Option<JsonlReader>,
    /// The WARC file being read.
    warc: Option<WarcInput>,
    /// Notes for the user not tied to one document (records skipped in a WARC file).
    notices: Vec<String>,
    /// An in-memory input waiting to be opened (see [`Inputs::from_bytes`]).
    memory: Option<(String, Vec<u8>)>,
}

impl Inputs {
    /// The documents at `paths` (files, directories, or `-` for stdin), read with `options`.
    /// Nothing is opened until the first call to `next`.
    pub fn new(paths: Vec<PathBuf>, options: ReadOptions) -> Inputs {
        Inputs {
            paths: paths.into_iter(),
            options,
            walk: None,
            jsonl: None,
            warc: None,
            notices: Vec::new(),
            memory: None,
        }
    }

    /// The documents in an in-memory input called `name`, read exactly as a file of that name
    /// would be (its extension picks the format; `.gz` is decompressed). For tests, fuzzing and
    /// callers that already hold the bytes.
    pub fn from_bytes(name: &str, bytes: Vec<u8>, options: ReadOptions) -> Inputs {
        let mut inputs = Inputs::new(Vec::new(), options);
        inputs.memory = Some((name.to_owned(), bytes));
        inputs
    }

    /// Takes the notes gathered so far that are not about one document, e.g. "x.warc: 40 HTML
    /// pages read; 81 records skipped (…)" once a WARC file is done. Print them as warnings.
    pub fn take_notices(&mut self) -> Vec<String> {
        std::mem::take(&mut self.notices)
    }

    fn open_memory(
        &mut self,
        name: String,
        bytes: Vec<u8>,
    ) -> Option<Result<Document, InputError>> {
        let path = PathBuf::from(&name);
        let kind = Kind::known(&path).unwrap_or_else(|| Kind::fallback(&path));
        let src = Src {
            origin: Origin {
                path: Some(path),
                line: None,
            },
            path: Some(name.clone()),
            name,
        };
        let cursor = Cursor::new(bytes);
        let stream: Stream = if kind.gz {
            Box::new(BufReader::with_capacity(
                BUFFER,
                MultiGzDecoder::new(cursor),
            ))
        } else {
            Box::new(cursor)
        };
        self.open_stream(stream, src, kind)
    }

    /// Opens a file of a known kind. `None` when it starts a JSONL stream (whose items come
    /// next) rather than yielding an item itself.
    fn open_file(&mut self, path: PathBuf, kind: Kind) -> Option<Result<Document, InputError>> {
        let src = Src {
            origin: Origin {
                path: Some(path.clone()),
                line: None,
            },
            path: Some(path.to_string_lossy().into_owned()),
            name: path.file_name().map_or_else(
                || path.to_string_lossy().into_owned(),
                |n| n.to_string_lossy().into_owned(),
            ),
        };
        let max = self.options.max_bytes;
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(source) => {
                return Some(Err(InputError::Io {
                    origin: src.origin,
                    source,
                }))
            }
        };
        if !kind.gz && !matches!(kind.format, Fmt::Jsonl | Fmt::Warc) {
            // a cheap early refusal; the read below is capped anyway
            if let Some(len) = file.metadata().ok().map(|m| m.len()).filter(|&n| n > max) {
                return Some(Err(InputError::TooLarge {
                    origin: src.origin,
                    size: Some(len),
                    limit: max,
                }));
            }
        }
        let stream: Stream = if kind.gz {
            Box::new(BufReader::with_capacity(
                BUFFER,
                MultiGzDecoder::new(BufReader::new(file)),
            ))
        } else {
            Box::new(BufReader::with_capacity(BUFFER, file))
        };
        self.open_stream(stream, src, kind)
    }

    /// Reads stdin, sniffing its format.
    fn open_stdin(&mut self) -> Option<Result<Document, InputError>> {
        let src = Src {
            origin: Origin::default(),
            path: None,
            name: "stdin".to_owned(),
        };
        let stdin: Stream = Box::new(BufReader::with_capacity(BUFFER, io::stdin()));
        self.open_sniffed(stdin, src)
    }

    /// Opens a stream whose format is unknown: gzip by its magic bytes, then JSONL, HTML or text
    /// by its first non-whitespace byte.
    fn open_sniffed(&mut self, stream: Stream, src: Src) -> Option<Result<Document, InputError>> {
        match sniff(stream, self.options.max_bytes) {
            Ok((stream, kind)) => self.open_stream(stream, src, kind),
            Err((e, gz)) => Some(Err(read_error(&src.origin, e, gz))),
        }
    }

    fn open_stream(
        &mut self,
        stream: Stream,
        src: Src,
        kind: Kind,
    ) -> Option<Result<Document, InputError>> {
        let max = self.options.max_bytes;
        let build = match kind.format {
            Fmt::Jsonl => {
                return match JsonlReader::new(stream, src, kind.gz, max) {
                    Ok(reader) => {
                        self.jsonl = Some(reader);
                        None
                    }
                    Err(e) => Some(Err(e)),
                };
            }
            Fmt::Warc => {
                self.warc = Some(WarcInput::new(stream, src, max));
                return None;
            }
            Fmt::Text => text_document,
            Fmt::Html => html_document,
        };
        let mut bytes = Vec::new();
        if let Err(e) = stream.take(max.saturating_add(1)).read_to_end(&mut bytes) {
            return Some(Err(read_error(&src.origin, e, kind.gz)));
        }
        if bytes.len() as u64 > max {
            return Some(Err(InputError::TooLarge {
                origin: src.origin,
                size: None,
                limit: max,
            }));
        }
        Some(build(&src, bytes))
    }
}

impl Iterator for Inputs {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.warc {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => {
                        self.notices.extend(reader.summary());
                        self.warc = None;
                    }
                }
            }
            if let Some(reader) = &mut self.jsonl {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    Some(Ok(entry)) => {
                        if !entry.file_type().is_file() {
                            continue;
                        }
                        if let Some(kind) = Kind::known(entry.path()) {
                            if let Some(item) = self.open_file(entry.into_path(), kind) {
                                return Some(item);
                            }
                        }
                    }
                    Some(Err(e)) => return Some(Err(walk_error(e))),
                    None => self.walk = None,
                }
                continue;
            }
            if let Some((name, bytes)) = self.memory.take() {
                if let Some(item) = self.open_memory(name, bytes) {
                    return Some(item);
                }
                continue;
            }
            let path = self.paths.next()?;
            let item = if path.as_os_str() == "-" {
                self.open_stdin()
            } else {
                match fs::metadata(&path) {
                    Err(source) => {
                        let origin = Origin {
                            path: Some(path),
                            line: None,
                        };
                        Some(Err(InputError::Io { origin, source }))
                    }
                    Ok(meta) if meta.is_dir() => {
                        let walk = WalkDir::new(&path)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(visible as fn(&DirEntry) -> bool);
                        self.walk = Some(walk);
                        None
                    }
                    Ok(_) => {
                        let kind = Kind::known(&path).unwrap_or_else(|| Kind::fallback(&path));
                        self.open_file(path, kind)
                    }
                }
            };
            if item.is_some() {
                return item;
            }
        }
    }
}

impl FusedIterator for Inputs {}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inputs")
            .field("pending_paths", &self.paths.as_slice())
            .field("options", &self.options)
            .field("walking", &self.walk.is_some())
            .field("in_jsonl", &self.jsonl.is_some())
            .finish()
    }
}

/// Walk filter: the root is always kept, hidden entries below it are not.
fn visible(entry: &DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

fn walk_error(e: walkdir::Error) -> InputError {
    let origin = Origin {
        path: e.path().map(Path::to_path_buf),
        line: None,
    };
    let message = e.to_string();
    let source = e
        .into_io_error()
        .unwrap_or_else(|| io::Error::other(message));
    InputError::Io { origin, source }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fmt {
    Text,
    Jsonl,
    Html,
    Warc,
}

/// How to read an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Kind {
    format: Fmt,
    gz: bool,
}

impl Kind {
    /// The kind of a file by its extension (case-insensitive, `.gz` allowed), `None` when the
    /// extension is not a known input type.
    fn known(path: &Path) -> Option<Kind> {
        let (stem, gz) = Kind::split_gz(path);
        let (_, ext) = stem.rsplit_once('.')?;
        let format = match ext {
            "txt" | "text" | "md" => Fmt::Text,
            "jsonl" | "ndjson" => Fmt::Jsonl,
            "html" | "htm" => Fmt::Html,
            "warc" => Fmt::Warc,
            _ => return None,
        };
        Some(Kind { format, gz })
    }

    /// The kind of an explicitly named file of unknown type: `.json` is read as JSONL (one
    /// object per line), anything else as plain text, maybe compressed. Directory walks skip
    /// `.json` files, which are more often answer keys or configuration than articles.
    fn fallback(path: &Path) -> Kind {
        let (stem, gz) = Kind::split_gz(path);
        let format = if stem.ends_with(".json") {
            Fmt::Jsonl
        } else {
            Fmt::Text
        };
        Kind { format, gz }
    }

    /// The lowercased file name without `.gz`, and whether it had it.
    fn split_gz(path: &Path) -> (String, bool) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match name.strip_suffix(".gz") {
            Some(stem) => (stem.to_owned(), true),
            None => (name, false),
        }
    }
}

/// Works out the kind of an unnamed stream. Leading whitespace read while looking for the first
/// byte is put back in front of the stream, so line numbers and text stay intact. On error,
/// also says whether the stream was gzip.
fn sniff(mut stream: Stream, max_bytes: u64) -> Result<(Stream, Kind), (io::Error, bool)> {
    let gz = fill(&mut *stream)
        .map_err(|e| (e, false))?
        .starts_with(&[0x1F, 0x8B]);
    if gz {
        stream = Box::new(BufReader::with_capacity(
            BUFFER,
            MultiGzDecoder::new(stream),
        ));
    }
    let mut prefix = Vec::new();
    let first = loop {
        let buf = fill(&mut *stream).map_err(|e| (e, gz))?;
        if buf.is_empty() {
            break None;
        }
        if let Some(&b) = buf.iter().find(|b| !b.is_ascii_whitespace()) {
            break Some(b);
        }
        let n = buf.len();
        prefix.extend_from_slice(buf);
        stream.consume(n);
        if prefix.len() as u64 > max_bytes {
            break None;
        }
    };
    let warc = fill(&mut *stream)
        .map_err(|e| (e, gz))?
        .starts_with(b"WARC/");
    let format = match first {
        _ if warc => Fmt::Warc,
        Some(b'{') => Fmt::Jsonl,
        Some(b'<') => Fmt::Html,
        _ => Fmt::Text,
    };
    if !prefix.is_empty() {
        stream = Box::new(Cursor::new(prefix).chain(stream));
    }
    Ok((stream, Kind { format, gz }))
}

/// `fill_buf`, retrying on interruption.
fn fill(stream: &mut dyn BufRead) -> io::Result<&[u8]> {
    loop {
        match stream.fill_buf() {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    stream.fill_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use proptest::prelude::*;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read(paths: &[&Path], max_bytes: u64) -> Vec<Result<Document, InputError>> {
        let paths = paths.iter().map(|p| p.to_path_buf()).collect();
        Inputs::new(paths, ReadOptions { max_bytes }).collect()
    }

    fn read_one(path: &Path) -> Result<Document, InputError> {
        let mut items = read(&[path], ReadOptions::default().max_bytes);
        assert_eq!(items.len(), 1, "{items:?}");
        items.remove(0)
    }

    /// (id, raw) of documents, or the error's display.
    fn summary(items: &[Result<Document, InputError>]) -> Vec<String> {
        items
            .iter()
            .map(|r| match r {
                Ok(d) => format!("{} [{}] {}", d.id, d.source.format.as_str(), d.raw),
                Err(e) => format!("ERR {e}"),
            })
            .collect()
    }

    #[test]
    fn walks_nested_directories_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b_sub/deeper")).unwrap();
        fs::create_dir_all(root.join(".hidden_dir")).unwrap();
        fs::write(root.join("c.txt"), "date 2025-06-23 Third file.").unwrap();
        fs::write(root.join("a.TXT"), "First file.").unwrap();
        fs::write(
            root.join("b_sub/x.jsonl"),
            "{\"text\":\"J1\"}\n{\"id\":\"j2\",\"text\":\"J2\"}\n",
        )
        .unwrap();
        fs::write(root.join("b_sub/deeper/z.html"), "<p>Deep <b>page</b></p>").unwrap();
        fs::write(root.join("b_sub/y.txt.gz"), gz(b"Gzipped text.")).unwrap();
        fs::write(root.join("b_sub/w.jsonl.gz"), gz(b"{\"text\":\"GJ\"}\n")).unwrap();
        fs::write(root.join(".hidden.txt"), "hidden").unwrap();
        fs::write(root.join(".hidden_dir/h.txt"), "hidden").unwrap();
        fs::write(root.join("notes.docx"), "unknown").unwrap();
        fs::write(root.join("noext"), "unknown").unwrap();
        let items = read(&[root], 1 << 20);
        assert_eq!(
            summary(&items),
            [
                "a.TXT [text] First file.",
                "z.html [html] Deep page",
                "w.jsonl.gz:1 [jsonl] GJ",
                "x.jsonl:1 [jsonl] J1",
                "j2 [jsonl] J2",
                "y.txt.gz [text] Gzipped text.",
                "c.txt [text] Third file.",
            ]
        );
        let c = items[6].as_ref().unwrap();
        assert_eq!(
            c.meta.date.map(|d| d.to_string()).as_deref(),
            Some("2025-06-23")
        );
        let expected = root.join("c.txt").to_string_lossy().into_owned();
        assert_eq!(c.source.path.as_deref(), Some(expected.as_str()));
    }

    #[test]
    fn explicit_unknown_extension_is_text_and_hidden_explicit_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("story.article");
        fs::write(&odd, "<p>not html</p>").unwrap();
        let doc = read_one(&odd).unwrap();
        assert_eq!(
            (doc.raw.as_str(), doc.source.format.as_str()),
            ("<p>not html</p>", "text")
        );
        let hidden = dir.path().join(".h.txt");
        fs::write(&hidden, "hi").unwrap();
        assert_eq!(read_one(&hidden).unwrap().raw, "hi");
        let odd_gz = dir.path().join("blob.gz");
        fs::write(&odd_gz, gz(b"inside")).unwrap();
        assert_eq!(read_one(&odd_gz).unwrap().raw, "inside");
    }

    #[test]
    fn broken_jsonl_line_then_more_paths() {
        let dir = tempfile::tempdir().unwrap();
        let news = dir.path().join("news.jsonl");
        fs::write(
            &news,
            "{\"text\": \"L1\"}\n{\"text\": oops}\n{\"text\": \"L3\"}\n",
        )
        .unwrap();
        let after = dir.path().join("after.txt");
        fs::write(&after, "After.").unwrap();
        let missing = dir.path().join("missing.txt");
        let items = read(&[&news, &missing, &after], 1 << 20);
        assert_eq!(items.len(), 5);
        assert_eq!(items[0].as_ref().unwrap().raw, "L1");
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Json { .. }));
        assert_eq!(
            err.origin(),
            &Origin {
                path: Some(news.clone()),
                line: Some(2)
            }
        );
        assert!(err
            .to_string()
            .ends_with("news.jsonl:2: invalid JSON: expected value at column 10"));
        assert_eq!(items[2].as_ref().unwrap().raw, "L3");
        let err = items[3].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Io { .. }));
        assert!(
            err.to_string().contains("missing.txt: cannot read: "),
            "{err}"
        );
        assert_eq!(items[4].as_ref().unwrap().raw, "After.");
    }

    #[test]
    fn missing_path_message() {
        let err = read_one(Path::new("definitely/missing.txt")).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("definitely/missing.txt: cannot read: "),
            "{msg}"
        );
        assert_eq!(
            err.origin().path.as_deref(),
            Some(Path::new("definitely/missing.txt"))
        );
    }

    #[test]
    fn empty_binary_and_invalid_utf8_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        fs::write(p("empty.txt"), "").unwrap();
        fs::write(p("blank.txt"), " \n\t\n").unwrap();
        fs::write(p("empty.jsonl"), "").unwrap();
        let mut bin = b"\x7FELF\x02\x01\x01".to_vec();
        bin.extend_from_slice(&[0; 16]);
        fs::write(p("x.txt"), &bin).unwrap();
        fs::write(p("bad.txt"), b"Kyiv \xC0\xC1 and \xFF.").unwrap();
        assert!(matches!(
            read_one(&p("empty.txt")),
            Err(InputError::Empty { .. })
        ));
        assert!(read_one(&p("blank.txt"))
            .unwrap_err()
            .to_string()
            .ends_with("blank.txt: empty file"));
        assert!(matches!(
            read_one(&p("empty.jsonl")),
            Err(InputError::Empty { .. })
        ));
        let err = read_one(&p("x.txt")).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("x.txt: binary file (NUL byte at offset 7)"),
            "{err}"
        );
        let doc = read_one(&p("bad.txt")).unwrap();
        assert_eq!(doc.raw, "Kyiv \u{FFFD}\u{FFFD} and \u{FFFD}.");
        assert_eq!(
            doc.warnings,
            ["invalid UTF-8: 3 bytes replaced with U+FFFD (first at byte 5)"]
        );
    }

    #[test]
    fn too_large_with_small_limit() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        fs::write(&big, "word ".repeat(100)).unwrap();
        let items = read(&[&big], 100);
        let err = items[0].as_ref().unwrap_err();
        assert!(matches!(
            err,
            InputError::TooLarge {
                size: Some(500),
                limit: 100,
                ..
            }
        ));
        assert!(err.to_string().ends_with(
            "big.txt: file is 500 bytes, over the 100 bytes limit (raise it with --max-bytes)"
        ));
        // compressed: the decompressed size counts, and reading stops at the limit
        let bomb = dir.path().join("bomb.txt.gz");
        fs::write(&bomb, gz(&vec![b'a'; 1 << 20])).unwrap();
        let items = read(&[&bomb], 1000);
        assert!(matches!(
            items[0],
            Err(InputError::TooLarge {
                size: None,
                limit: 1000,
                ..
            })
        ));
        assert_eq!(read(&[&big], 500)[0].as_ref().unwrap().raw.len(), 500);
    }

    #[test]
    fn corrupt_gzip() {
        let dir = tempfile::tempdir().unwrap();
        let not_gz = dir.path().join("a.txt.gz");
        fs::write(&not_gz, "plain text, not gzip").unwrap();
        let err = read_one(&not_gz).unwrap_err();
        assert!(matches!(err, InputError::Gzip { .. }), "{err:?}");
        assert!(
            err.to_string().contains("a.txt.gz: corrupt gzip stream: "),
            "{err}"
        );

        let mut data = gz("{\"text\": \"one\"}\n".repeat(2000).as_bytes());
        let mid = data.len() / 2;
        data[mid..mid + 8].copy_from_slice(b"\xFF\x00\xFF\x00\xFF\x00\xFF\x00");
        let flipped = dir.path().join("b.jsonl.gz");
        fs::write(&flipped, &data).unwrap();
        let truncated = dir.path().join("c.txt.gz");
        let good = gz(b"Some text that is long enough to be cut in half.");
        fs::write(&truncated, &good[..good.len() / 2]).unwrap();
        let after = dir.path().join("d.txt");
        fs::write(&after, "still read").unwrap();
        let items = read(&[&flipped, &truncated, &after], 1 << 20);
        let last = items.last().unwrap().as_ref().unwrap();
        assert_eq!(last.raw, "still read");
        let errors: Vec<&InputError> = items.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 2, "{:?}", summary(&items));
        assert!(
            errors.iter().all(|e| matches!(e, InputError::Gzip { .. })),
            "{errors:?}"
        );
    }

    #[test]
    fn stdin_sniffing() {
        let src = || Src {
            origin: Origin::default(),
            path: None,
            name: "stdin".to_owned(),
        };
        let run = |data: Vec<u8>| -> Vec<Result<Document, InputError>> {
            let mut inputs = Inputs::new(Vec::new(), ReadOptions::default());
            let mut items: Vec<_> = inputs
                .open_sniffed(Box::new(Cursor::new(data)), src())
                .into_iter()
                .collect();
            items.extend(inputs);
            items
        };
        assert_eq!(
            summary(&run(
                b"\n\n{\"text\": \"a\"}\n{\"text\": \"b\", \"id\": 2}".to_vec()
            )),
            ["stdin:3 [jsonl] a", "2 [jsonl] b"]
        );
        assert_eq!(summary(&run(b"  <p>Hi</p>".to_vec())), ["stdin [html] Hi"]);
        let text = run(b" date 2025-06-23 Body".to_vec());
        assert_eq!(summary(&text), ["stdin [text] Body"]);
        assert_eq!(text[0].as_ref().unwrap().source.path, None);
        assert_eq!(
            summary(&run(gz(b"{\"text\": \"z\"}"))),
            ["stdin:1 [jsonl] z"]
        );
        let empty = run(b"   ".to_vec());
        assert_eq!(summary(&empty), ["ERR <stdin>: empty file"]);
    }

    #[test]
    fn is_send() {
        fn send<T: Send>() {}
        send::<Inputs>();
        send::<InputError>();
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600),
                                       text in "\\PC{0,200}") {
            let dir = tempfile::tempdir().unwrap();
            let mut mixed = bytes.clone();
            mixed.extend_from_slice(text.as_bytes());
            for name in ["a.txt", "b.jsonl", "c.html", "d.txt.gz", "e.jsonl.gz"] {
                fs::write(dir.path().join(name), &bytes).unwrap();
            }
            fs::write(dir.path().join("f.jsonl"), format!("{{\"html\": {:?}}}\n{text}\n", text)).unwrap();
            fs::write(dir.path().join("g.txt"), &mixed).unwrap();
            for limit in [16, 1 << 20] {
                for item in read(&[dir.path()], limit) {
                    match item {
                        Ok(doc) => prop_assert!(!doc.id.is_empty()),
                        Err(e) => prop_assert!(e.origin().path.is_some() && !e.to_string().is_empty()),
                    }
                }
            }
        }
    }
}
