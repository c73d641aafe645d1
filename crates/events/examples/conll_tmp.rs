use byline_doc::*;
use byline_events::Events;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let data = std::fs::read_to_string(path).unwrap();
    let mut docs: Vec<Vec<Vec<(String, String)>>> = vec![];
    let mut sent = vec![];
    for line in data.lines() {
        if line.starts_with("-DOCSTART-") {
            docs.push(vec![]);
            continue;
        }
        if line.trim().is_empty() {
            if !sent.is_empty() {
                if let Some(d) = docs.last_mut() {
                    d.push(std::mem::take(&mut sent));
                }
            }
            continue;
        }
        let p: Vec<&str> = line.split(' ').collect();
        sent.push((p[0].to_string(), p[3].to_string()));
    }
    let st = Events::default();
    let mut counts = std::collections::BTreeMap::new();
    let mut total_words = 0usize;
    let mut built = vec![];
    for d in &docs {
        let mut doc = Document::default();
        let mut text = String::new();
        let mut ents: Vec<(String, EntityType)> = vec![];
        for s in d {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let s0 = text.len();
            let mut cur: Option<(usize, usize, EntityType)> = None;
            let mut flush =
                |cur: &mut Option<(usize, usize, EntityType)>, doc: &mut Document, text: &str| {
                    if let Some((a, b, t)) = cur.take() {
                        let name = text[a..b].to_string();
                        let e = match ents.iter().position(|x| x.0 == name && x.1 == t) {
                            Some(e) => e,
                            None => {
                                ents.push((name.clone(), t));
                                doc.entities.push(Entity {
                                    name,
                                    etype: t,
                                    mentions: vec![],
                                });
                                ents.len() - 1
                            }
                        };
                        doc.entities[e].mentions.push(doc.mentions.len());
                        doc.mentions.push(Mention {
                            span: Span::new(a, b),
                            kind: MentionKind::Name,
                            etype: t,
                            entity: Some(e),
                        });
                    }
                };
            for (k, (w, tag)) in s.iter().enumerate() {
                if k > 0 {
                    text.push(' ');
                }
                let a = text.len();
                text.push_str(w);
                let b = text.len();
                let kind = if w
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                    && w.chars().any(|c| c.is_ascii_digit())
                {
                    TokenKind::Number
                } else if w.chars().any(|c| c.is_alphanumeric()) {
                    TokenKind::Word
                } else if w == "\"" || w == "'" || w == "`" {
                    TokenKind::QuoteMark
                } else {
                    TokenKind::Punct
                };
                doc.tokens.push(Token {
                    span: Span::new(a, b),
                    kind,
                });
                let t = match &tag[2.min(tag.len())..] {
                    "PER" => Some(EntityType::Per),
                    "ORG" => Some(EntityType::Org),
                    "LOC" => Some(EntityType::Loc),
                    "MISC" => Some(EntityType::Misc),
                    _ => None,
                };
                match t {
                    None => flush(&mut cur, &mut doc, &text),
                    Some(t) => {
                        let cont = tag.starts_with("I-") && cur.is_some_and(|c| c.2 == t);
                        if cont {
                            cur.as_mut().unwrap().1 = b;
                        } else {
                            flush(&mut cur, &mut doc, &text);
                            cur = Some((a, b, t));
                        }
                    }
                }
            }
            flush(&mut cur, &mut doc, &text);
            doc.sentences.push(Span::new(s0, text.len()));
        }
        doc.text = text;
        total_words += doc.tokens.len();
        built.push(doc);
    }
    let t = std::time::Instant::now();
    let mut all = vec![];
    for doc in &built {
        all.push(st.find(doc));
    }
    let el = t.elapsed().as_secs_f64();
    let mut n = 0;
    for (doc, evs) in built.iter().zip(&all) {
        for e in evs {
            n += 1;
            *counts.entry(e.kind).or_insert(0) += 1;
            let si = doc.sentence_index(e.trigger.start).unwrap();
            let names: Vec<&str> = e
                .participants
                .iter()
                .map(|&p| doc.entities[p].name.as_str())
                .collect();
            println!(
                "{} '{}' {:?} @{:?}\n    | {}",
                e.kind,
                doc.slice(e.trigger),
                names,
                e.place.map(|p| doc.entities[p].name.as_str()),
                doc.slice(doc.sentences[si])
            );
        }
    }
    eprintln!(
        "{} docs, {} tokens, {} events, {:?}; {:.1}M tok/s",
        built.len(),
        total_words,
        n,
        counts,
        total_words as f64 / el / 1e6
    );
}
