//! One left-to-right sweep that resolves nominals and pronouns against recent mentions.

use std::collections::VecDeque;

use crate::nominals::{self, Nominal, Target};
use crate::{compatible, tok, Clusters, Role};
use byline_doc::{Document, EntityType, Mention, MentionKind};
use byline_lexicon::people::{self, Gender};
use byline_lexicon::places;

/// How many sentences back a pronoun or a role nominal looks for its referent; mentions further
/// back than `DECAY` covers count with the last weight (quote-heavy stories name the speaker
/// rarely).
const PERSON_WINDOW: usize = 12;
/// How many sentences back a place or organisation nominal looks.
const THING_WINDOW: usize = 5;
/// Weight of a mention by how many sentences back it is.
const DECAY: [f64; 4] = [1.0, 0.6, 0.35, 0.2];

/// Role nouns for heads of a country or body: "the Ukrainian president" and "the Ukrainian
/// leader" are the same person.
const HEADS: &[&str] = &[
    "president",
    "prime minister",
    "leader",
    "premier",
    "chancellor",
    "king",
    "queen",
    "head",
    "monarch",
    "supreme leader",
];

#[derive(Clone, Copy)]
struct Recent {
    sentence: usize,
    cluster: usize,
    subject: bool,
}

struct Sweep<'a> {
    doc: &'a Document,
    people: VecDeque<Recent>,
    things: VecDeque<Recent>,
    counts: Vec<usize>,
    last_person_sentence: Option<usize>,
    sentence: usize,
}

impl Sweep<'_> {
    fn sentence_of(&self, offset: usize) -> usize {
        self.doc.sentence_index(offset).unwrap_or(self.sentence)
    }

    fn push(&mut self, cl: &Clusters, m: usize) {
        let mention = &cl.mentions[m];
        let Some(c) = mention.entity else { return };
        let s = self.sentence_of(mention.span.start);
        if self.counts.len() <= c {
            self.counts.resize(c + 1, 0);
        }
        self.counts[c] += 1;
        if cl.clusters[c].etype == EntityType::Per {
            let subject = self.last_person_sentence != Some(s);
            self.last_person_sentence = Some(s);
            self.people.push_back(Recent {
                sentence: s,
                cluster: c,
                subject,
            });
        } else {
            self.things.push_back(Recent {
                sentence: s,
                cluster: c,
                subject: false,
            });
        }
    }

    fn prune(&mut self) {
        let s = self.sentence;
        while self
            .people
            .front()
            .is_some_and(|r| r.sentence + PERSON_WINDOW < s)
        {
            self.people.pop_front();
        }
        while self
            .things
            .front()
            .is_some_and(|r| r.sentence + THING_WINDOW < s)
        {
            self.things.pop_front();
        }
    }

    /// The most salient person compatible with `gender` and allowed by `ok`.
    fn salient(&self, cl: &Clusters, gender: Gender, ok: impl Fn(usize) -> bool) -> Option<usize> {
        let mut best: Option<(f64, usize)> = None;
        let mut scores: Vec<(usize, f64)> = Vec::new();
        for r in &self.people {
            let dist = self.sentence.saturating_sub(r.sentence);
            if dist > PERSON_WINDOW {
                continue;
            }
            let w = if r.subject { 2.0 } else { 1.0 } * DECAY[dist.min(DECAY.len() - 1)];
            match scores.iter_mut().find(|(c, _)| *c == r.cluster) {
                Some((_, s)) => *s = s.max(w),
                None => scores.push((r.cluster, w)),
            }
        }
        for (c, s) in scores {
            if !compatible(cl.clusters[c].gender, gender) || !ok(c) {
                continue;
            }
            let prior = 0.08 * self.counts.get(c).copied().unwrap_or(0).min(12) as f64;
            let total = s + prior;
            if best.is_none_or(|(b, _)| total > b) {
                best = Some((total, c));
            }
        }
        best.map(|b| b.1)
    }
}

