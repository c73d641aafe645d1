//! The store against a real SQLite file in a temporary folder: ingest, replacement (same id,
//! same URL, same text), corpus entity linking across articles, every query, export (the
//! Parquet files read back), and bad parameters.
//!
//! The articles are short invented stories written for these tests; records are built by hand
//! (entity mentions found by string search) so that every expected answer is known.

use byline_record::{
    EntityRecord, EventRecord, MentionRecord, MetaRecord, QuoteRecord, Range, Record, SourceRecord,
    Span, TimeRecord,
};
use byline_store::*;

/// Code-point offsets of every occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (b, _) in text.match_indices(needle) {
        let s = text[..b].chars().count();
        out.push((s, s + needle.chars().count()));
    }
    out
}

fn span(text: &str, needle: &str) -> Span {
    let (start, end) = *find_all(text, needle)
        .first()
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span {
        start,
        end,
        text: needle.to_string(),
    }
}

/// An entity: name, type, surface forms (each occurrence becomes a mention).
struct Ent<'a>(&'a str, &'a str, &'a [&'a str]);
/// A quote: its text (found in the article) and the speaker's entity index.
struct Quo<'a>(&'a str, Option<usize>);
/// An event: type, trigger, participant indices, place index, time (text, value).
struct Ev<'a>(
    &'a str,
    &'a str,
    &'a [usize],
    Option<usize>,
    Option<(&'a str, &'a str)>,
);

#[allow(clippy::too_many_arguments)]
fn record(
    id: &str,
    url: Option<&str>,
    date: &str,
    publisher: &str,
    title: &str,
    text: &str,
    ents: &[Ent],
    quotes: &[Quo],
    events: &[Ev],
) -> Record {
    let entities: Vec<EntityRecord> = ents
        .iter()
        .enumerate()
        .map(|(i, Ent(name, ty, forms))| {
            let mut mentions: Vec<MentionRecord> = Vec::new();
            for f in *forms {
                for (s, e) in find_all(text, f) {
                    if mentions.iter().any(|m| m.start < e && s < m.end) {
                        continue; // inside a longer form already taken
                    }
                    let kind = if f.chars().next().is_some_and(char::is_uppercase) {
                        "name"
                    } else {
                        "nominal"
                    };
                    mentions.push(MentionRecord {
                        start: s,
                        end: e,
                        text: f.to_string(),
                        kind: kind.into(),
                    });
                }
            }
            mentions.sort_by_key(|m| m.start);
            EntityRecord {
                id: format!("E{}", i + 1),
                name: name.to_string(),
                etype: ty.to_string(),
                mentions,
            }
        })
        .collect();
    let quotes = quotes
        .iter()
        .map(|Quo(q, who)| {
            let s = span(text, q);
            QuoteRecord {
                start: s.start,
                end: s.end,
                text: s.text,
                kind: "direct".into(),
                speaker: who.map(|i| format!("E{}", i + 1)),
                speaker_name: who.map(|i| ents[i].0.to_string()),
                speaker_mention: None,
                cue: None,
                confidence: 0.9,
                continues: None,
            }
        })
        .collect();
    let mut times = Vec::new();
    let events = events
        .iter()
        .map(|Ev(ty, trig, parts, place, time)| {
            let time = time.map(|(t, v)| {
                let s = span(text, t);
                times.push(TimeRecord {
                    start: s.start,
                    end: s.end,
                    text: s.text,
                    ttype: "DATE".into(),
                    value: Some(v.into()),
                });
                times.len() - 1
            });
            EventRecord {
                etype: ty.to_string(),
                trigger: span(text, trig),
                participants: parts.iter().map(|i| format!("E{}", i + 1)).collect(),
                place: place.map(|i| format!("E{}", i + 1)),
                time,
                confidence: 0.8,
            }
        })
        .collect();
    let n = text.chars().count();
    Record {
        schema: "byline/1".into(),
        id: id.into(),
        source: SourceRecord {
            path: Some(id.into()),
            url: url.map(str::to_string),
            format: "text".into(),
        },
        meta: MetaRecord {
            title: Some(title.into()),
            date: Some(date.into()),
            publisher: Some(publisher.into()),
            authors: vec![],
            language: Some("en".into()),
        },
        text: text.into(),
        boilerplate: vec![],
        paragraphs: vec![Range { start: 0, end: n }],
        sentences: vec![Range { start: 0, end: n }],
        entities,
        quotes,
        times,
        quantities: vec![],
        events,
        warnings: vec![],
    }
}

