//! Typing chunks: gazetteers, name shapes and document context.

use std::collections::HashMap;

use crate::chunk::{is_plain_word, stem, Chunk};
use crate::conll::{label_type, Label};
use byline_doc::{Document, EntityType, Span, TokenKind};
use byline_lexicon::{orgs, people, places, speech};

/// Titles that are offices rather than parts of a name: they are left out of the mention
/// ("Prime Minister Keir Starmer" → "Keir Starmer"); coreference reads them as roles.
fn is_office_word(w: &str) -> bool {
    matches!(
        w,
        "President"
            | "Prime"
            | "Minister"
            | "Chancellor"
            | "Secretary"
            | "Speaker"
            | "Premier"
            | "Vice"
            | "Vice-President"
            | "Foreign"
            | "Home"
            | "Defence"
            | "Defense"
            | "Health"
            | "Deputy"
            | "Chief"
            | "Executive"
            | "Attorney"
            | "General"
            | "First"
            | "Supreme"
            | "Leader"
            | "Mayor"
            | "Commissioner"
            | "Justice"
            | "Education"
            | "Crown"
            | "Coach"
            | "Manager"
            | "Captain"
            | "Ambassador"
            | "Chairman"
            | "Chairwoman"
            | "Chairperson"
            | "Majority"
            | "Minority"
            | "Director"
            | "Spokesman"
            | "Spokeswoman"
    )
}

/// Honorifics that stay inside the mention.
fn is_courtesy(w: &str) -> bool {
    let bare = w.trim_end_matches('.');
    let honorific =
        people::honorific(bare).is_some() || people::honorific(&format!("{bare}.")).is_some();
    honorific && !is_office_word(bare)
}

const MISC_LAST: &[&str] = &[
    "Summit",
    "Cup",
    "Games",
    "Olympics",
    "Championship",
    "Championships",
    "Open",
    "Act",
    "Bill",
    "Treaty",
    "Agreement",
    "Accord",
    "Festival",
    "Awards",
    "Prize",
    "War",
    "Award",
    "Day",
    "Convention",
    "Protocol",
    "Doctrine",
    "Plan",
    "Strategy",
    "Programme",
    "Program",
    "League",
    "Prize",
    "Series",
    "Trophy",
    "Grand Prix",
];

struct Cand {
    /// token range [a, b] inclusive after trimming
    a: usize,
    b: usize,
    etype: Option<EntityType>,
    /// the first word is a capitalised common word at a sentence start: keep only with evidence
    doubtful_first: bool,
}

