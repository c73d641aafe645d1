//! The seed article with hand-placed mentions and times: the six gold events must be found.

mod common;

use byline_doc::EntityType::{self, Loc, Misc, Org, Per};
use byline_doc::{Document, Event};
use common::{build, run, show, M, T};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/golden/seed-article.txt"
);

const ZEL: &str = "Volodymyr Zelensky";
const KEIR: &str = "Keir Starmer";

/// The gold entities' mention strings (longest claim first; `@N` picks one occurrence).
const MENTIONS: &[M] = &[
    ("Volodymyr Zelensky", ZEL, Per),
    ("Mr Zelensky", ZEL, Per),
    ("The Ukrainian president", ZEL, Per),
    ("the Ukrainian leader", ZEL, Per),
    ("He@0", ZEL, Per),
    ("He@1", ZEL, Per),
    ("He@2", KEIR, Per),
    ("he", ZEL, Per),
    ("his", ZEL, Per),
    ("His", ZEL, Per),
    ("Sir Keir Starmer", KEIR, Per),
    ("Sir Keir", KEIR, Per),
    ("the Prime Minister", KEIR, Per),
    ("Charles", "Charles III", Per),
    ("the King", "Charles III", Per),
    ("Commons speaker Sir Lindsay Hoyle", "Lindsay Hoyle", Per),
    ("Lord McFall of Alcluith", "Lord McFall of Alcluith", Per),
    ("his Lords counterpart", "Lord McFall of Alcluith", Per),
    ("Nato", "Nato", Org),
    ("Operation Interflex", "Operation Interflex", Misc),
    (
        "the Interflex training mission",
        "Operation Interflex",
        Misc,
    ),
    ("Interflex", "Operation Interflex", Misc),
    ("UK", "United Kingdom", Loc),
    ("Britain", "United Kingdom", Loc),
    ("Ukraine", "Ukraine", Loc),
    ("Russia", "Russia", Loc),
    ("Iran", "Iran", Loc),
    ("Finland", "Finland", Loc),
    ("Romania", "Romania", Loc),
    ("Kyiv", "Kyiv", Loc),
    ("London", "London", Loc),
    ("The Hague", "The Hague", Loc),
    ("Berkshire", "Berkshire", Loc),
    ("Downing Street", "Downing Street", Loc),
    ("No 10", "Downing Street", Loc),
    ("Windsor Castle", "Windsor Castle", Loc),
    ("the Berkshire royal residence", "Windsor Castle", Loc),
    ("Palace of Westminster", "Palace of Westminster", Loc),
    ("Ukrainian", "Ukrainian", Misc),
    ("North Korean", "North Korean", Misc),
];

const TIMES: &[T] = &[
    ("this week", "2025-W26"),
    ("Monday afternoon", "2025-06-23TAF"),
    ("Monday", "2025-06-23"),
    ("this afternoon", "2025-06-23TAF"),
    ("overnight", "2025-06-22TNI"),
    ("the day before", "2025-06-23"),
    ("two-day", "P2D"),
    ("100-year", "P100Y"),
];

/// The gold events: type, participant names, place name.
const GOLD: &[(&str, &[&str], Option<&str>)] = &[
    ("meet", &[ZEL, KEIR], Some("Downing Street")),
    ("meet", &["Charles III", ZEL], Some("Windsor Castle")),
    (
        "meet",
        &[ZEL, "Lindsay Hoyle", "Lord McFall of Alcluith"],
        Some("Palace of Westminster"),
    ),
    ("agree", &["United Kingdom", "Ukraine"], None),
    ("attack", &["Russia", "Ukraine"], None),
    ("summit", &["Nato"], Some("The Hague")),
];

fn seed_doc() -> Option<Document> {
    let Ok(raw) = std::fs::read_to_string(SEED) else {
        eprintln!("seed article not found at {SEED}: skipping");
        return None;
    };
    // drop the first paragraph (date token and donation appeal)
    let body: Vec<&str> = raw.split("\n\n").skip(1).map(str::trim).collect();
    let text = body.join("\n\n");
    Some(build(&text, MENTIONS, TIMES))
}