/// Resolves nominals and pronouns of `doc`, adding them to `cl`.
pub fn sweep(doc: &Document, cl: &mut Clusters) {
    let mut names: Vec<usize> = (0..cl.mentions.len()).collect();
    names.sort_by_key(|&m| cl.mentions[m].span.start);
    let mut sw = Sweep {
        doc,
        people: VecDeque::new(),
        things: VecDeque::new(),
        counts: vec![0; cl.clusters.len()],
        last_person_sentence: None,
        sentence: 0,
    };
    let mut next_name = 0;
    let mut skip_until = 0;
    let mut quote = 0;
    let mut pending: Vec<(Nominal, Gender)> = Vec::new();
    for i in 0..doc.tokens.len() {
        let start = doc.tokens[i].span.start;
        sw.sentence = sw.sentence_of(start);
        while next_name < names.len() && cl.mentions[names[next_name]].span.start <= start {
            let m = names[next_name];
            // a person introduced after a unique role was mentioned holds it ("the King" …
            // "Charles"); bind now so later mentions of the role find the holder
            if let Some(c) = cl.mentions[m].entity {
                let first_time = sw.counts.get(c).copied().unwrap_or(0) == 0;
                if first_time && !pending.is_empty() {
                    bind_pending(doc, cl, &mut pending, c, cl.mentions[m].span.start);
                }
            }
            sw.push(cl, m);
            next_name += 1;
        }
        sw.prune();
        if i < skip_until {
            continue;
        }
        while quote < doc.quoted.len() && doc.quoted[quote].content.end <= start {
            quote += 1;
        }
        if doc
            .quoted
            .get(quote)
            .is_some_and(|q| q.content.contains_offset(start))
        {
            continue;
        }
        if inside_name(cl, &names, next_name, start) {
            // "Rosewood Hospice’s chief executive": a whole name as possessive determiner
            let name = &cl.mentions[names[next_name - 1]];
            let last_of_name = name.span.end == doc.tokens[i].span.end;
            if let Some(mut nom) = last_of_name.then(|| nominals::at(doc, i)).flatten() {
                if nom.target == Target::Person {
                    nom.span.start = name.span.start;
                    skip_until = nom.next;
                    if let Some(c) = person_nominal(doc, cl, &sw, &names, next_name, i, &nom) {
                        let m = attach(cl, &nom, c, MentionKind::Nominal);
                        add_role(cl, c, &nom);
                        sw.push(cl, m);
                    }
                }
            }
            continue;
        }
        if let Some(span) = nominals::indefinite_apposition(doc, i) {
            let before = doc.tokens[i - 2].span.end;
            let person = names[..next_name]
                .iter()
                .rev()
                .take(4)
                .find(|&&m| cl.mentions[m].span.end == before)
                .and_then(|&m| cl.mentions[m].entity)
                .filter(|&c| cl.clusters[c].etype == EntityType::Per);
            if let Some(c) = person {
                let m = cl.attach(
                    Mention {
                        span,
                        kind: MentionKind::Nominal,
                        etype: EntityType::Per,
                        entity: None,
                    },
                    c,
                );
                sw.push(cl, m);
                skip_until = doc.token_at_or_after(span.end);
                continue;
            }
        }
        if let Some(nom) = nominals::at(doc, i) {
            skip_until = nom.next;
            let resolved = match &nom.target {
                Target::Person => person_nominal(doc, cl, &sw, &names, next_name, i, &nom),
                Target::Place(class) => place_nominal(cl, &sw, class),
                Target::Org(noun) => org_nominal(cl, &sw, noun),
            };
            match resolved {
                Some(c) => {
                    let m = attach(cl, &nom, c, MentionKind::Nominal);
                    if nom.target == Target::Person {
                        add_role(cl, c, &nom);
                    }
                    sw.push(cl, m);
                }
                None if nom.target == Target::Person && people::is_unique_role(&nom.noun) => {
                    pending.push((nom.clone(), people::role_gender(&nom.noun)));
                }
                None => {}
            }
            continue;
        }
        if let Some(g) = nominals::pronoun_at(doc, i) {
            // "him" is never the subject of its own clause
            let object = tok(doc, i).eq_ignore_ascii_case("him");
            let subject_here: Option<usize> = sw
                .people
                .iter()
                .find(|r| r.sentence == sw.sentence && r.subject)
                .map(|r| r.cluster);
            if let Some(c) = sw.salient(cl, g, |c| !(object && subject_here == Some(c))) {
                let span = doc.tokens[i].span;
                let m = cl.attach(
                    Mention {
                        span,
                        kind: MentionKind::Pronoun,
                        etype: EntityType::Per,
                        entity: None,
                    },
                    c,
                );
                if cl.clusters[c].gender == Gender::Unknown {
                    cl.clusters[c].gender = g;
                }
                sw.push(cl, m);
            }
        }
    }
}

