//! Reading CoNLL-2003-style files: one token a line, whitespace-separated columns, the NER tag in
//! the last column, blank lines between sentences, `-DOCSTART-` lines between documents.
//!
//! Tags may be IOB1 (the CoNLL-2003 original) or IOB2/BIO; both are converted to BIO on reading.
//! IOBES tags (`E-`, `S-`), unknown entity types, a changing column count and a file without
//! tokens are errors that name the line; the reader never panics.

use std::fmt;

/// The entity types the tagger knows, in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of labels: `O` plus `B-`/`I-` for each type.
pub const N_LABELS: usize = 1 + 2 * TYPES.len();

/// A BIO label: 0 is `O`, `1 + 2t` is `B-TYPES[t]`, `2 + 2t` is `I-TYPES[t]`.
pub type Label = u8;

/// The label's text (`O`, `B-PER`, `I-LOC`, ...).
pub fn label_name(l: Label) -> &'static str {
    const NAMES: [&str; N_LABELS] = [
        "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
    ];
    NAMES[l as usize % N_LABELS]
}

/// The entity type index of a label (`None` for `O`).
pub fn label_type(l: Label) -> Option<usize> {
    (l != 0).then(|| (l as usize - 1) / 2)
}

/// True for a `B-` label.
pub fn is_begin(l: Label) -> bool {
    l != 0 && (l - 1).is_multiple_of(2)
}

/// The `B-` label of a type.
pub fn begin(t: usize) -> Label {
    (1 + 2 * t) as Label
}

/// The `I-` label of a type.
pub fn inside(t: usize) -> Label {
    (2 + 2 * t) as Label
}

/// A problem in a CoNLL file, with its 1-based line number (0 for the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllError {
    /// 1-based line number, 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ConllError {}

/// One sentence: its tokens, gold BIO labels (empty when the file has no tag column) and the
/// original lines (for `byline tag`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Token texts.
    pub words: Vec<String>,
    /// Gold labels (BIO), one per word, or empty for untagged input.
    pub labels: Vec<Label>,
    /// 1-based line number of each token.
    pub lines: Vec<usize>,
}

/// One document: the sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

impl ConllDoc {
    /// Number of tokens.
    pub fn n_tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.words.len()).sum()
    }
}

/// Parses a CoNLL file. With `tagged`, every token line needs at least two columns and the last
/// is a valid IOB tag; without it, single-column input is accepted and tags are ignored.
pub fn parse(text: &str, tagged: bool) -> Result<Vec<ConllDoc>, ConllError> {
    let mut docs: Vec<ConllDoc> = vec![ConllDoc::default()];
    let mut sent = Sentence::default();
    let mut columns: Option<(usize, usize)> = None; // (count, first line)
    let mut scheme_line: Option<(usize, &str)> = None; // first B-/I- tag seen
    let mut tokens = 0usize;
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(ConllDoc::default());
            }
            continue;
        }
        let cols: Vec<&str> = line.split_whitespace().collect();
        match columns {
            None => {
                if tagged && cols.len() < 2 {
                    return Err(err(
                        lineno,
                        format!(
                            "expected at least 2 columns (token ... tag), found {}",
                            cols.len()
                        ),
                    ));
                }
                columns = Some((cols.len(), lineno));
            }
            Some((n, first)) if n != cols.len() => {
                return Err(err(
                    lineno,
                    format!(
                        "expected {n} columns like line {first}, found {} in {line:?}",
                        cols.len()
                    ),
                ));
            }
            _ => {}
        }
        sent.words.push(cols[0].to_string());
        sent.lines.push(lineno);
        tokens += 1;
        if tagged {
            let tag = cols[cols.len() - 1];
            let label = parse_tag(tag, lineno, &mut scheme_line)?;
            // IOB1 → BIO: an I- that does not continue the same type begins a chunk.
            let prev = sent.labels.last().copied().unwrap_or(0);
            let label = match label_type(label) {
                Some(t) if !is_begin(label) && label_type(prev) != Some(t) => begin(t),
                _ => label,
            };
            sent.labels.push(label);
        }
    }
    flush(&mut docs, &mut sent);
    if tokens == 0 {
        return Err(err(0, "empty input: no token lines".to_string()));
    }
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

