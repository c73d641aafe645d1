//! An article's text as HTML with its entity mentions and quotes highlighted.
//!
//! Offsets are Unicode code points, so the text is handled as a `Vec<char>`. Every boundary
//! of a paragraph, quote or mention cuts the text into segments; each segment lies wholly
//! inside or outside each span, so it knows its quotes (nested `<mark>`s, outermost first) and
//! its innermost mention (inner `<a>`). Spans that cross are split rather than mis-nested, a span outside
//! the text or empty is ignored, and every piece of text is escaped.

use byline_store::ArticleView;

use crate::html::{esc, pct};

/// A highlighted span.
struct Mark {
    start: usize,
    end: usize,
    /// Index into the quotes or the entities.
    index: usize,
}

/// The CSS class suffix for an entity type (only known types; anything else is `other`).
pub(crate) fn type_class(etype: &str) -> &'static str {
    match etype {
        "PER" => "per",
        "ORG" => "org",
        "LOC" => "loc",
        "MISC" => "misc",
        _ => "other",
    }
}

/// The article text as a sequence of `<p>` with highlights.
pub(crate) fn article_html(view: &ArticleView) -> String {
    let chars: Vec<char> = view.text.chars().collect();
    let len = chars.len();
    let valid = |s: usize, e: usize| s < e && e <= len;
    let quotes: Vec<Mark> = view
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| valid(q.start, q.end))
        .map(|(index, q)| Mark {
            start: q.start,
            end: q.end,
            index,
        })
        .collect();
    let mentions: Vec<Mark> = view
        .entities
        .iter()
        .enumerate()
        .flat_map(|(index, e)| {
            e.mentions.iter().map(move |m| Mark {
                start: m.start,
                end: m.end,
                index,
            })
        })
        .filter(|m| valid(m.start, m.end))
        .collect();
    let mut paragraphs: Vec<(usize, usize)> = view
        .paragraphs
        .iter()
        .map(|p| (p[0], p[1].min(len)))
        .filter(|&(s, e)| s < e)
        .collect();
    if paragraphs.is_empty() && len > 0 {
        paragraphs.push((0, len));
    }

    let mut out = String::with_capacity(view.text.len() * 2);
    let mut tagged = vec![false; view.quotes.len()];
    let mut id_given = vec![false; view.quotes.len()];
    for (ps, pe) in paragraphs {
        let mut cuts: Vec<usize> = vec![ps, pe];
        for m in quotes.iter().chain(&mentions) {
            for c in [m.start, m.end] {
                if c > ps && c < pe {
                    cuts.push(c);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        out.push_str("<p>");
        // Quotes open at this point, outermost first.
        let mut stack: Vec<usize> = Vec::new();
        let mut open_mention: Option<usize> = None;
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            // The quotes covering this segment, outermost first: nested quotes (a partial
            // quote inside an indirect one) become nested marks.
            let mut chain: Vec<&Mark> = quotes
                .iter()
                .filter(|q| q.start <= a && b <= q.end)
                .collect();
            chain.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end), q.index));
            let chain: Vec<usize> = chain.into_iter().map(|q| q.index).collect();
            let mention = mentions
                .iter()
                .filter(|m| m.start <= a && b <= m.end)
                .min_by_key(|m| m.end - m.start)
                .map(|m| m.index);
            if chain != stack {
                close_mention(&mut out, &mut open_mention);
                let keep = stack.iter().zip(&chain).take_while(|(x, y)| x == y).count();
                while stack.len() > keep {
                    close_quote(view, &mut out, stack.pop(), a, &mut tagged);
                }
                for &qi in &chain[keep..] {
                    open_quote_mark(view, &mut out, qi, &mut id_given);
                    stack.push(qi);
                }
            }
            if mention != open_mention {
                close_mention(&mut out, &mut open_mention);
                if let Some(ei) = mention {
                    let e = &view.entities[ei];
                    out.push_str(&format!(
                        "<a class=\"ent ent-{}\" href=\"/entities/{}\" title=\"{} ({})\">",
                        type_class(&e.etype),
                        e.entity_id,
                        esc(&e.name),
                        esc(&e.etype)
                    ));
                    open_mention = Some(ei);
                }
            }
            out.push_str(&esc(&chars[a..b].iter().collect::<String>()));
        }
        close_mention(&mut out, &mut open_mention);
        while let Some(qi) = stack.pop() {
            close_quote(view, &mut out, Some(qi), pe, &mut tagged);
        }
        out.push_str("</p>\n");
    }
    out
}

