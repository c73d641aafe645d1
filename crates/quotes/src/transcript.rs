//! Transcript turns: paragraphs that open with a speaker label in capitals and a colon
//! (`PENCE: Well, look, …`, `"WALLACE: Governor, …`), as news sites print debate and
//! interview transcripts. The turn is a direct quote of the labelled person; the label is its
//! speaker mention and the colon its cue. Quotation marks in such paragraphs are the
//! transcript's own punctuation, so the turn replaces the quotes found inside it.

use byline_doc::{Document, EntityType, Quote, QuoteKind, Span};

/// Transcript turns of `doc`. A document needs two or more labelled paragraphs whose labels
/// name a person of the article (a mention at the label, or a person entity whose surname is
/// the label) before any turn is reported: one capitalised word and a colon is not a
/// transcript.
pub fn turns(doc: &Document) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut resolved = 0;
    // the turn running on: its index in `out`
    let mut current: Option<usize> = None;
    for para in &doc.paragraphs {
        let text = doc.slice(*para).trim();
        if is_stage_direction(text.trim_start_matches(['"', '“'])) {
            continue;
        }
        if let Some((label, colon)) = label_of(doc, *para) {
            let Some(content) = content_of(doc, colon.end, para.end) else {
                current = None;
                continue;
            };
            let person = speaker_of(doc, label);
            resolved += usize::from(person.is_some());
            out.push(Quote {
                span: content,
                kind: QuoteKind::Direct,
                speaker: person.or_else(|| entity_at(doc, label)),
                speaker_mention: Some(label),
                cue: Some(colon),
                confidence: if person.is_some() { 0.85 } else { 0.6 },
                continues: None,
            });
            current = Some(out.len() - 1);
            continue;
        }
        // an unlabelled paragraph opening with a quotation mark runs the turn on
        let opens = text.starts_with(['"', '“']);
        match current {
            Some(i) if opens => {
                let ptext = doc.slice(*para);
                let lead = ptext
                    .char_indices()
                    .find(|&(_, c)| matches!(c, '"' | '“'))
                    .map_or(0, |(i, c)| i + c.len_utf8());
                if let Some(content) = content_of(doc, para.start + lead, para.end) {
                    let prev = out[i].clone();
                    out.push(Quote {
                        span: content,
                        continues: Some(out.len() - 1),
                        ..prev
                    });
                    current = Some(out.len() - 1);
                }
            }
            _ => current = None,
        }
    }
    if resolved < 2 {
        out.clear();
    }
    out
}

/// Replaces the quotes that overlap a transcript turn by the turn.
pub fn merge(doc: &Document, quotes: &mut Vec<Quote>, turns: Vec<Quote>) {
    if turns.is_empty() {
        return;
    }
    quotes.retain(|q| {
        !turns
            .iter()
            .any(|t| q.span.start < t.span.end && t.span.start < q.span.end)
            && !is_stage_direction(doc.slice(q.span))
    });
    // `continues` indices of the other quotes point into the old list; in a transcript only
    // the turns keep theirs, renumbered below
    for q in quotes.iter_mut() {
        q.continues = None;
    }
    let base = quotes.len();
    quotes.extend(turns.into_iter().map(|mut t| {
        t.continues = t.continues.map(|c| c + base);
        t
    }));
    crate::sort_in_text_order(quotes);
}

/// "(CROSSTALK.)", "(APPLAUSE)": a transcript's stage direction, not speech.
fn is_stage_direction(text: &str) -> bool {
    let t = text.trim().trim_end_matches(['.', '"', '”']);
    let inner = t.strip_prefix('(').unwrap_or(t).trim_end_matches(')');
    t.len() < 40
        && (t.starts_with('(') || t.ends_with(')'))
        && inner.chars().any(char::is_alphabetic)
        && !inner.chars().any(char::is_lowercase)
}

/// The entity of any mention inside the label.
fn entity_at(doc: &Document, label: Span) -> Option<usize> {
    doc.mentions
        .iter()
        .filter(|m| m.span.start >= label.start && m.span.end <= label.end)
        .find_map(|m| m.entity)
}

