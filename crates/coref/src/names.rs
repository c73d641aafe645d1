//! Clustering name mentions into entities.

use crate::{compatible, tok, Cluster, Clusters, Role};
use byline_doc::{Document, EntityType, Mention, MentionKind};
use byline_lexicon::people::{self, Gender};
use byline_lexicon::{orgs, places};

/// A person's name split into its parts.
#[derive(Debug, PartialEq, Eq)]
pub struct PersonName {
    /// Gender implied by the title.
    pub title_gender: Gender,
    /// The title, if any ("Sir").
    pub title: Option<String>,
    /// Name words without titles ("Keir", "Starmer"); "of X" kept at the end.
    pub words: Vec<String>,
    /// First name, when the mention shows one.
    pub first: Option<String>,
    /// Surname, when the mention shows one.
    pub last: Option<String>,
}

/// Splits a person mention ("Sir Keir Starmer", "Mr Zelensky", "Lord McFall of Alcluith").
pub fn parse_person(text: &str) -> PersonName {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let mut out = PersonName {
        title_gender: Gender::Unknown,
        title: None,
        words: Vec::new(),
        first: None,
        last: None,
    };
    while let Some(&w) = words.first() {
        let bare = w.trim_end_matches('.');
        let g = people::honorific(w)
            .or_else(|| people::honorific(bare))
            .or_else(|| people::honorific(&format!("{bare}.")));
        match g {
            Some(g) if words.len() > 1 => {
                if out.title_gender == Gender::Unknown {
                    out.title_gender = g;
                }
                out.title = Some(bare.to_string());
                words.remove(0);
            }
            _ => break,
        }
    }
    let core: Vec<&str> = words.iter().copied().take_while(|w| *w != "of").collect();
    let core: Vec<&str> = core
        .into_iter()
        .filter(|w| !matches!(*w, "Jr" | "Jr." | "Sr" | "Sr." | "II" | "III" | "IV"))
        .collect();
    out.words = words.iter().map(|s| s.to_string()).collect();
    let first_name_title = matches!(
        out.title.as_deref(),
        Some("Sir" | "Dame" | "King" | "Queen" | "Prince" | "Princess" | "Pope")
    );
    match core.len() {
        0 => {}
        1 => {
            let w = core[0].to_string();
            if first_name_title || (out.title.is_none() && people::first_name(core[0]).is_some()) {
                out.first = Some(w);
            } else {
                out.last = Some(w);
            }
        }
        n => {
            out.first = Some(core[0].to_string());
            out.last = Some(core[n - 1].to_string());
        }
    }
    out
}

/// Clusters the NER name mentions of `doc` into `cl`.
pub fn cluster(doc: &Document, cl: &mut Clusters) {
    for m in &doc.mentions {
        if m.kind != MentionKind::Name {
            continue;
        }
        let text = doc.slice(m.span);
        let c = match m.etype {
            EntityType::Per => person(cl, text),
            _ => other(cl, m.etype, text),
        };
        cl.attach(m.clone(), c);
        if m.etype == EntityType::Per {
            if let Some(role) = title_inside(text) {
                if !cl.clusters[c].roles.contains(&role) {
                    cl.clusters[c].roles.push(role);
                }
            }
            if let Some(role) = title_before(doc, m) {
                if !cl.clusters[c].roles.contains(&role) {
                    cl.clusters[c].roles.push(role);
                }
            }
        }
    }
}

fn person(cl: &mut Clusters, text: &str) -> usize {
    let p = parse_person(text);
    let gender = if p.title_gender != Gender::Unknown {
        p.title_gender
    } else {
        p.first
            .as_deref()
            .and_then(people::first_name)
            .unwrap_or(Gender::Unknown)
    };
    let full = p.words.join(" ");
    let found = cl.clusters.iter().enumerate().rev().find(|(_, c)| {
        if c.etype != EntityType::Per || !compatible(c.gender, gender) {
            return false;
        }
        if c.key == full {
            return true;
        }
        match (&p.first, &p.last) {
            (Some(f), Some(l)) => {
                c.last.as_ref() == Some(l) && c.first.as_ref().is_none_or(|cf| cf == f)
                    || (c.last.is_none() && c.first.as_ref() == Some(f) && c.key == *f)
            }
            (None, Some(l)) => {
                c.last.as_ref() == Some(l) || (c.last.is_none() && c.first.as_ref() == Some(l))
            }
            (Some(f), None) => {
                c.first.as_ref() == Some(f) || (c.first.is_none() && c.last.as_ref() == Some(f))
            }
            (None, None) => false,
        }
    });
    if let Some((i, _)) = found {
        let c = &mut cl.clusters[i];
        if c.first.is_none() {
            c.first = p.first.clone();
        }
        if c.last.is_none() {
            c.last = p.last.clone();
        }
        if c.gender == Gender::Unknown {
            c.gender = gender;
        }
        // the fullest proper name without titles
        if full.split_whitespace().count() > c.name.split_whitespace().count() {
            c.name = full;
        }
        return i;
    }
    cl.clusters.push(Cluster {
        etype: EntityType::Per,
        key: full.clone(),
        name: full,
        first: p.first,
        last: p.last,
        gender,
        roles: Vec::new(),
        mentions: Vec::new(),
    });
    cl.clusters.len() - 1
}