fn close_mention(out: &mut String, open: &mut Option<usize>) {
    if open.take().is_some() {
        out.push_str("</a>");
    }
}

fn open_quote_mark(view: &ArticleView, out: &mut String, qi: usize, id_given: &mut [bool]) {
    let q = &view.quotes[qi];
    let id = if id_given[qi] {
        String::new()
    } else {
        id_given[qi] = true;
        format!(" id=\"q{}\"", q.quote_id)
    };
    let speaker = q.speaker_name.as_deref().unwrap_or("unattributed");
    out.push_str(&format!(
        "<mark class=\"quote quote-{}\"{id} data-quote-id=\"{}\" title=\"{} quote, {}, confidence {:.2}\">",
        type_safe_kind(&q.kind),
        q.quote_id,
        esc(&q.kind),
        esc(speaker),
        q.confidence
    ));
}

/// Closes the quote `open` at `pos`; at the quote's end, adds its speaker tag.
fn close_quote(
    view: &ArticleView,
    out: &mut String,
    open: Option<usize>,
    pos: usize,
    tagged: &mut [bool],
) {
    let Some(qi) = open else { return };
    out.push_str("</mark>");
    let q = &view.quotes[qi];
    if pos >= q.end && !tagged[qi] {
        tagged[qi] = true;
        out.push_str(&speaker_tag(q.speaker_id, q.speaker_name.as_deref()));
    }
}

/// `— Name` after a quote, the name linking to the speaker's entity page.
pub(crate) fn speaker_tag(id: Option<i64>, name: Option<&str>) -> String {
    match (id, name) {
        (Some(id), name) => format!(
            "<span class=\"speaker-tag\">\u{2014}\u{a0}<a class=\"speaker\" href=\"/entities/{id}\">{}</a></span>",
            esc(name.unwrap_or("(speaker)"))
        ),
        (None, Some(name)) => format!(
            "<span class=\"speaker-tag\">\u{2014}\u{a0}<span class=\"speaker\">{}</span></span>",
            esc(name)
        ),
        (None, None) => {
            "<span class=\"speaker-tag unattributed\">\u{2014}\u{a0}unattributed</span>".into()
        }
    }
}

fn type_safe_kind(kind: &str) -> &'static str {
    match kind {
        "direct" => "direct",
        "partial" => "partial",
        "indirect" => "indirect",
        _ => "other",
    }
}