const A1: &str = "Mayor Alicia Fenwick and the Harbour Trust agreed on Monday to reopen the Tannery Bridge in Port Ellery after a winter of repairs. “We will rebuild what the storm took from us,” Fenwick said at the town hall. The Harbour Trust said the crossing would carry buses again by May.";
const A2: &str = "Alicia Fenwick met dockworkers in Port Ellery on Friday as the row over pay at the harbour deepened. “Nobody will lose their job over this bridge,” the mayor told them. Daniel Okafor, who leads the dockworkers, said the talks had been frank.";
const A3: &str = "Daniel Okafor accused the Harbour Trust of missing two deadlines for the Tannery Bridge. “Every week of delay costs the quay another shop,” Okafor said. Fenwick declined to comment.";

fn a1() -> Record {
    record(
        "a1",
        Some("https://courier.example/a1"),
        "2025-03-03",
        "The Northern Courier",
        "Tannery Bridge to reopen",
        A1,
        &[
            Ent(
                "Alicia Fenwick",
                "PER",
                &["Mayor Alicia Fenwick", "Fenwick"],
            ),
            Ent("Harbour Trust", "ORG", &["Harbour Trust"]),
            Ent("Tannery Bridge", "LOC", &["Tannery Bridge"]),
            Ent("Port Ellery", "LOC", &["Port Ellery"]),
        ],
        &[Quo("We will rebuild what the storm took from us,", Some(0))],
        &[Ev(
            "agree",
            "agreed",
            &[0, 1],
            Some(3),
            Some(("Monday", "2025-03-03")),
        )],
    )
}

fn a2() -> Record {
    record(
        "a2",
        Some("https://valley.example/pay-row"),
        "2025-03-14",
        "Valley Post",
        "Mayor meets dockworkers",
        A2,
        &[
            Ent("Alicia Fenwick", "PER", &["Alicia Fenwick", "the mayor"]),
            Ent("Port Ellery", "LOC", &["Port Ellery"]),
            Ent("Daniel Okafor", "PER", &["Daniel Okafor"]),
        ],
        &[Quo("Nobody will lose their job over this bridge,", Some(0))],
        &[Ev(
            "meet",
            "met",
            &[0],
            Some(1),
            Some(("Friday", "2025-03-14")),
        )],
    )
}

fn a3() -> Record {
    record(
        "a3",
        None,
        "2025-04-02",
        "The Northern Courier",
        "Union says deadlines missed",
        A3,
        &[
            Ent("Daniel Okafor", "PER", &["Daniel Okafor", "Okafor"]),
            Ent("Harbour Trust", "ORG", &["Harbour Trust"]),
            Ent("Tannery Bridge", "LOC", &["Tannery Bridge"]),
            // a surname alone: linked to Alicia Fenwick through her alias "Fenwick"
            Ent("Fenwick", "PER", &["Fenwick"]),
        ],
        &[Quo(
            "Every week of delay costs the quay another shop,",
            Some(0),
        )],
        &[Ev("accuse", "accused", &[0, 1], None, None)],
    )
}

fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path().join("corpus.db")).expect("open store");
    (dir, store)
}

fn corpus() -> (tempfile::TempDir, Store) {
    let (dir, mut store) = open();
    let r = store.ingest(&[a1(), a2(), a3()]).expect("ingest");
    assert_eq!(r.inserted, 3, "{r:?}");
    assert!(r.rejected.is_empty(), "{r:?}");
    (dir, store)
}

fn entity_id(store: &Store, name: &str) -> i64 {
    let list = store
        .entities(&EntityListParams {
            q: Some(name.into()),
            ..Default::default()
        })
        .expect("entities");
    list.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {list:?}"))
        .id
}

