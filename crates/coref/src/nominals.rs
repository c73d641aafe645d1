//! Detecting nominal mentions: "the Prime Minister", "his Lords counterpart", "the company".

use crate::tok;
use byline_doc::{Document, Span, TokenKind};
use byline_lexicon::people;

/// What a nominal can refer to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A person holding a role.
    Person,
    /// A place of a class: "facility", "city" or "country".
    Place(&'static str),
    /// An organisation ("company", "ministry").
    Org(String),
}

/// A nominal mention found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nominal {
    /// From the determiner to the head noun.
    pub span: Span,
    /// Lower-case head ("prime minister", "residence").
    pub noun: String,
    /// A capitalised modifier or "of X" complement ("Ukrainian", "Lords", "France").
    pub qualifier: Option<String>,
    /// What it refers to.
    pub target: Target,
    /// Index of the token after the nominal.
    pub next: usize,
}

const MODIFIERS: &[&str] = &[
    "former",
    "new",
    "current",
    "outgoing",
    "incoming",
    "then",
    "deputy",
    "acting",
    "senior",
    "veteran",
    "shadow",
    "interim",
    "longtime",
    "long-serving",
    "embattled",
    "royal",
    "beleaguered",
    "newly",
    "elected",
    "appointed",
    "chief",
    "top",
    "foreign",
    "opposition",
    "world's",
    "country's",
    "club's",
    "party's",
    "company's",
    "firm's",
    "young",
    "main",
    "local",
    "British",
    "American",
];

const PLACE_NOUNS: &[(&str, &str)] = &[
    ("residence", "facility"),
    ("castle", "facility"),
    ("palace", "facility"),
    ("building", "facility"),
    ("venue", "facility"),
    ("stadium", "facility"),
    ("ground", "facility"),
    ("site", "facility"),
    ("compound", "facility"),
    ("headquarters", "facility"),
    ("estate", "facility"),
    ("city", "city"),
    ("capital", "city"),
    ("town", "city"),
    ("village", "city"),
    ("country", "country"),
    ("nation", "country"),
];

const ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "group",
    "club",
    "agency",
    "ministry",
    "department",
    "party",
    "charity",
    "union",
    "council",
    "bank",
    "organisation",
    "organization",
    "retailer",
    "airline",
    "insurer",
    "lender",
    "carmaker",
    "broadcaster",
    "newspaper",
    "alliance",
    "committee",
    "commission",
    "regulator",
    "watchdog",
    "network",
    "business",
    "team",
    "side",
    "force",
    "court",
    "authority",
    "service",
    "office",
    "secretariat",
    "institute",
    "university",
    "school",
    "hospital",
    "army",
    "navy",
    "board",
    "trust",
    "fund",
    "foundation",
    "body",
    "administration",
    "cinema",
    "theatre",
    "museum",
    "government",
    "police",
    "inquiry",
    "tribunal",
];

/// The nominal starting at token `i`, if one does.
pub fn at(doc: &Document, i: usize) -> Option<Nominal> {
    let det = tok(doc, i);
    let n = doc.tokens.len();
    let mut k = i + 1;
    let mut qualifier: Option<String> = None;
    // a possessive name as determiner: "Norway’s foreign minister", "the club’s manager"
    let possessive = det.chars().next().is_some_and(char::is_uppercase)
        && k < n
        && matches!(tok(doc, k), "’s" | "'s")
        && !byline_lexicon::words::is_function_word(det);
    if possessive {
        qualifier = Some(det.to_string());
        k += 1;
    } else if !matches!(
        det,
        "the" | "The" | "his" | "His" | "her" | "Her" | "their" | "Their" | "its" | "Its"
    ) {
        return None;
    }
    let mut mods = 0;
    while k < n && mods < 3 {
        if doc.tokens[k].kind != TokenKind::Word {
            break;
        }
        if let Some((role, len)) = role_at(doc, k) {
            // "the Prime Minister" must not be the start of a longer name: "the Prime Minister's"
            return Some(finish(doc, i, k, len, role, qualifier, Target::Person));
        }
        let w = tok(doc, k);
        let lower = w.to_lowercase();
        if let Some(&(_, class)) = PLACE_NOUNS.iter().find(|(p, _)| *p == lower) {
            if w.chars().next().is_some_and(char::is_lowercase) {
                return Some(finish(doc, i, k, 1, lower, qualifier, Target::Place(class)));
            }
        }
        // "the agency", and "The Commission" with a capitalised head word of a body's name
        let capital_head = w.chars().next().is_some_and(char::is_uppercase)
            && byline_lexicon::orgs::is_org_suffix(w)
            && !doc.tokens.get(k + 1).is_some_and(|t| {
                doc.text[t.span.start..t.span.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
            });
        if ORG_NOUNS.contains(&lower.as_str())
            && (w.chars().next().is_some_and(char::is_lowercase) || capital_head)
            && mods == 0
        {
            return Some(finish(
                doc,
                i,
                k,
                1,
                lower.clone(),
                qualifier,
                Target::Org(lower),
            ));
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        // "the Welsh transport minister", "the club captain": a plain lower-case word may
        // modify a role noun that follows within the next two words
        let noun_modifier = !capital
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !byline_lexicon::words::is_function_word(w)
            && (role_at(doc, k + 1).is_some()
                || (k + 2 < n && role_at(doc, k + 2).is_some() && mods == 0));
        if capital || MODIFIERS.contains(&w) || noun_modifier {
            if capital {
                qualifier = Some(w.to_string());
            }
            mods += 1;
            k += 1;
            continue;
        }
        break;
    }
    None
}

/// Role nouns split into words, by their first word; longest first.
type RoleIndex = std::collections::HashMap<&'static str, Vec<(&'static str, Vec<&'static str>)>>;

/// Role nouns split into words, indexed by their first word (multi-word roles first).
fn roles_by_first_word() -> &'static RoleIndex {
    static MAP: std::sync::OnceLock<RoleIndex> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = RoleIndex::new();
        for role in people::ROLE_NOUNS {
            let parts: Vec<&str> = role.split(' ').collect();
            map.entry(parts[0]).or_default().push((role, parts));
        }
        for v in map.values_mut() {
            v.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
        }
        map
    })
}