fn flush(docs: &mut [ConllDoc], sent: &mut Sentence) {
    if !sent.words.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.sentences.push(std::mem::take(sent));
        }
    }
}

fn err(line: usize, message: String) -> ConllError {
    ConllError { line, message }
}

fn parse_tag<'a>(
    tag: &'a str,
    lineno: usize,
    scheme: &mut Option<(usize, &'a str)>,
) -> Result<Label, ConllError> {
    if tag == "O" {
        return Ok(0);
    }
    let (prefix, ty) = tag.split_once('-').ok_or_else(|| {
        err(
            lineno,
            format!("bad tag {tag:?} in the last column: expected O, B-TYPE or I-TYPE"),
        )
    })?;
    let t = TYPES.iter().position(|&x| x == ty).ok_or_else(|| {
        err(
            lineno,
            format!("unknown entity type in tag {tag:?}: expected PER, ORG, LOC or MISC"),
        )
    })?;
    match prefix {
        "B" | "I" => {
            if scheme.is_none() {
                *scheme = Some((lineno, tag));
            }
            Ok(if prefix == "B" { begin(t) } else { inside(t) })
        }
        "E" | "S" | "L" | "U" => Err(err(
            lineno,
            match scheme {
                Some((l, first)) => format!(
                    "mixed tag schemes: IOBES/BILOU tag {tag:?} after IOB tag {first:?} on line {l}"
                ),
                None => format!("IOBES/BILOU tag {tag:?}: only IOB1 and IOB2 (BIO) are supported"),
            },
        )),
        _ => Err(err(
            lineno,
            format!("bad tag {tag:?}: expected O, B-TYPE or I-TYPE"),
        )),
    }
}

/// Entity chunks `(type, start, end)` (end exclusive) of a BIO/IOB1 label sequence, with
/// conlleval's rule: a chunk starts at `B-X`, or at `I-X` after anything but `X`.
pub fn chunks(labels: &[Label]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &l) in labels.iter().enumerate() {
        let t = label_type(l);
        let continues = matches!((cur, t), (Some((ct, _)), Some(t)) if ct == t && !is_begin(l));
        if !continues {
            if let Some((ct, s)) = cur.take() {
                out.push((ct, s, i));
            }
            if let Some(t) = t {
                cur = Some((t, i));
            }
        }
    }
    if let Some((ct, s)) = cur {
        out.push((ct, s, labels.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iob1_as_bio() {
        let text = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- O O\n\nA DT O B-LOC\n";
        let docs = parse(text, true).unwrap();
        assert_eq!(docs.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words, ["EU", "rejects", "German"]);
        let names: Vec<_> = s.labels.iter().map(|&l| label_name(l)).collect();
        assert_eq!(names, ["B-ORG", "O", "B-MISC"]);
        let s = &docs[0].sentences[1];
        assert_eq!(s.labels, [begin(0), inside(0)]);
        assert_eq!(s.lines, [7, 8]);
        assert_eq!(docs[1].sentences[0].labels, [begin(2)]);
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("", true).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
        let e = parse("\n\n-DOCSTART- -X- O O\n\n", true).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
        let e = parse("a NN O\nb NN\n", true).unwrap_err();
        assert_eq!(e.line, 2, "{e}");
        let e = parse("a NN B-PER\nb NN E-PER\n", true).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().contains("mixed tag schemes"), "{e}");
        let e = parse("a NN S-PER\n", true).unwrap_err();
        assert!(e.to_string().contains("IOBES"), "{e}");
        let e = parse("a NN O\n\nb NN B-FOO\n", true).unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("a\n", true).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse("a\nb\n", false).is_ok());
    }

    #[test]
    fn chunks_follow_conlleval() {
        let l = [0, inside(0), inside(0), begin(0), inside(1), 0, inside(2)];
        assert_eq!(chunks(&l), [(0, 1, 3), (0, 3, 4), (1, 4, 5), (2, 6, 7)]);
    }
}