/// The canonical key of a non-person name.
pub fn canonical(text: &str) -> String {
    if let Some(c) = places::country(text) {
        return c.name.to_string();
    }
    if let Some(p) = places::place_alias(text) {
        return p.to_string();
    }
    if let Some(o) = orgs::known(text) {
        return o.to_string();
    }
    if places::is_place(text) {
        return text.to_string();
    }
    text.strip_prefix("The ").unwrap_or(text).to_string()
}

fn other(cl: &mut Clusters, etype: EntityType, text: &str) -> usize {
    let key = canonical(text);
    let single = !key.contains(' ');
    let found = cl.clusters.iter().position(|c| {
        if c.etype == EntityType::Per {
            return false;
        }
        c.key == key
            || (single
                && c.etype == etype
                && c.key.rsplit(' ').next() == Some(key.as_str())
                && c.key.contains(' ')
                && etype != EntityType::Loc)
            || (single
                && matches!(c.etype, EntityType::Org | EntityType::Loc)
                && c.key.split(' ').next() == Some(key.as_str())
                && !places::is_place(&key)
                && c.key.contains(' ')
                && places::demonym(&key).is_none()
                && places::country(&key).is_none())
            || (is_acronym(&key) && acronym_of(&c.key) == key)
            || (is_acronym(&c.key) && acronym_of(&key) == c.key)
    });
    if let Some(i) = found {
        return i;
    }
    cl.clusters.push(Cluster {
        etype,
        key: key.clone(),
        name: key,
        first: None,
        last: None,
        gender: Gender::Unknown,
        roles: Vec::new(),
        mentions: Vec::new(),
    });
    cl.clusters.len() - 1
}

fn is_acronym(s: &str) -> bool {
    s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase())
}

fn acronym_of(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// The office named by a title inside a person mention: "Judge Caroline Penrose" holds
/// "judge", "Sen. Warren" holds "senator".
fn title_inside(text: &str) -> Option<Role> {
    let first = text.split_whitespace().next()?.trim_end_matches('.');
    let noun = match first {
        "Judge" | "Justice" => "judge",
        "King" => "king",
        "Queen" => "queen",
        "Prince" => "prince",
        "Princess" => "princess",
        "Pope" => "pope",
        "Sen" | "Senator" => "senator",
        "Gov" | "Governor" => "governor",
        "Rep" | "Representative" => "congressman",
        "Mayor" => "mayor",
        "Coach" => "coach",
        "Captain" | "Capt" => "captain",
        "Prof" | "Professor" => "professor",
        "Detective" | "Det" => "detective",
        "Inspector" => "inspector",
        "General" | "Gen" => "general",
        "Ambassador" => "ambassador",
        _ => return None,
    };
    Some(Role {
        noun: noun.to_string(),
        qualifier: None,
    })
}

/// A title right before a person mention: "Prime Minister Keir Starmer", "Commons speaker Sir
/// Lindsay Hoyle", "Ukrainian President Zelensky".
fn title_before(doc: &Document, m: &Mention) -> Option<Role> {
    let i = doc.token_at_or_after(m.span.start);
    if i == 0 {
        return None;
    }
    // collect up to four words before the mention
    let mut j = i;
    let mut words: Vec<&str> = Vec::new();
    while j > 0 && words.len() < 4 {
        let w = tok(doc, j - 1);
        if !w.chars().all(|c| c.is_alphabetic() || c == '-') {
            break;
        }
        words.insert(0, w);
        j -= 1;
    }
    let phrase = words.join(" ").to_lowercase();
    let role = people::ROLE_NOUNS.iter().find(|r| {
        phrase.ends_with(*r)
            && (phrase.len() == r.len() || phrase.as_bytes()[phrase.len() - r.len() - 1] == b' ')
    })?;
    let before_role = phrase[..phrase.len() - role.len()].trim_end();
    // the qualifier is the word before the role, kept when it is capitalised in the text
    let qual_word = words
        .len()
        .checked_sub(role.split(' ').count() + 1)
        .map(|k| words[k]);
    let qualifier = qual_word
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !before_role.is_empty())
        .map(|w| w.to_string());
    Some(Role {
        noun: role.to_string(),
        qualifier,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names() {
        let p = parse_person("Sir Keir Starmer");
        assert_eq!(
            (p.first.as_deref(), p.last.as_deref(), p.title_gender),
            (Some("Keir"), Some("Starmer"), Gender::Male)
        );
        let p = parse_person("Sir Keir");
        assert_eq!(
            (p.first.as_deref(), p.last.as_deref()),
            (Some("Keir"), None)
        );
        let p = parse_person("Mr Zelensky");
        assert_eq!(
            (p.first.as_deref(), p.last.as_deref()),
            (None, Some("Zelensky"))
        );
        let p = parse_person("Lord McFall of Alcluith");
        assert_eq!(p.last.as_deref(), Some("McFall"));
        assert_eq!(p.words.join(" "), "McFall of Alcluith");
        let p = parse_person("Sen. Elizabeth Warren");
        assert_eq!(p.last.as_deref(), Some("Warren"));
    }

    #[test]
    fn canonical_names() {
        assert_eq!(canonical("Britain"), "United Kingdom");
        assert_eq!(canonical("No 10"), "Downing Street");
        assert_eq!(canonical("NATO"), "Nato");
        assert_eq!(canonical("The Hague"), "The Hague");
        assert_eq!(acronym_of("European Central Bank"), "ECB");
    }
}