/// The label (1–3 words in capitals, two letters or more) and its colon at the start of a
/// paragraph, after an optional opening quotation mark.
fn label_of(doc: &Document, para: Span) -> Option<(Span, Span)> {
    let text = doc.slice(para);
    let mut chars = text.char_indices().peekable();
    let mut start = 0;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() || matches!(c, '"' | '“' | '\'' | '‘') {
            chars.next();
            start = i + c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[start..];
    let colon = rest.find(':')?;
    let label = &rest[..colon];
    let words: Vec<&str> = label.split(' ').collect();
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = (1..=3).contains(&words.len())
        && letters >= 2
        && words.iter().all(|w| {
            !w.is_empty()
                && w.chars().any(char::is_alphabetic)
                && w.chars()
                    .all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        })
        && rest[colon + 1..].starts_with(' ');
    if !ok {
        return None;
    }
    let s = para.start + start;
    Some((Span::new(s, s + colon), Span::new(s + colon, s + colon + 1)))
}

/// The person a label names.
fn speaker_of(doc: &Document, label: Span) -> Option<usize> {
    let at_label = doc
        .mentions
        .iter()
        .filter(|m| m.span.start >= label.start && m.span.end <= label.end)
        .find_map(|m| {
            m.entity.filter(|&e| {
                doc.entities
                    .get(e)
                    .is_some_and(|e| e.etype == EntityType::Per)
            })
        });
    if at_label.is_some() {
        return at_label;
    }
    let last = doc.slice(label).split(' ').next_back()?.to_uppercase();
    doc.entities.iter().position(|e| {
        e.etype == EntityType::Per
            && e.name
                .split(' ')
                .next_back()
                .is_some_and(|w| w.to_uppercase() == last)
    })
}

/// The turn's words after the colon, without the paragraph's closing quotation mark or a
/// trailing dash.
fn content_of(doc: &Document, from: usize, to: usize) -> Option<Span> {
    let text = &doc.text[from..to];
    let lead = text.len() - text.trim_start().len();
    let trimmed =
        text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '”' | '\''));
    let start = from + lead;
    let end = from + trimmed.len();
    (end > start + 1).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_doc::Stage;

    fn run(text: &str) -> Document {
        let mut doc = Document::from_text("t", "");
        doc.text = text.into();
        byline_segment::Segment.process(&mut doc).unwrap();
        byline_ner::Ner::default().process(&mut doc).unwrap();
        byline_coref::Coref.process(&mut doc).unwrap();
        doc
    }

    #[test]
    fn labelled_turns_become_quotes_of_the_named_person() {
        let doc = run(
            "Senator Ada Fenwick and the host Tom Birch spoke on Sunday.\n\n\
             \"BIRCH: Will you run again?\n\n\
             \"FENWICK: I have not decided, and I will not decide this week.\n\n\
             \"And I mean that.\n\n\
             \"BIRCH: Thank you, Senator.",
        );
        let t = turns(&doc);
        assert_eq!(t.len(), 4);
        assert_eq!(doc.slice(t[2].span), "And I mean that.");
        assert_eq!(t[2].continues, Some(1));
        assert_eq!(t[2].speaker, t[1].speaker);
        assert_eq!(
            doc.slice(t[1].span),
            "I have not decided, and I will not decide this week."
        );
        assert_eq!(doc.entities[t[1].speaker.unwrap()].name, "Ada Fenwick");
        assert_eq!(doc.slice(t[1].speaker_mention.unwrap()), "FENWICK");
        assert_eq!(doc.slice(t[1].cue.unwrap()), ":");
    }

    #[test]
    fn one_label_or_an_unknown_label_is_not_a_transcript() {
        let doc = run(
            "Ada Fenwick spoke.\n\nUPDATE: The vote was moved to Friday.\n\n\
             FENWICK: We are ready.",
        );
        assert!(turns(&doc).is_empty());
    }

    #[test]
    fn stage_directions_are_not_speech() {
        assert!(is_stage_direction("(CROSSTALK.)"));
        assert!(is_stage_direction("(APPLAUSE)"));
        assert!(!is_stage_direction("(He laughed.)"));
        assert!(!is_stage_direction("We will win."));
    }
}