/// An anchor to an article.
pub(crate) fn article_href(id: &str) -> String {
    format!("/articles/{}", pct(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_record::MentionRecord;
    use byline_store::{ArticleEntity, ArticleQuote};

    fn mention(text: &str, start: usize, end: usize) -> MentionRecord {
        MentionRecord {
            start,
            end,
            text: text.chars().skip(start).take(end - start).collect(),
            kind: "name".into(),
        }
    }

    fn quote(id: i64, start: usize, end: usize, speaker: Option<(i64, &str)>) -> ArticleQuote {
        ArticleQuote {
            quote_id: id,
            start,
            end,
            text: String::new(),
            kind: "direct".into(),
            speaker_id: speaker.map(|s| s.0),
            speaker_local_id: None,
            speaker_name: speaker.map(|s| s.1.to_string()),
            speaker_mention: None,
            cue: None,
            confidence: 0.9,
            continues: None,
        }
    }

    #[test]
    fn code_points_nesting_paragraphs_and_escaping() {
        // Code points: "Zoë" is 3, the curly quotes are one each; an emoji is one code point
        // (two UTF-16 units, four bytes).
        let text = "Zoë said “<b>Hi</b> Zoë 🎉” now.\n\n“And more,” she said.";
        let chars: Vec<char> = text.chars().collect();
        let find = |s: &str, from: usize| -> usize {
            let needle: Vec<char> = s.chars().collect();
            (from..chars.len())
                .find(|&i| chars[i..].starts_with(&needle))
                .unwrap()
        };
        let q1 = (find("<b>", 0), find("”", 0));
        let zoe2 = find("Zoë", 3);
        let p2 = find("“And", 0);
        let view = ArticleView {
            id: "t".into(),
            url: None,
            title: None,
            date: None,
            publisher: None,
            authors: vec![],
            text: text.into(),
            paragraphs: vec![[0, p2 - 2], [p2, chars.len()]],
            entities: vec![ArticleEntity {
                local_id: "E1".into(),
                entity_id: 7,
                name: "Zoë <Kay>".into(),
                etype: "PER".into(),
                link_confidence: 1.0,
                mentions: vec![
                    mention(text, 0, 3),
                    mention(text, zoe2, zoe2 + 3),
                    // Crosses the quote's end: split, not mis-nested.
                    mention(text, q1.1 - 1, q1.1 + 1),
                    // Outside the text: ignored.
                    mention(text, 5, 5),
                ],
            }],
            quotes: vec![
                quote(11, q1.0, q1.1, Some((7, "Zoë <Kay>"))),
                // Spans both paragraphs: one speaker tag, at its end.
                quote(12, find("now", 0), chars.len(), None),
                quote(13, 10, 10_000, None),
                // Nested inside quote 11: a nested mark with its own tag.
                quote(14, find("Hi", 0), find("Hi", 0) + 2, None),
            ],
            times: vec![],
            quantities: vec![],
            events: vec![],
        };
        let html = article_html(&view);
        assert_eq!(html.matches("<p>").count(), 2, "{html}");
        assert!(html.starts_with("<p><a class=\"ent ent-per\" href=\"/entities/7\" title=\"Zoë &lt;Kay&gt; (PER)\">Zoë</a> said “<mark class=\"quote quote-direct\" id=\"q11\""), "{html}");
        assert!(html.contains("&lt;/b&gt; <a class=\"ent ent-per\" href=\"/entities/7\" title=\"Zoë &lt;Kay&gt; (PER)\">Zoë</a>"), "{html}");
        assert!(html.contains("</mark><span class=\"speaker-tag\">\u{2014}\u{a0}<a class=\"speaker\" href=\"/entities/7\">Zoë &lt;Kay&gt;</a></span>"), "{html}");
        assert!(html.contains("<a class=\"ent ent-per\" href=\"/entities/7\" title=\"Zoë &lt;Kay&gt; (PER)\">🎉</a></mark><span class=\"speaker-tag\">"), "{html}");
        assert!(html.contains("</span><a class=\"ent ent-per\" href=\"/entities/7\" title=\"Zoë &lt;Kay&gt; (PER)\">”</a> <mark"), "{html}");
        assert_eq!(html.matches("data-quote-id=\"12\"").count(), 2, "{html}");
        assert_eq!(
            html.matches("speaker-tag unattributed").count(),
            2,
            "{html}"
        );
        assert_eq!(html.matches("id=\"q12\"").count(), 1);
        assert!(!html.contains("q13"));
        assert!(
            html.contains("&lt;b&gt;<mark class=\"quote quote-direct\" id=\"q14\""),
            "{html}"
        );
        assert!(html.contains(">Hi</mark><span class=\"speaker-tag unattributed\">\u{2014}\u{a0}unattributed</span>&lt;/b&gt;"), "{html}");
        // Balanced tags.
        assert_eq!(
            html.matches("<mark").count(),
            html.matches("</mark>").count()
        );
        assert_eq!(html.matches("<a ").count(), html.matches("</a>").count());
    }
}