fn search(store: &Store, q: &str) -> SearchResults {
    store
        .search(&SearchParams {
            q: Some(q.into()),
            ..Default::default()
        })
        .expect("search")
}

#[test]
fn ingest_counts_and_reopen() {
    let (dir, store) = corpus();
    let s = store.stats().unwrap();
    assert_eq!(s.articles, 3);
    assert_eq!(s.quotes, 3);
    assert_eq!(s.events, 3);
    assert_eq!(s.first_date.as_deref(), Some("2025-03-03"));
    assert_eq!(s.last_date.as_deref(), Some("2025-04-02"));
    drop(store);
    // reopened for reading: same data, and ingest is refused
    let mut ro = Store::open_read_only(dir.path().join("corpus.db")).unwrap();
    assert_eq!(ro.stats().unwrap(), s);
    assert_eq!(ro.integrity_check().unwrap(), "ok");
    assert!(ro.ingest(&[a1()]).is_err());
    // a file that is not a byline store
    let other = dir.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other).unwrap();
        c.execute_batch("CREATE TABLE t (x)").unwrap();
    }
    let e = Store::open(&other).unwrap_err();
    assert!(e.to_string().contains("not a byline store"), "{e}");
    assert!(Store::open_read_only(dir.path().join("missing.db")).is_err());
}