fn names(doc: &Document, ids: &[usize]) -> Vec<String> {
    ids.iter().map(|&e| doc.entities[e].name.clone()).collect()
}

/// Score-style weight of a predicted event for a gold one: 0 unless the type matches and a
/// participant is shared; more for more participants and the right place.
fn weight(doc: &Document, gold: &(&str, &[&str], Option<&str>), e: &Event) -> u32 {
    if e.kind != gold.0 {
        return 0;
    }
    let parts = names(doc, &e.participants);
    let hits = gold
        .1
        .iter()
        .filter(|g| parts.iter().any(|p| p == *g))
        .count() as u32;
    if hits == 0 {
        return 0;
    }
    let place = e.place.map(|p| doc.entities[p].name.as_str());
    let place_ok = gold.2.is_some() && place == gold.2;
    1_000_000 + 10_000 * hits + 1_000 * u32::from(place_ok)
}

#[test]
fn seed_article_gold_events() {
    let Some(mut doc) = seed_doc() else { return };
    assert!(
        doc.sentences.len() >= 20,
        "{} sentences",
        doc.sentences.len()
    );
    let events = run(&mut doc);
    for e in &events {
        let time = e.time.map(|t| doc.slice(doc.times[t].span).to_string());
        eprintln!("{}  time={time:?} conf={:.2}", show(&doc, e), e.confidence);
    }

    // greedy assignment by weight, each event used once
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (g, gold) in GOLD.iter().enumerate() {
        for (p, e) in events.iter().enumerate() {
            let w = weight(&doc, gold, e);
            if w > 0 {
                pairs.push((w, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.cmp(a));
    let mut gold_used = [None; 6];
    let mut pred_used = vec![false; events.len()];
    for (_, g, p) in pairs {
        if gold_used[g].is_none() && !pred_used[p] {
            gold_used[g] = Some(p);
            pred_used[p] = true;
        }
    }
    let mut missing = Vec::new();
    let mut incomplete = Vec::new();
    for (g, gold) in GOLD.iter().enumerate() {
        let Some(p) = gold_used[g] else {
            missing.push(format!("{}({:?})", gold.0, gold.1));
            continue;
        };
        let e = &events[p];
        let parts = names(&doc, &e.participants);
        let all = gold.1.iter().all(|g| parts.iter().any(|p| p == *g));
        let place = e.place.map(|p| doc.entities[p].name.as_str());
        if !all || (gold.2.is_some() && place != gold.2) {
            incomplete.push(show(&doc, e));
        }
    }
    assert!(missing.is_empty(), "gold events not found: {missing:?}");
    eprintln!("6/6 gold events matched, {} complete", 6 - incomplete.len());
    assert!(
        incomplete.is_empty(),
        "matched but incomplete: {incomplete:?}"
    );
    assert!(events.len() <= 10, "{} events", events.len());

    // the attack is overnight, the first meeting on Monday afternoon
    let attack = &events[gold_used[4].unwrap_or(0)];
    assert_eq!(
        attack.time.map(|t| doc.slice(doc.times[t].span)),
        Some("overnight")
    );
    let meet = &events[gold_used[0].unwrap_or(0)];
    assert_eq!(
        meet.time.map(|t| doc.slice(doc.times[t].span)),
        Some("Monday afternoon")
    );
}

#[test]
fn seed_article_without_coreference_still_yields_events() {
    // names only: no nominal or pronoun mentions
    let Some(full) = seed_doc() else { return };
    let names_only: Vec<M> = MENTIONS
        .iter()
        .copied()
        .filter(|m| {
            let first = m.0.chars().next().unwrap_or('a');
            first.is_uppercase()
                && !m.0.starts_with("The ")
                && !m.0.starts_with("He")
                && !m.0.starts_with("His")
        })
        .collect();
    let mut doc = build(&full.text, &names_only, TIMES);
    let events = run(&mut doc);
    let kinds: Vec<&str> = events.iter().map(|e| e.kind).collect();
    for k in ["agree", "attack", "summit", "meet"] {
        assert!(kinds.contains(&k), "{k} missing from {kinds:?}");
    }
    let _: EntityType = Per;
}