/// Types chunks; returns the mention spans with their types. `model` gives the learned
/// tagger's label for every token (called only when a chunk needs it, so documents the rules
/// type alone never run the tagger): it types the chunks no gazetteer, name shape or document
/// context types (where the rules would only guess from the neighbouring words).
pub fn classify(
    doc: &Document,
    chunks: &[Chunk],
    model: Option<&dyn Fn() -> Vec<Label>>,
) -> Vec<(Span, EntityType)> {
    let labels: std::cell::OnceCell<Vec<Label>> = std::cell::OnceCell::new();

    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    let mut cands: Vec<Cand> = Vec::new();
    for ch in chunks {
        for (a, b) in split_offices(doc, ch.first, ch.last)
            .into_iter()
            .flat_map(|(a, b)| split_members(doc, a, b))
        {
            let full = join(doc, a, b);
            if let Some(t) = gazetteer(&full) {
                cands.push(Cand {
                    a,
                    b,
                    etype: Some(t),
                    doubtful_first: false,
                });
                continue;
            }
            let mut a = a;
            // a leading "The" is not part of a name (except gazetteer names like "The Hague")
            if w(a) == "The" && a < b {
                a += 1;
            }
            let doubtful_first = ch.initial
                && a == ch.first
                && is_plain_word(w(a))
                && people::honorific(w(a)).is_none();
            let etype = shape(doc, a, b);
            cands.push(Cand {
                a,
                b,
                etype,
                doubtful_first,
            });
        }
    }

    // document context: surnames and first names of people, and words already typed
    let mut person_words: HashMap<String, ()> = HashMap::new();
    let mut typed: HashMap<String, EntityType> = HashMap::new();
    for c in &cands {
        if let Some(t) = c.etype {
            if !c.doubtful_first || c.a < c.b {
                typed.entry(join(doc, c.a, c.b)).or_insert(t);
            }
            if t == EntityType::Per {
                for i in name_words(doc, c.a, c.b) {
                    person_words.insert(w(i).to_string(), ());
                }
            } else if c.b > c.a {
                // "Operation Interflex" → "Interflex" keeps MISC
                typed.entry(w(c.b).to_string()).or_insert(t);
            }
        }
    }

    let mut out: Vec<(Span, EntityType, bool)> = Vec::new();
    for c in &mut cands {
        let (mut a, b) = (c.a, c.b);
        if c.doubtful_first {
            let first = stem(w(a));
            let known = person_words.contains_key(first) || typed.contains_key(&join(doc, a, b));
            if !known {
                if a == b {
                    continue;
                }
                a += 1;
                c.etype = shape(doc, a, b);
            }
        }
        let text = join(doc, a, b);
        let strong = c.etype.is_some() || typed.contains_key(&text);
        let etype = c.etype.or_else(|| typed.get(&text).copied()).or_else(|| {
            if person_words.contains_key(w(b)) && !is_plain_all(doc, a, b) {
                return Some(EntityType::Per);
            }
            if person_words.contains_key(w(b)) && a == b {
                return Some(EntityType::Per);
            }
            let (guessed, cue) = guess(doc, a, b)?;
            if cue {
                return Some(guessed);
            }
            // the model types what the rules can only guess from the name's shape; it never
            // turns a common-word chunk the rules drop into a name, nor a lone unknown word
            // into a person on its own
            match model.and_then(|f| model_type(labels.get_or_init(f), a, b)) {
                Some(t) if !(t == EntityType::Per && a == b) => Some(t),
                _ => Some(guessed),
            }
        });
        if let Some(t) = etype {
            let weak = !strong;
            out.push((
                Span::new(doc.tokens[a].span.start, doc.tokens[b].span.end),
                t,
                weak,
            ));
        }
    }
    // a guessed string takes the type a confident occurrence of it got elsewhere, and a lone
    // word that is part of a person's name elsewhere ("Mateo Vargas" … "Vargas") is that person
    let mut best: HashMap<&str, EntityType> = HashMap::new();
    let mut name_parts: HashMap<&str, ()> = HashMap::new();
    let mut surnames: HashMap<&str, ()> = HashMap::new();
    for (span, t, weak) in &out {
        let s = &doc.text[span.start..span.end];
        if !weak {
            best.entry(s).or_insert(*t);
        }
        if *t == EntityType::Per && s.contains(' ') {
            for part in s.split(' ').filter(|p| !is_courtesy(p)) {
                name_parts.insert(part, ());
            }
            // a surname after a first name ("Mark Cuban"), not "Disconsolate Republican"
            if let Some((head, last)) = s.rsplit_once(' ').filter(|_| !weak) {
                if head.split(' ').any(|p| people::first_name(p).is_some()) {
                    surnames.insert(last, ());
                }
            }
        }
    }
    out.iter()
        .map(|(span, t, weak)| {
            let s = &doc.text[span.start..span.end];
            let t = if !*weak {
                // "Mark Cuban … Cuban said", "John Bolton … Bolton added": a place or a
                // demonym that is a person's surname in this document, used as a subject
                if *t != EntityType::Per
                    && !s.contains(' ')
                    && surnames.contains_key(s)
                    && used_as_subject(doc, *span)
                {
                    EntityType::Per
                } else {
                    *t
                }
            } else if let Some(b) = best.get(s) {
                *b
            } else if !s.contains(' ') && name_parts.contains_key(s) {
                EntityType::Per
            } else {
                *t
            };
            (*span, t)
        })
        .collect()
}

/// Whether the one-word mention `span` stands as a noun phrase of its own, as a surname does:
/// no determiner or preposition before it, and after it a punctuation mark, a possessive, an
/// auxiliary or a speaking verb ("Cuban said", "Bolton, who", "Cuban’s team"), not a noun
/// ("Cuban officials").
fn used_as_subject(doc: &Document, span: Span) -> bool {
    let i = doc.token_at_or_after(span.start);
    let before = i
        .checked_sub(1)
        .map(|p| &doc.text[doc.tokens[p].span.start..doc.tokens[p].span.end]);
    if before.is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "the" | "a" | "an" | "in" | "at" | "from" | "near" | "to" | "for" | "of" | "into"
        )
    }) {
        return false;
    }
    let Some(next) = doc.tokens.get(i + 1) else {
        return true;
    };
    let w = &doc.text[next.span.start..next.span.end];
    next.kind == TokenKind::Punct
        || matches!(
            w,
            "’s" | "'s"
                | "is"
                | "was"
                | "has"
                | "had"
                | "will"
                | "would"
                | "could"
                | "can"
                | "did"
                | "does"
                | "also"
        )
        || speech::cue_lemma(w).is_some() && w.starts_with(char::is_lowercase)
}