#[test]
fn entities_merge_across_articles() {
    let (_dir, store) = corpus();
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let page = store
        .entity(&EntityParams {
            id: fenwick,
            ..Default::default()
        })
        .unwrap();
    // a1 and a2 by exact name (after the honorific), a3's "Fenwick" by alias
    assert_eq!(page.entity.articles, 3, "{page:?}");
    assert_eq!(page.entity.etype, "PER");
    assert_eq!(page.entity.quotes, 2);
    assert!(page.entity.confidence < 1.0 && page.entity.confidence > 0.9);
    let names: Vec<&str> = page.aliases.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Mayor Alicia Fenwick"), "{names:?}");
    assert!(names.contains(&"Fenwick"), "{names:?}");
    // one Port Ellery, one Harbour Trust, one Daniel Okafor
    let okafor = entity_id(&store, "Daniel Okafor");
    let port = entity_id(&store, "Port Ellery");
    let trust = entity_id(&store, "Harbour Trust");
    for (id, n) in [(okafor, 2), (port, 2), (trust, 2)] {
        let p = store
            .entity(&EntityParams {
                id,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(p.entity.articles, n, "{p:?}");
    }
    // the article view links a3's E4 to the same corpus entity, with a lower confidence
    let view = store.article("a3").unwrap();
    let e4 = view.entities.iter().find(|e| e.local_id == "E4").unwrap();
    assert_eq!(e4.entity_id, fenwick);
    assert!(e4.link_confidence < 1.0);
    // name lookup by prefix and through an alias
    let found = store
        .entities(&EntityListParams {
            q: Some("fenw".into()),
            etype: Some("PER".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.entities[0].id, fenwick);
}

#[test]
fn replacing_by_id_url_or_text_never_duplicates() {
    let (_dir, mut store) = corpus();
    let before = store.stats().unwrap();
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let counts = |store: &Store| {
        store
            .entity(&EntityParams {
                id: fenwick,
                ..Default::default()
            })
            .unwrap()
            .entity
    };
    let fenwick_before = counts(&store);

    // the same records again
    let r = store.ingest(&[a1(), a2(), a3()]).unwrap();
    assert_eq!((r.inserted, r.replaced), (0, 3));
    assert_eq!(store.stats().unwrap(), before);
    assert_eq!(counts(&store), fenwick_before);

    // same URL, new id and a corrected text: replaces a1
    let mut v2 = a1();
    v2.id = "a1-corrected".into();
    v2.text = v2.text.replace("by May", "by June");
    let r = store.ingest(&[v2]).unwrap();
    assert_eq!((r.inserted, r.replaced), (0, 1));
    assert_eq!(store.stats().unwrap().articles, 3);
    assert_eq!(search(&store, "June").total, 1);
    assert_eq!(
        search(&store, "May").total,
        0,
        "the old text left the index"
    );
    assert!(store.article("a1").unwrap_err().is_not_found());

    // same text, new id and no URL: replaces a3
    let mut v3 = a3();
    v3.id = "copy-of-a3".into();
    let r = store.ingest(&[v3]).unwrap();
    assert_eq!((r.inserted, r.replaced), (0, 1));
    let s = store.stats().unwrap();
    assert_eq!(s, before);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(search(&store, "deadlines").hits[0].id, "copy-of-a3");
    assert_eq!(counts(&store), fenwick_before);
    let q = store
        .quotes(&QuoteParams {
            q: Some("shop".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(q.total, 1, "one quote row and one quote search row");

    // deleting everything leaves no entity behind
    for id in ["a1-corrected", "a2", "copy-of-a3"] {
        assert!(store.delete_article(id).unwrap());
    }
    let s = store.stats().unwrap();
    assert_eq!((s.articles, s.entities, s.mentions, s.quotes), (0, 0, 0, 0));
    assert_eq!(search(&store, "bridge").total, 0);
    assert!(!store.delete_article("a2").unwrap());
}

#[test]
fn a_bad_record_is_refused_alone() {
    let (_dir, mut store) = open();
    let mut bad = a2();
    bad.quotes[0].end = 10_000;
    let mut worse = a3();
    worse.schema = "byline/0".into();
    let mut no_speaker = a3();
    no_speaker.id = "x".into();
    no_speaker.quotes[0].speaker = Some("E99".into());
    let r = store.ingest(&[bad, a1(), worse, no_speaker]).unwrap();
    assert_eq!(r.inserted, 1);
    assert_eq!(r.rejected.len(), 3, "{r:?}");
    assert!(
        r.rejected[0].starts_with("record \"a2\": quotes[0]"),
        "{r:?}"
    );
    assert!(r.rejected[1].contains("schema"), "{r:?}");
    assert!(r.rejected[2].contains("E99"), "{r:?}");
    assert_eq!(store.stats().unwrap().articles, 1);
}

#[test]
fn search_with_filters() {
    let (_dir, store) = corpus();
    let r = search(&store, "bridge");
    assert_eq!(r.total, 3);
    let hit = &r.hits[0];
    assert!(hit.score.is_some());
    // the highlights point at the matched word in the snippet
    let chars: Vec<char> = hit.snippet.chars().collect();
    assert!(!hit.highlights.is_empty());
    for [s, e] in &hit.highlights {
        let w: String = chars[*s..*e].iter().collect();
        assert_eq!(w.to_lowercase(), "bridge");
    }
    let p = |f: fn(&mut SearchParams)| {
        let mut p = SearchParams {
            q: Some("bridge".into()),
            ..Default::default()
        };
        f(&mut p);
        let mut ids: Vec<String> = store
            .search(&p)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(p(|p| p.from = Some("2025-03-10".into())), ["a2", "a3"]);
    assert_eq!(p(|p| p.to = Some("2025-03-14".into())), ["a1", "a2"]);
    assert_eq!(
        p(|p| p.publisher = Some("the northern courier".into())),
        ["a1", "a3"]
    );
    assert_eq!(p(|p| p.entity = Some("Daniel Okafor".into())), ["a2", "a3"]);
    assert_eq!(
        p(|p| p.entity = Some("Nobody Known".into())),
        Vec::<String>::new()
    );
    assert_eq!(
        p(|p| p.q = Some("\"Tannery Bridge\" repai*".into())),
        ["a1"]
    );
    // without words: by date, newest first
    let all = store.search(&SearchParams::default()).unwrap();
    let ids: Vec<&str> = all.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["a3", "a2", "a1"]);
    // paging
    let page = store
        .search(&SearchParams {
            limit: Some(1),
            offset: Some(1),
            ..Default::default()
        })
        .unwrap();
    assert_eq!((page.total, page.hits.len()), (3, 1));
    assert_eq!(page.hits[0].id, "a2");
    // accents and case do not matter; FTS syntax is taken as words
    assert_eq!(search(&store, "TANNÉRY").total, 2);
    assert_eq!(search(&store, "bridge OR NEAR(").total, 0);
}

#[test]
fn bad_parameters_are_client_errors() {
    let (_dir, store) = corpus();
    let field = |e: StoreError| match e {
        StoreError::InvalidParam { field, .. } => field,
        other => panic!("not a parameter error: {other}"),
    };
    let e = store
        .search(&SearchParams {
            limit: Some(5000),
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.is_client_error());
    assert!(e.to_string().contains("over the maximum of 1000"), "{e}");
    assert_eq!(field(e), "limit");
    let e = store
        .quotes(&QuoteParams {
            from: Some("2025-02-30".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.to_string().contains("expected a date YYYY-MM-DD"), "{e}");
    assert_eq!(field(e), "from");
    let e = store
        .timeline(&TimelineParams {
            from: Some("2025-05-01".into()),
            to: Some("2025-04-01".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(field(e), "from");
    let e = store
        .graph(&GraphParams {
            etype: Some("PERSON".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(field(e), "type");
    let e = store
        .search(&SearchParams {
            q: Some(" ?! ".into()),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(field(e), "q");
    let e = store
        .entity(&EntityParams {
            id: 9999,
            ..Default::default()
        })
        .unwrap_err();
    assert!(e.is_not_found() && e.is_client_error());
    assert!(store.article("nope").unwrap_err().is_not_found());
    // unknown fields are refused when parameters are deserialized
    let err = serde_json::from_str::<SearchParams>(r#"{"q": "x", "limt": 3}"#).unwrap_err();
    assert!(err.to_string().contains("unknown field `limt`"), "{err}");
    assert!(serde_json::from_str::<QuoteParams>(r#"{"who": "x"}"#).is_err());
    assert!(serde_json::from_str::<TimelineParams>(r#"{"type": "meet"}"#).is_ok());
}

#[test]
fn quotes_by_speaker_text_and_date() {
    let (_dir, store) = corpus();
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let q = |p: QuoteParams| store.quotes(&p).unwrap();
    let by_id = q(QuoteParams {
        speaker_id: Some(fenwick),
        ..Default::default()
    });
    assert_eq!(by_id.total, 2);
    // newest first
    assert_eq!(by_id.quotes[0].article_id, "a2");
    assert_eq!(
        by_id.quotes[0].speaker_name.as_deref(),
        Some("Alicia Fenwick")
    );
    // by name, by an alias, by words, by date
    let by_name = q(QuoteParams {
        speaker: Some("alicia  FENWICK".into()),
        ..Default::default()
    });
    assert_eq!(by_name.total, 2);
    let by_alias = q(QuoteParams {
        speaker: Some("Okafor".into()),
        ..Default::default()
    });
    assert_eq!(by_alias.total, 1);
    let by_words = q(QuoteParams {
        q: Some("storm rebuild".into()),
        ..Default::default()
    });
    assert_eq!(by_words.total, 1);
    assert_eq!(by_words.quotes[0].article_id, "a1");
    let by_date = q(QuoteParams {
        speaker_id: Some(fenwick),
        from: Some("2025-03-10".into()),
        ..Default::default()
    });
    assert_eq!(by_date.total, 1);
    // offsets slice the article's text
    let hit = &by_words.quotes[0];
    let text: Vec<char> = store.article("a1").unwrap().text.chars().collect();
    assert_eq!(
        text[hit.start..hit.end].iter().collect::<String>(),
        hit.text
    );
}

#[test]
fn entity_page() {
    let (_dir, store) = corpus();
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let page = store
        .entity(&EntityParams {
            id: fenwick,
            bucket: Some(Bucket::Month),
            ..Default::default()
        })
        .unwrap();
    let months: Vec<(&str, u64)> = page
        .mentions_over_time
        .iter()
        .map(|t| (t.period.as_str(), t.articles))
        .collect();
    assert_eq!(months, [("2025-03", 2), ("2025-04", 1)]);
    let days = store
        .entity(&EntityParams {
            id: fenwick,
            bucket: Some(Bucket::Day),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(days.mentions_over_time.len(), 3);
    assert_eq!(days.mentions_over_time[0].period, "2025-03-03");
    // a1: "Mayor Alicia Fenwick", "Fenwick"
    assert_eq!(days.mentions_over_time[0].mentions, 2);
    let top = &page.cooccurring[0];
    assert_eq!(top.articles, 2, "{:?}", page.cooccurring);
    assert_eq!(page.latest_quotes.len(), 2);
    assert_eq!(page.latest_quotes[0].article_id, "a2");
}

#[test]
fn timeline_of_entity_and_place() {
    let (_dir, store) = corpus();
    let t = |p: TimelineParams| store.timeline(&p).unwrap();
    let fenwick = t(TimelineParams {
        entity: Some("Alicia Fenwick".into()),
        ..Default::default()
    });
    let types: Vec<&str> = fenwick.events.iter().map(|e| e.etype.as_str()).collect();
    assert_eq!(types, ["agree", "meet"]);
    assert_eq!(fenwick.events[0].date.as_deref(), Some("2025-03-03"));
    assert_eq!(fenwick.events[0].time_value.as_deref(), Some("2025-03-03"));
    assert_eq!(
        fenwick.events[0].place.as_ref().unwrap().name,
        "Port Ellery"
    );
    assert!(fenwick.events[0].sentence.contains("agreed on Monday"));
    let port = t(TimelineParams {
        place: Some("port ellery".into()),
        ..Default::default()
    });
    assert_eq!(port.total, 2);
    let okafor = entity_id(&store, "Daniel Okafor");
    let accused = t(TimelineParams {
        entity_id: Some(okafor),
        etype: Some("accuse".into()),
        ..Default::default()
    });
    assert_eq!(accused.total, 1);
    // no time expression: the article's date
    assert_eq!(accused.events[0].date.as_deref(), Some("2025-04-02"));
    let names: Vec<&str> = accused.events[0]
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Daniel Okafor", "Harbour Trust"]);
    let march = t(TimelineParams {
        from: Some("2025-03-10".into()),
        to: Some("2025-03-31".into()),
        ..Default::default()
    });
    assert_eq!(march.total, 1);
}

#[test]
fn graph_json_and_graphml() {
    let (_dir, store) = corpus();
    let g = store.graph(&GraphParams::default()).unwrap();
    assert!(g.nodes.len() >= 5);
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let trust = entity_id(&store, "Harbour Trust");
    let (a, b) = (fenwick.min(trust), fenwick.max(trust));
    let edge = g
        .edges
        .iter()
        .find(|e| e.source == a && e.target == b)
        .expect("Fenwick - Harbour Trust edge");
    assert_eq!(edge.weight, 2);
    assert!(g.edges.iter().all(|e| e.source < e.target));
    let heavy = store
        .graph(&GraphParams {
            min_weight: Some(2),
            ..Default::default()
        })
        .unwrap();
    assert!(heavy.edges.iter().all(|e| e.weight >= 2));
    let ego = store
        .graph(&GraphParams {
            entity_id: Some(fenwick),
            etype: Some("LOC".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(ego.nodes[0].id, fenwick);
    assert!(ego.nodes[1..].iter().all(|n| n.etype == "LOC"));
    let xml = g.to_graphml();
    assert!(xml.starts_with("<?xml"));
    assert_eq!(xml.matches("<node ").count(), g.nodes.len());
    assert_eq!(xml.matches("<edge ").count(), g.edges.len());
    // JSON round trip
    let back: Graph = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
    assert_eq!(back, g);
}

#[test]
fn article_view_for_highlighting() {
    let (_dir, store) = corpus();
    let v = store.article("a1").unwrap();
    assert_eq!(v.url.as_deref(), Some("https://courier.example/a1"));
    let chars: Vec<char> = v.text.chars().collect();
    let slice = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    for e in &v.entities {
        for m in &e.mentions {
            assert_eq!(slice(m.start, m.end), m.text);
        }
    }
    let q = &v.quotes[0];
    assert_eq!(slice(q.start, q.end), q.text);
    let fenwick = entity_id(&store, "Alicia Fenwick");
    assert_eq!(q.speaker_id, Some(fenwick));
    assert_eq!(q.speaker_local_id.as_deref(), Some("E1"));
    assert!(q.quote_id > 0);
    assert_eq!(v.events[0].participants.len(), 2);
    // the full record comes back as it went in
    assert_eq!(store.record("a1").unwrap(), a1());
}

#[test]
fn export_parquet_and_jsonl() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;

    let (dir, store) = corpus();
    let out = dir.path().join("parquet");
    let report = store.export(&out, ExportFormat::Parquet).unwrap();
    let rows = |t: &str| report.tables.iter().find(|x| x.table == t).unwrap().rows;
    assert_eq!(rows("articles"), 3);
    assert_eq!(rows("quotes"), 3);
    assert_eq!(rows("events"), 3);
    for t in [
        "entities",
        "aliases",
        "article_entities",
        "mentions",
        "times",
        "quantities",
        "event_participants",
    ] {
        assert!(report.tables.iter().any(|x| x.table == t), "{t} missing");
    }
    // read the articles and quotes back with the parquet reader
    let reader =
        SerializedFileReader::new(std::fs::File::open(out.join("articles.parquet")).unwrap())
            .unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 3);
    let mut ids = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        ids.push(row.get_string(0).unwrap().clone());
        if row.get_string(0).unwrap() == "a3" {
            assert!(row.get_string(1).is_err(), "a3 has no URL: null");
        }
    }
    assert_eq!(ids, ["a1", "a2", "a3"]);
    let reader =
        SerializedFileReader::new(std::fs::File::open(out.join("quotes.parquet")).unwrap())
            .unwrap();
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let mut speakers = Vec::new();
    for row in reader.get_row_iter(None).unwrap() {
        let row = row.unwrap();
        let text = row.get_string(5).unwrap();
        assert!(text.ends_with(','), "{text}");
        speakers.push(row.get_long(8).unwrap());
        assert!((row.get_double(12).unwrap() - 0.9).abs() < 1e-9);
    }
    assert_eq!(speakers.iter().filter(|&&s| s == fenwick).count(), 2);
    // an empty table is still a readable file
    let reader =
        SerializedFileReader::new(std::fs::File::open(out.join("quantities.parquet")).unwrap())
            .unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 0);

    let out = dir.path().join("jsonl");
    store.export(&out, ExportFormat::Jsonl).unwrap();
    let text = std::fs::read_to_string(out.join("mentions.jsonl")).unwrap();
    let first: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(first["article_id"], "a1");
    assert_eq!(first["text"], "Mayor Alicia Fenwick");
    assert_eq!(first["start"], 0);
}

/// Two entity ids and the number of articles naming both.
type Pair = (i64, i64, u64);

/// Co-occurrence counts and graph edges as the plain SQL self-join computes them (the way
/// the store computed them before they were counted in Rust), read from the store's file.
fn reference_counts(
    path: &std::path::Path,
    from: Option<&str>,
    to: Option<&str>,
) -> (Vec<Pair>, Vec<Pair>) {
    let conn = rusqlite::Connection::open(path).unwrap();
    let run = |sql: &str| -> Vec<Pair> {
        conn.prepare(sql)
            .unwrap()
            .query_map([from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
            })
            .unwrap()
            .collect::<rusqlite::Result<Vec<_>>>()
            .unwrap()
    };
    let co = run("SELECT x.entity_id, y.entity_id, count(DISTINCT x.article)
         FROM article_entities x JOIN articles a ON a.rowid = x.article
         JOIN article_entities y ON y.article = x.article AND y.entity_id != x.entity_id
         WHERE (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)
         GROUP BY x.entity_id, y.entity_id ORDER BY 1, 3 DESC, 2");
    let edges = run("SELECT x.entity_id, y.entity_id, count(DISTINCT x.article)
         FROM article_entities x JOIN articles a ON a.rowid = x.article
         JOIN article_entities y ON y.article = x.article AND y.entity_id > x.entity_id
         WHERE (?1 IS NULL OR a.date >= ?1) AND (?2 IS NULL OR a.date <= ?2)
         GROUP BY x.entity_id, y.entity_id ORDER BY 3 DESC, 1, 2");
    (co, edges)
}

/// Every entity's co-occurrences and the whole graph's edges equal the SQL self-join's.
fn assert_counts_exact(path: &std::path::Path, store: &Store, range: Option<(&str, &str)>) {
    let (from, to) = match range {
        Some((f, t)) => (Some(f), Some(t)),
        None => (None, None),
    };
    let (co, edges) = reference_counts(path, from, to);
    let all = store
        .entities(&EntityListParams {
            limit: Some(1000),
            ..Default::default()
        })
        .unwrap();
    let mut got_co = Vec::new();
    for e in &all.entities {
        let page = store
            .entity(&EntityParams {
                id: e.id,
                from: from.map(String::from),
                to: to.map(String::from),
                cooccurring_limit: Some(1000),
                ..Default::default()
            })
            .unwrap();
        got_co.extend(page.cooccurring.iter().map(|c| (e.id, c.id, c.articles)));
    }
    got_co.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
    assert_eq!(got_co, co);
    let g = store
        .graph(&GraphParams {
            from: from.map(String::from),
            to: to.map(String::from),
            limit: Some(1000),
            ..Default::default()
        })
        .unwrap();
    let got_edges: Vec<(i64, i64, u64)> = g
        .edges
        .iter()
        .map(|e| (e.source, e.target, e.weight))
        .collect();
    // nodes without articles in the range are not in a dated graph, nor in its edges
    assert_eq!(got_edges, edges);
}

#[test]
fn cooccurrences_stay_exact_through_replace_and_delete() {
    let (dir, mut store) = corpus();
    let path = dir.path().join("corpus.db");
    let march = Some(("2025-03-01", "2025-03-31"));
    assert_counts_exact(&path, &store, None);
    assert_counts_exact(&path, &store, march);
    let fenwick = entity_id(&store, "Alicia Fenwick");
    let okafor = entity_id(&store, "Daniel Okafor");
    let with_okafor = |store: &Store| {
        store
            .entity(&EntityParams {
                id: fenwick,
                ..Default::default()
            })
            .unwrap()
            .cooccurring
            .iter()
            .find(|c| c.id == okafor)
            .map(|c| c.articles)
    };
    // a2 and a3 name both
    assert_eq!(with_okafor(&store), Some(2));

    // a2 replaced (same id) by a version without Okafor and with Fenwick twice (her full
    // name and her surname as two article entities, one corpus entity)
    let v2 = record(
        "a2",
        Some("https://valley.example/pay-row"),
        "2025-03-14",
        "Valley Post",
        "Mayor meets dockworkers",
        "Alicia Fenwick met dockworkers in Port Ellery on Friday. Fenwick said the talks had been frank.",
        &[
            Ent("Alicia Fenwick", "PER", &["Alicia Fenwick"]),
            Ent("Port Ellery", "LOC", &["Port Ellery"]),
            Ent("Fenwick", "PER", &["Fenwick"]),
        ],
        &[],
        &[],
    );
    let r = store.ingest(&[v2]).unwrap();
    assert_eq!((r.inserted, r.replaced), (0, 1), "{r:?}");
    assert_eq!(with_okafor(&store), Some(1));
    assert_counts_exact(&path, &store, None);
    assert_counts_exact(&path, &store, march);
    // Port Ellery: a1 and the new a2, each counted once although Fenwick is in a2 twice
    let port = entity_id(&store, "Port Ellery");
    let page = store
        .entity(&EntityParams {
            id: port,
            ..Default::default()
        })
        .unwrap();
    let f = page.cooccurring.iter().find(|c| c.id == fenwick).unwrap();
    assert_eq!(f.articles, 2);

    // the same records again, then a deletion
    store.ingest(&[a1(), a2(), a3()]).unwrap();
    assert_eq!(with_okafor(&store), Some(2));
    assert_counts_exact(&path, &store, None);
    assert!(store.delete_article("a3").unwrap());
    assert_eq!(with_okafor(&store), Some(1));
    assert_counts_exact(&path, &store, None);
    assert_counts_exact(&path, &store, march);
}