fn inside_name(cl: &Clusters, names: &[usize], next_name: usize, start: usize) -> bool {
    next_name > 0 && {
        let m = &cl.mentions[names[next_name - 1]];
        m.span.start < start && start < m.span.end
    }
}

fn attach(cl: &mut Clusters, nom: &Nominal, c: usize, kind: MentionKind) -> usize {
    let etype = cl.clusters[c].etype;
    cl.attach(
        Mention {
            span: nom.span,
            kind,
            etype,
            entity: None,
        },
        c,
    )
}

fn norm_qualifier(q: &str) -> String {
    if let Some(c) = places::demonym(q).or_else(|| places::country(q)) {
        return c.name.to_string();
    }
    q.to_string()
}

fn role_matches(r: &Role, noun: &str, qual: Option<&str>) -> bool {
    let rq = r.qualifier.as_deref().map(norm_qualifier);
    let nq = qual.map(norm_qualifier);
    let q_ok = match (&rq, &nq) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    (r.noun == noun && q_ok)
        || (rq.is_some() && rq == nq && HEADS.contains(&r.noun.as_str()) && HEADS.contains(&noun))
}

/// Another office held by cluster `c` that rules it out for this role.
fn conflicts(cl: &Clusters, c: usize, noun: &str, qual: Option<&str>) -> bool {
    cl.clusters[c].roles.iter().any(|r| {
        if role_matches(r, noun, qual) {
            return false;
        }
        let unique = people::is_unique_role(&r.noun) && people::is_unique_role(noun);
        let other_qual = matches!((&r.qualifier, qual), (Some(a), Some(b)) if norm_qualifier(a) != norm_qualifier(b));
        unique || other_qual
    })
}

fn person_nominal(
    doc: &Document,
    cl: &Clusters,
    sw: &Sweep,
    names: &[usize],
    next_name: usize,
    i: usize,
    nom: &Nominal,
) -> Option<usize> {
    let is_person_name = |m: usize| {
        cl.mentions[m]
            .entity
            .is_some_and(|c| cl.clusters[c].etype == EntityType::Per)
    };
    // apposition after: "his Lords counterpart, Lord McFall" / "the president Emmanuel Macron"
    if let Some(&m) = names[next_name..]
        .iter()
        .find(|&&m| cl.mentions[m].span.start >= nom.span.end)
    {
        let gap = &doc.text[nom.span.end..cl.mentions[m].span.start];
        if (gap == ", " || gap == " ") && is_person_name(m) {
            return cl.mentions[m].entity;
        }
    }
    // apposition before: "Lord McFall, the former speaker", "Sarah Lindqvist, Castleford’s
    // chief executive"
    if i >= 2 && tok(doc, i - 1) == "," {
        let end = doc.tokens[i - 2].span.end;
        if let Some(&m) = names[..next_name]
            .iter()
            .rev()
            .take(4)
            .find(|&&m| cl.mentions[m].span.end == end)
        {
            if is_person_name(m) {
                return cl.mentions[m].entity;
            }
        }
    }
    let qual = nom.qualifier.as_deref();
    let holder = cl
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.etype == EntityType::Per && c.roles.iter().any(|r| role_matches(r, &nom.noun, qual))
        })
        .max_by_key(|(ci, _)| {
            sw.people
                .iter()
                .rposition(|r| r.cluster == *ci)
                .map_or(0, |p| p + 1)
        });
    if let Some((c, _)) = holder {
        return Some(c);
    }
    if !salience_eligible(&nom.noun) {
        return None;
    }
    let gender = people::role_gender(&nom.noun);
    // someone named in the same sentence is another participant ("Starmer met the King")
    let here: Vec<usize> = sw
        .people
        .iter()
        .filter(|r| r.sentence == sw.sentence)
        .map(|r| r.cluster)
        .collect();
    sw.salient(cl, gender, |c| {
        !here.contains(&c) && !conflicts(cl, c, &nom.noun, qual)
    })
}