/// A role noun (possibly several words) starting at token `k`: its text and length in tokens.
fn role_at(doc: &Document, k: usize) -> Option<(String, usize)> {
    if k >= doc.tokens.len() {
        return None;
    }
    let first = tok(doc, k);
    if first.len() > 16 || !first.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let lower = first.to_ascii_lowercase();
    for (role, parts) in roles_by_first_word().get(lower.as_str())? {
        if k + parts.len() > doc.tokens.len() {
            continue;
        }
        let ok = parts
            .iter()
            .enumerate()
            .all(|(j, p)| tok(doc, k + j).eq_ignore_ascii_case(p));
        if ok {
            // not plural, not a modifier of a following noun ("the president's office" is fine)
            let after = doc
                .tokens
                .get(k + parts.len())
                .map(|t| &doc.text[t.span.start..t.span.end]);
            if after.is_some_and(|a| {
                a.chars().next().is_some_and(char::is_lowercase) && is_noun_continuation(a)
            }) {
                return None;
            }
            return Some((role.to_string(), parts.len()));
        }
    }
    None
}

fn is_noun_continuation(w: &str) -> bool {
    matches!(
        w,
        "board"
            | "race"
            | "election"
            | "elections"
            | "candidate"
            | "office"
            | "role"
            | "post"
            | "job"
            | "team"
            | "level"
            | "seat"
            | "position"
    )
}

fn finish(
    doc: &Document,
    i: usize,
    k: usize,
    len: usize,
    noun: String,
    qualifier: Option<String>,
    target: Target,
) -> Nominal {
    let mut end_tok = k + len - 1;
    let mut qualifier = qualifier;
    // "the mayor of Portmere": the capitalised complement qualifies the role and belongs to the
    // mention
    if end_tok + 2 < doc.tokens.len()
        && tok(doc, end_tok + 1) == "of"
        && matches!(target, Target::Person)
    {
        let q = tok(doc, end_tok + 2);
        if q.chars().next().is_some_and(char::is_uppercase) {
            if qualifier.is_none() {
                qualifier = Some(q.to_string());
            }
            end_tok += 2;
            while end_tok + 1 < doc.tokens.len()
                && tok(doc, end_tok + 1)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && doc.tokens[end_tok + 1].kind == TokenKind::Word
            {
                end_tok += 1;
            }
        }
    }
    Nominal {
        span: Span::new(doc.tokens[i].span.start, doc.tokens[end_tok].span.end),
        noun,
        qualifier,
        target,
        next: end_tok + 1,
    }
}

/// An indefinite apposition right after a name: "Anil Varghese, a local volunteer," or "Lord
/// Penhallow, a former commander of the Royal Navy’s submarine service," — from the article
/// to the next comma or full stop, when it holds a role noun. `i` is the article's token.
pub fn indefinite_apposition(doc: &Document, i: usize) -> Option<Span> {
    if !matches!(tok(doc, i), "a" | "an") || i < 2 || tok(doc, i - 1) != "," {
        return None;
    }
    let mut end = i + 1;
    let mut has_role = false;
    while end < doc.tokens.len() && end < i + 14 {
        let w = tok(doc, end);
        if matches!(w, "," | "." | ";" | ":" | "!" | "?")
            || doc.tokens[end].kind == TokenKind::QuoteMark
        {
            break;
        }
        if !has_role && role_at(doc, end).is_some() {
            has_role = true;
        }
        end += 1;
    }
    (has_role && end > i + 1)
        .then(|| Span::new(doc.tokens[i].span.start, doc.tokens[end - 1].span.end))
}

/// A third-person singular pronoun at token `i` (he, him, his, she, her), with its gender.
pub fn pronoun_at(doc: &Document, i: usize) -> Option<people::Gender> {
    let w = tok(doc, i);
    match people::pronoun(w) {
        Some((g, false)) if !w.eq_ignore_ascii_case("hers") => Some(g),
        _ => None,
    }
}