/// The entity type the model gives most of the tokens `a..=b`, if more than half are typed.
fn model_type(labels: &[Label], a: usize, b: usize) -> Option<EntityType> {
    let mut counts = [0usize; 4];
    for &l in labels.get(a..=b)? {
        if let Some(t) = label_type(l) {
            counts[t] += 1;
        }
    }
    let (t, &n) = counts.iter().enumerate().max_by_key(|(_, &n)| n)?;
    if 2 * n <= b + 1 - a {
        return None;
    }
    Some(match t {
        0 => EntityType::Per,
        1 => EntityType::Org,
        2 => EntityType::Loc,
        _ => EntityType::Misc,
    })
}

/// Splits a chunk around office titles: "Ukrainian President Volodymyr Zelensky" →
/// "Ukrainian", "Volodymyr Zelensky".
fn split_offices(doc: &Document, first: usize, last: usize) -> Vec<(usize, usize)> {
    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    let mut out = Vec::new();
    let mut start = first;
    let mut i = first;
    while i <= last {
        if is_office_word(w(i)) && doc.tokens[i].kind == TokenKind::Word {
            let mut j = i;
            while j <= last
                && (is_office_word(w(j)) || matches!(w(j), "of" | "the" | "State" | "Exchequer"))
            {
                j += 1;
            }
            // an office followed by a name: cut the office out ("General Secretariat for ..."
            // and "Foreign Office" are organisations, not titles)
            if j <= last
                && !is_shape_suffix(w(last))
                && !orgs::is_org_suffix(w(j))
                && !orgs::is_org_prefix(w(j))
            {
                if i > start {
                    out.push((start, i - 1));
                }
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if start <= last {
        // an office alone ("the Prime Minister") is a role, not a name
        if !(start..=last).all(|k| is_office_word(w(k)) || matches!(w(k), "of" | "the")) {
            out.push((start, last));
        }
    }
    out
}

/// "Cincinnati Democrat" is a place and a party member, not one name; "Luis Ortega of Grand
/// Rapids" is a person and a place (only peers are "of" somewhere: "Lord McFall of Alcluith").
fn split_members(doc: &Document, a: usize, b: usize) -> Vec<(usize, usize)> {
    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    if b > a && is_member_noun(w(b)) && gazetteer(&join(doc, a, b - 1)).is_some() {
        return vec![(a, b - 1), (b, b)];
    }
    if let Some(of) = (a + 1..b).find(|&i| w(i) == "of") {
        let peer = matches!(
            w(a),
            "Lord"
                | "Lady"
                | "Baron"
                | "Baroness"
                | "Duke"
                | "Duchess"
                | "Earl"
                | "Countess"
                | "Viscount"
                | "Marquess"
                | "Bishop"
                | "Archbishop"
                | "Prince"
                | "Princess"
                | "King"
                | "Queen"
        );
        let left = join(doc, a, of - 1);
        let person_like = people::first_name(w(a)).is_some() || is_courtesy(w(a));
        if !peer
            && person_like
            && gazetteer(&left).is_none()
            && !orgs::is_org_suffix(w(of - 1))
            && !places::is_place_suffix(w(of - 1))
            && !orgs::is_org_prefix(w(a))
            && !places::is_place_prefix(w(a))
        {
            return vec![(a, of - 1), (of + 1, b)];
        }
    }
    vec![(a, b)]
}

fn is_shape_suffix(w: &str) -> bool {
    orgs::is_org_suffix(w) || places::is_place_suffix(w)
}

/// Party members and similar group nouns: "a Cincinnati Democrat", "Tory".
fn is_member_noun(w: &str) -> bool {
    matches!(
        w,
        "Democrat"
            | "Republican"
            | "Conservative"
            | "Tory"
            | "Labourite"
            | "Liberal"
            | "Democrats"
            | "Republicans"
            | "Brexiteer"
            | "Remainer"
            | "Unionist"
            | "Nationalist"
            | "Socialist"
            | "Communist"
    )
}

fn gazetteer(full: &str) -> Option<EntityType> {
    if is_member_noun(full) && !matches!(full, "Democrats" | "Republicans") {
        return Some(EntityType::Misc);
    }
    if places::place_alias(full).is_some()
        || places::country(full).is_some()
        || places::is_place(full)
    {
        return Some(EntityType::Loc);
    }
    if orgs::known(full).is_some() {
        return Some(EntityType::Org);
    }
    if places::demonym(full).is_some() {
        return Some(EntityType::Misc);
    }
    None
}

/// Types a chunk from its own words.
fn shape(doc: &Document, a: usize, b: usize) -> Option<EntityType> {
    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    let full = join(doc, a, b);
    if let Some(t) = gazetteer(&full) {
        return Some(t);
    }
    let first = w(a);
    let last = w(b);
    let has_of = (a..=b).any(|i| w(i) == "of" || w(i) == "for");
    if b > a && is_courtesy(first) {
        return Some(EntityType::Per);
    }
    // "Alabama Sen. Jeff Sessions", "U.S. Rep. Ann Ruiz": a place, then a courtesy title and
    // a name
    if let Some(i) = (a + 1..b).find(|&i| is_courtesy(w(i))) {
        if gazetteer(&join(doc, a, i - 1)) == Some(EntityType::Loc) {
            return Some(EntityType::Per);
        }
    }
    if places::is_place_suffix(last) && b > a {
        return Some(EntityType::Loc);
    }
    if orgs::is_org_suffix(last) && (b > a || last.chars().all(|c| c.is_uppercase())) {
        return Some(EntityType::Org);
    }
    if has_of && places::is_place_prefix(first) {
        return Some(EntityType::Loc);
    }
    if b > a
        && (places::is_place_head(first) || matches!(first, "Interstate" | "Route" | "Highway"))
    {
        return Some(EntityType::Loc);
    }
    if has_of && orgs::is_org_prefix(first) {
        return Some(EntityType::Org);
    }
    if b > a
        && matches!(
            first,
            "Operation" | "Storm" | "Hurricane" | "Typhoon" | "Cyclone" | "Tropical" | "Project"
        )
    {
        return Some(EntityType::Misc);
    }
    if b > a && MISC_LAST.contains(&last) {
        return Some(EntityType::Misc);
    }
    if b > a && places::demonym(first).is_some() {
        // "British Airways" has an org suffix (above); "Ukrainian Catholic" and the like are MISC
        return Some(EntityType::Misc);
    }
    if b > a && people::first_name(first).is_some() && !is_plain_word(last) {
        return Some(EntityType::Per);
    }
    if a == b && people::first_name(first).is_some() && !is_plain_word(first) {
        return Some(EntityType::Per);
    }
    if b == a + 1 && registry_first_last(first, last) {
        return Some(EntityType::Per);
    }
    if a == b
        && first.len() >= 2
        && first.len() <= 6
        && first.chars().all(|c| c.is_ascii_uppercase())
    {
        return Some(EntityType::Org);
    }
    None
}

/// A last guess for an unknown chunk with no document evidence.
/// The rules' guess for an untyped chunk: `None` for common words; `(type, true)` when a cue
/// in the context decides it, `(type, false)` for the fallbacks (name-shaped → PER, else MISC).
fn guess(doc: &Document, a: usize, b: usize) -> Option<(EntityType, bool)> {
    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    if is_plain_all(doc, a, b) {
        return None;
    }
    let before = (a > 0).then(|| w(a - 1));
    let after = (b + 1 < doc.tokens.len()).then(|| w(b + 1));
    if after.is_some_and(|x| speech::cue_lemma(x).is_some()) {
        return Some((EntityType::Per, true));
    }
    // "in Idukki" is a place; "a corner from Lewis Pirie" is not: a preposition decides a
    // lone unknown word, the tagger decides longer names
    if before.is_some_and(|x| matches!(x, "in" | "at" | "near" | "from" | "to" | "outside")) {
        return Some((EntityType::Loc, a == b));
    }
    // "the town of Farkadona", "Larissa’s mayor"
    if before == Some("of")
        && a >= 2
        && (places::is_place_kind(w(a - 2))
            || matches!(
                w(a - 2),
                "mayor"
                    | "governor"
                    | "people"
                    | "residents"
                    | "bishop"
                    | "MP"
                    | "outskirts"
                    | "heart"
            ))
    {
        return Some((EntityType::Loc, true));
    }
    if matches!(after, Some("’s" | "'s"))
        && doc.tokens.get(b + 2).is_some_and(|t| {
            matches!(
                &doc.text[t.span.start..t.span.end],
                "mayor"
                    | "residents"
                    | "streets"
                    | "outskirts"
                    | "governor"
                    | "citizens"
                    | "inhabitants"
                    | "suburbs"
                    | "population"
                    | "airport"
                    | "port"
            )
        })
    {
        return Some((EntityType::Loc, true));
    }
    if b > a && b - a <= 2 && (a..=b).all(|i| !is_plain_word(w(i))) {
        return Some((EntityType::Per, false));
    }
    Some((EntityType::Misc, false))
}

fn is_plain_all(doc: &Document, a: usize, b: usize) -> bool {
    (a..=b).all(|i| {
        let w = &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
        is_plain_word(w) || matches!(w, "of" | "the" | "&")
    })
}

/// The name words of a person chunk: without courtesy titles and a trailing "of X".
fn name_words(doc: &Document, a: usize, b: usize) -> Vec<usize> {
    let w = |i: usize| &doc.text[doc.tokens[i].span.start..doc.tokens[i].span.end];
    let mut out = Vec::new();
    for i in a..=b {
        let x = w(i);
        if x == "of" {
            break;
        }
        if is_courtesy(x) || x == "." {
            continue;
        }
        out.push(i);
    }
    out
}

fn join(doc: &Document, a: usize, b: usize) -> String {
    doc.text[doc.tokens[a].span.start..doc.tokens[b].span.end].to_string()
}

/// "Rhian Morgan": a first name and a surname of the registry gazetteer (neither a place
/// name), neither a plain word.
fn registry_first_last(first: &str, last: &str) -> bool {
    use crate::gazetteer::{lookup, CLASSES};
    let bit = |name: &str| 1u16 << CLASSES.iter().position(|c| *c == name).unwrap_or(0);
    let (f, l) = (lookup(first), lookup(last));
    let places = bit("city_l") | bit("city_m") | bit("country") | bit("admin");
    f & (bit("first") | bit("first_top")) != 0
        && f & places == 0
        && l & (bit("last") | bit("last_top")) != 0
        && !is_plain_word(first)
        && !is_plain_word(last)
}

#[cfg(test)]
mod tests {
    use crate::Ner;
    use byline_doc::{Document, EntityType, Stage};

    fn ner(text: &str) -> Vec<(String, EntityType)> {
        let mut doc = Document::from_text("t", "");
        doc.text = text.to_string();
        byline_segment::Segment.process(&mut doc).unwrap();
        Ner::default().process(&mut doc).unwrap();
        doc.mentions
            .iter()
            .map(|m| (doc.slice(m.span).to_string(), m.etype))
            .collect()
    }

    fn has(text: &str, want: &[(&str, EntityType)]) {
        let got = ner(text);
        let got: Vec<(&str, EntityType)> = got.iter().map(|(s, t)| (s.as_str(), *t)).collect();
        assert_eq!(got, want, "text {text:?}");
    }

    use EntityType::*;

    #[test]
    fn table() {
        has(
            "During his visit to London, he met Lord McFall of Alcluith.",
            &[("London", Loc), ("Lord McFall of Alcluith", Per)],
        );
        has(
            "The Ukrainian president met the Prime Minister at Downing Street.",
            &[("Ukrainian", Misc), ("Downing Street", Loc)],
        );
        has(
            "In No 10’s garden, Mr Zelensky spoke.",
            &[("No 10", Loc), ("Mr Zelensky", Per)],
        );
        has(
            "Nato leaders meet in The Hague.",
            &[("Nato", Org), ("The Hague", Loc)],
        );
        has(
            "Russia used North Korean missiles.",
            &[("Russia", Loc), ("North Korean", Misc)],
        );
        has(
            "Prime Minister Keir Starmer visited the Palace of Westminster.",
            &[("Keir Starmer", Per), ("Palace of Westminster", Loc)],
        );
        has("Charles had earlier welcomed him.", &[("Charles", Per)]);
        has(
            "Troops trained in Operation Interflex. Interflex is popular.",
            &[("Operation Interflex", Misc), ("Interflex", Misc)],
        );
        has(
            "Mr. Smith joined the Finance Ministry. Smith said no.",
            &[
                ("Mr. Smith", Per),
                ("Finance Ministry", Org),
                ("Smith", Per),
            ],
        );
        has("After Monday, the White Room was empty.", &[]);
        has(
            "Sen. Elizabeth Warren criticised the FBI.",
            &[("Sen. Elizabeth Warren", Per), ("FBI", Org)],
        );
        has(
            "Oregon Sen. Dana Whitfield, a critic of the plan, spoke first.",
            &[("Oregon Sen. Dana Whitfield", Per)],
        );
        has(
            "John Bolton spoke in Leeds. Bolton said Cuban officials flew to Bolton.",
            &[
                ("John Bolton", Per),
                ("Leeds", Loc),
                ("Bolton", Per),
                ("Cuban", Misc),
                ("Bolton", Loc),
            ],
        );
    }
}