fn salience_eligible(noun: &str) -> bool {
    people::is_unique_role(noun)
        || matches!(
            noun,
            "leader"
                | "counterpart"
                | "minister"
                | "secretary"
                | "chief"
                | "boss"
                | "coach"
                | "head"
        )
}

fn add_role(cl: &mut Clusters, c: usize, nom: &Nominal) {
    let role = Role {
        noun: nom.noun.clone(),
        qualifier: nom.qualifier.clone(),
    };
    let cluster = &mut cl.clusters[c];
    if !cluster.roles.contains(&role) {
        cluster.roles.push(role);
    }
    if cluster.gender == Gender::Unknown {
        cluster.gender = people::role_gender(&nom.noun);
    }
}

fn place_nominal(cl: &Clusters, sw: &Sweep, class: &str) -> Option<usize> {
    sw.things.iter().rev().map(|r| r.cluster).find(|&c| {
        let cluster = &cl.clusters[c];
        cluster.etype == EntityType::Loc && place_class(&cluster.name) == class
    })
}

fn place_class(name: &str) -> &'static str {
    if places::country(name).is_some() {
        "country"
    } else if name.starts_with("River ") || name.ends_with(" River") {
        "river"
    } else if places::is_us_state(name) {
        "state"
    } else if name.split_whitespace().count() > 1
        && (places::is_place_suffix(name.rsplit(' ').next().unwrap_or(""))
            || name.contains(" of ")
            || name.ends_with("House")
            || name.ends_with("Hall"))
    {
        "facility"
    } else {
        "city"
    }
}

fn org_nominal(cl: &Clusters, sw: &Sweep, noun: &str) -> Option<usize> {
    let generic = matches!(
        noun,
        "company" | "firm" | "group" | "business" | "organisation" | "organization"
    );
    // "the agency" / "the body" for a government body of any name
    let public_body = matches!(
        noun,
        "agency" | "body" | "authority" | "organisation" | "service"
    );
    let is_public_body = |name: &str| {
        name.split_whitespace().any(|w| {
            matches!(
                w,
                "Agency"
                    | "Secretariat"
                    | "Department"
                    | "Ministry"
                    | "Office"
                    | "Authority"
                    | "Service"
                    | "Commission"
                    | "Directorate"
                    | "Bureau"
                    | "Administration"
                    | "Force"
                    | "Council"
                    | "Institute"
            )
        })
    };
    sw.things.iter().rev().map(|r| r.cluster).find(|&c| {
        let cluster = &cl.clusters[c];
        cluster.etype == EntityType::Org
            && (generic
                || (public_body && is_public_body(&cluster.name))
                || cluster
                    .name
                    .to_lowercase()
                    .split_whitespace()
                    .any(|w| w == noun)
                || noun == "team"
                || noun == "side"
                || noun == "club")
    })
}

/// Unique roles seen before their holder ("the King" ... "Charles") go to the next person
/// introduced without a role, within a few sentences (or at any distance when that person is
/// known by one name only).
fn bind_pending(
    doc: &Document,
    cl: &mut Clusters,
    pending: &mut Vec<(Nominal, Gender)>,
    c: usize,
    at: usize,
) {
    let cluster = &cl.clusters[c];
    if cluster.etype != EntityType::Per || !cluster.roles.is_empty() {
        return;
    }
    let s = doc.sentence_index(at).unwrap_or(0);
    let single = !cluster.name.contains(' ');
    let gender = cluster.gender;
    let Some(first) = pending.iter().position(|(nom, g)| {
        let near = doc.sentence_index(nom.span.start).unwrap_or(0) + 8 >= s;
        compatible(gender, *g) && (near || single)
    }) else {
        return;
    };
    let key = (
        pending[first].0.noun.clone(),
        pending[first].0.qualifier.clone(),
    );
    let (same, rest): (Vec<_>, Vec<_>) = pending
        .drain(..)
        .partition(|(n, _)| (n.noun.clone(), n.qualifier.clone()) == key);
    *pending = rest;
    for (nom, _) in same {
        attach(cl, &nom, c, MentionKind::Nominal);
        add_role(cl, c, &nom);
    }
}
