//! The rules: find triggers sentence by sentence, collect participants, place and time, then
//! drop duplicates and back-references across the document.

use std::collections::HashMap;

use byline_doc::{Document, EntityType, Event, Span, TokenKind};

use crate::triggers::{
    self, Cond, Pos, Trigger, ACQUIRE, AGREE, ATTACK, DECLARE, MEET, PROTEST, SUMMIT, VISIT,
};
use crate::words::*;

/// How far (in tokens) the rules look around a trigger; keeps long run-on "sentences" linear.
const WINDOW: usize = 80;

/// An event found in one sentence, before document-level filtering.
#[derive(Clone, Debug)]
struct Cand {
    kind: &'static str,
    trigger: Span,
    participants: Vec<usize>,
    place: Option<usize>,
    time: Option<usize>,
    sentence: usize,
    paragraph: usize,
    /// The trigger is a noun ("summit", "the agreement").
    nominal: bool,
    /// A noun trigger with a definite determiner ("the agreement").
    definite: bool,
    /// A noun trigger whose own modifiers name nobody (participants came from the clause).
    own_empty: bool,
}

/// All events of `doc`, in text order of their triggers.
pub(crate) fn extract(doc: &Document) -> Vec<Event> {
    let whole = [Span {
        start: 0,
        end: doc.text.len(),
    }];
    let sentences: &[Span] = if doc.sentences.is_empty() {
        &whole
    } else {
        &doc.sentences
    };
    let mut cands = Vec::new();
    let mut para = 0usize;
    let mut prev_end: Option<usize> = None;
    for (si, &span) in sentences.iter().enumerate() {
        let p = if doc.paragraphs.is_empty() {
            if let Some(pe) = prev_end {
                if doc
                    .text
                    .get(pe..span.start)
                    .is_some_and(|gap| gap.contains('\n'))
                {
                    para += 1;
                }
            }
            para
        } else {
            doc.paragraph_index(span.start).unwrap_or(para)
        };
        prev_end = Some(span.end);
        scan_sentence(doc, sentences, si, p, &mut cands);
    }
    finish(cands)
}

/// The readings of a word; capitalised words count only at a sentence start.
fn readings(word: &str, initial: bool) -> &'static [Trigger] {
    let Some(&b) = word.as_bytes().first() else {
        return &[];
    };
    if b.is_ascii_lowercase() {
        return triggers::lookup(word);
    }
    if initial && b.is_ascii_uppercase() && word.len() <= 32 && word.is_ascii() {
        let mut buf = [0u8; 32];
        let bytes = &mut buf[..word.len()];
        bytes.copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(bytes) {
            return triggers::lookup(lower);
        }
    }
    &[]
}

fn scan_sentence(doc: &Document, sentences: &[Span], si: usize, para: usize, out: &mut Vec<Cand>) {
    let span = sentences[si];
    let toks = &doc.tokens;
    let t0 = toks.partition_point(|t| t.span.start < span.start);
    let t1 = toks.partition_point(|t| t.span.start < span.end).max(t0);
    let first_word = (t0..t1).find(|&i| toks[i].kind == TokenKind::Word);
    let cls: Vec<u32> = (t0..t1)
        .map(|i| {
            classes(
                doc.text
                    .get(toks[i].span.start..toks[i].span.end)
                    .unwrap_or(""),
            )
        })
        .collect();
    let any = (t0..t1).any(|i| toks[i].kind == TokenKind::Word && cls[i - t0] & C_TRIGGER != 0);
    if !any {
        return;
    }
    let sent = Sent::new(doc, sentences, si, t0, t1, first_word, cls);
    sent.find(para, out);
}

/// What a mention is to an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Party,
    Place,
    Neither,
}

/// Mentions (and a group reference such as "the pair") found on one side of a trigger.
#[derive(Default)]
struct Side {
    mentions: Vec<usize>,
    group: Option<usize>,
    /// The walk stopped at a clause boundary with nothing but auxiliaries between it and the
    /// trigger ("after being welcomed", "... and met"): the clause has no subject of its own.
    bare: bool,
    /// Where an object-side walk stopped (a token index).
    end: usize,
}

/// The left modifiers of a noun trigger.
struct Premod {
    mentions: Vec<usize>,
    /// The determiner opening the phrase.
    det: Option<usize>,
    /// The first token of the phrase.
    start: usize,
}

/// One sentence with its tokens' mentions and word classes.
struct Sent<'a> {
    doc: &'a Document,
    sentences: &'a [Span],
    si: usize,
    span: Span,
    t0: usize,
    t1: usize,
    m0: usize,
    m1: usize,
    first_word: Option<usize>,
    /// For each token of the sentence, the mention covering it.
    tok_m: Vec<Option<usize>>,
    /// For each token of the sentence, its word-class bits.
    cls: Vec<u32>,
}

impl<'a> Sent<'a> {
    fn new(
        doc: &'a Document,
        sentences: &'a [Span],
        si: usize,
        t0: usize,
        t1: usize,
        first_word: Option<usize>,
        cls: Vec<u32>,
    ) -> Sent<'a> {
        let span = sentences[si];
        let ms = &doc.mentions;
        let m0 = ms.partition_point(|m| m.span.start < span.start);
        let m1 = ms.partition_point(|m| m.span.start < span.end).max(m0);
        let toks = &doc.tokens[t0..t1];
        let mut tok_m = vec![None; t1 - t0];
        for (m, mention) in ms.iter().enumerate().take(m1).skip(m0) {
            let a = toks.partition_point(|t| t.span.end <= mention.span.start);
            for j in a..toks.len().min(a + 64) {
                if toks[j].span.start >= mention.span.end {
                    break;
                }
                if tok_m[j].is_none() {
                    tok_m[j] = Some(m);
                }
            }
        }
        Sent {
            doc,
            sentences,
            si,
            span,
            t0,
            t1,
            m0,
            m1,
            first_word,
            tok_m,
            cls,
        }
    }

    // ---- token helpers -----------------------------------------------------------------------

    fn text(&self, i: usize) -> &'a str {
        let doc = self.doc;
        doc.tokens
            .get(i)
            .and_then(|t| doc.text.get(t.span.start..t.span.end))
            .unwrap_or("")
    }

    fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    fn is(&self, i: usize, list: &[&str]) -> bool {
        i >= self.t0 && i < self.t1 && is_in(self.text(i), list)
    }

    /// True when token `i` of the sentence is in one of the word classes `bits`.
    fn has(&self, i: usize, bits: u32) -> bool {
        i >= self.t0 && i < self.t1 && self.cls[i - self.t0] & bits != 0
    }

    fn is_word(&self, i: usize, w: &str) -> bool {
        i >= self.t0 && i < self.t1 && self.text(i).eq_ignore_ascii_case(w)
    }

    /// True when token `i` is a word starting with a lowercase letter.
    fn lower_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
            && self.text(i).starts_with(|c: char| c.is_lowercase())
    }

    fn mention(&self, i: usize) -> Option<usize> {
        if i >= self.t0 && i < self.t1 {
            self.tok_m[i - self.t0]
        } else {
            None
        }
    }

    /// The entity a mention resolves to, with the entity's type.
    fn ent(&self, m: usize) -> Option<(usize, EntityType)> {
        let e = self.doc.mentions.get(m)?.entity?;
        Some((e, self.doc.entities.get(e)?.etype))
    }

    fn start(&self, i: usize) -> usize {
        self.doc
            .tokens
            .get(i)
            .map_or(self.span.start, |t| t.span.start)
    }

    fn end(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(self.span.end, |t| t.span.end)
    }

    fn is_terminal_punct(w: &str) -> bool {
        matches!(
            w,
            "." | ";" | ":" | "?" | "!" | "—" | "–" | "(" | ")" | "[" | "]"
        )
    }

    fn is_comma(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.text(i) == ","
    }

    fn is_possessive_s(&self, i: usize) -> bool {
        i < self.t1 && matches!(self.text(i), "’s" | "'s")
    }

    /// The first and one-past-last token of mention `m` within the sentence.
    fn mention_tokens(&self, m: usize) -> (usize, usize) {
        let span = self.doc.mentions[m].span;
        let toks = &self.doc.tokens[self.t0..self.t1];
        let a = self.t0 + toks.partition_point(|t| t.span.end <= span.start);
        let mut b = a;
        while b < self.t1 && self.mention(b) == Some(m) {
            b += 1;
        }
        (a, b.max(a))
    }

    /// True when token `j` is a possessive pronoun before a lowercase word ("her fiscal rules").
    fn possessive(&self, j: usize) -> bool {
        self.is(j, &["her", "his", "their", "its", "our", "my", "your"])
            && self.lower_word(j + 1)
            && self.mention(j + 1).is_none()
    }

    /// True when mention `m` only owns something ("Yeltsin’s children", "his strategist"): the
    /// owner is not the one acting.
    fn possessor(&self, m: usize) -> bool {
        let (a, b) = self.mention_tokens(m);
        self.is_possessive_s(b) || (b == a + 1 && self.possessive(a))
    }

    // ---- quotes ------------------------------------------------------------------------------

    /// True when byte `off` lies inside a quoted region (marks included).
    fn in_quote(&self, off: usize) -> bool {
        let q = &self.doc.quoted;
        let k = q.partition_point(|r| r.open.start <= off);
        q[..k].iter().rev().take(4).any(|r| {
            let end = r.close.map_or(r.content.end, |c| c.end);
            r.open.start <= off && off < end
        })
    }

    /// True when every word of the sentence is quoted (a quote paragraph).
    fn all_quoted(&self) -> bool {
        (self.t0..self.t1)
            .filter(|&i| self.kind(i) == Some(TokenKind::Word))
            .all(|i| self.in_quote(self.start(i)))
    }

    // ---- triggers ----------------------------------------------------------------------------

    fn find(&self, para: usize, out: &mut Vec<Cand>) {
        let mut skip_until = self.t0;
        let mut quoted_sentence: Option<bool> = None;
        let mut covered: Option<(&'static str, usize)> = None;
        for i in self.t0..self.t1 {
            if i < skip_until || self.kind(i) != Some(TokenKind::Word) || !self.has(i, C_TRIGGER) {
                continue;
            }
            let rs = readings(self.text(i), self.first_word == Some(i));
            if rs.is_empty() || self.mention(i).is_some() {
                continue;
            }
            if self.in_quote(self.start(i))
                && !*quoted_sentence.get_or_insert_with(|| self.all_quoted())
            {
                continue;
            }
            for r in rs {
                if let Some((last, consumed)) = self.check(r, i) {
                    skip_until = consumed + 1;
                    let (c, reach) = self.build(r, i, last, para);
                    if c.nominal {
                        // "agreed a deal", "launched a drone attack": the noun restates the verb
                        if covered.is_some_and(|(k, end)| k == c.kind && i < end) {
                            break;
                        }
                    } else {
                        covered = Some((c.kind, reach));
                    }
                    out.push(c);
                    break;
                }
            }
        }
    }

    /// Whether reading `r` of the word at `i` holds: the trigger's last token and the last token
    /// it consumes.
    fn check(&self, r: &Trigger, i: usize) -> Option<(usize, usize)> {
        for k in 1..=2 {
            if i >= self.t0 + k {
                let j = i - k;
                if self.mention(j).is_none() && (self.has(j, C_NEG) || self.is(j, r.not_near)) {
                    return None;
                }
            }
        }
        if i > self.t0 && self.is(i - 1, r.not_after) {
            return None;
        }
        let (last, consumed) = match r.cond {
            Cond::Any => (i, i),
            Cond::Then(ws) => {
                for (k, w) in ws.iter().enumerate() {
                    if !self.is_word(i + 1 + k, w) {
                        return None;
                    }
                }
                (i + ws.len(), i + ws.len())
            }
            Cond::Next(ws) => {
                if !self.is(i + 1, ws) {
                    return None;
                }
                (i, i)
            }
            Cond::Within(n, ws) => {
                let mut hit = None;
                for j in i + 1..(i + 1 + n).min(self.t1) {
                    if self.kind(j) == Some(TokenKind::Punct)
                        && Self::is_terminal_punct(self.text(j))
                    {
                        break;
                    }
                    if self.is(j, ws) {
                        hit = Some(j);
                        break;
                    }
                }
                (i, hit?)
            }
            Cond::PersonObject => {
                let passive = (i > self.t0 && self.has(i - 1, C_BE))
                    || (i > self.t0 + 1 && self.has(i - 2, C_BE));
                let person = (i + 1..(i + 4).min(self.t1)).any(|j| {
                    self.mention(j).is_some_and(|m| {
                        let et = self.ent(m).map_or(self.doc.mentions[m].etype, |(_, t)| t);
                        matches!(et, EntityType::Per | EntityType::Org) && !self.possessor(m)
                    })
                });
                if !(passive || person) {
                    return None;
                }
                (i, i)
            }
            Cond::Around(prev, next) => {
                if !((i > self.t0 && self.is(i - 1, prev)) || self.is(i + 1, next)) {
                    return None;
                }
                (i, i)
            }
            Cond::Near(n, ws) => {
                let lo = self.t0.max(i.saturating_sub(n));
                let hi = self.t1.min(i + 1 + n);
                if !(lo..hi).any(|j| j != i && self.is(j, ws)) {
                    return None;
                }
                (i, i)
            }
            Cond::MeetObject => {
                if !self.meet_object_ok(i) {
                    return None;
                }
                (i, i)
            }
        };
        if r.kind == AGREE && r.pos == Pos::Verb && self.is_word(last + 1, "to") {
            // "agreed to buy", "agreed to meet": the embedded verb is the event
            if self.has(last + 2, C_TRIGGER) {
                return None;
            }
        }
        if r.kind == ATTACK
            && self.is_word(i, "struck")
            && (i + 1..self.t1.min(i + 4)).any(|j| self.kind(j) == Some(TokenKind::Number))
        {
            return None; // "struck a superb 176" (cricket)
        }
        if r.pos == Pos::Verb && self.text(i).ends_with("ed") && i > self.t0 {
            // "the four arrested men", "a wounded soldier", "446-9 declared": adjectives
            let p = i - 1;
            if self.kind(p) == Some(TokenKind::Number) || self.is(p, ARTICLES) {
                return None;
            }
        }
        if r.kind == SUMMIT && self.is_word(last + 1, "of") {
            // "the summit of Everest", "the summit of Mount Snowdon"
            let mut j = last + 2;
            if self.is_word(j, "the") {
                j += 1;
            }
            let loc = self
                .mention(j)
                .and_then(|m| self.ent(m))
                .is_some_and(|(_, t)| t == EntityType::Loc);
            if loc || self.is(j, &["mount", "mt", "mountain", "hill", "peak", "volcano"]) {
                return None;
            }
        }
        if !r.not_before.is_empty() {
            let mut j = last + 1;
            while j < self.t1 && self.has(j, C_SKIP) {
                j += 1;
            }
            // "meet Brandt’s corner": look past a possessor
            if let Some(m) = self.mention(j) {
                let (_, b) = self.mention_tokens(m);
                if self.is_possessive_s(b) {
                    j = b + 1;
                }
            }
            if self.is(j, r.not_before) {
                return None;
            }
        }
        Some((last, consumed))
    }

    /// True when "met" at `i` is followed by a person, a preposition, an adverb or nothing,
    /// rather than by a thing ("meet her fiscal rules").
    fn meet_object_ok(&self, i: usize) -> bool {
        let person_near = (i + 1..self.t1.min(i + 5)).any(|k| {
            !self.possessive(k)
                && self
                    .mention(k)
                    .and_then(|m| self.ent(m))
                    .is_some_and(|(_, t)| matches!(t, EntityType::Per | EntityType::Org))
        });
        if person_near {
            return true;
        }
        let mut j = i + 1;
        while j < self.t1
            && (self.has(j, C_SKIP) && (self.mention(j).is_none() || self.possessive(j)))
        {
            j += 1;
        }
        if j >= self.t1 || self.mention(j).is_some() || self.kind(j) != Some(TokenKind::Word) {
            return true;
        }
        let w = self.text(j);
        if j > i + 1 || w.starts_with(|c: char| c.is_lowercase()) {
            // a determiner or a lowercase word: fine only for prepositions and adverbs
            return j == i + 1
                && (self.has(
                    j,
                    C_PART_PREP
                        | C_LOC_EXCL
                        | C_PLACE
                        | C_OBJ_END
                        | C_SUBJ_END
                        | C_SPEECH
                        | C_VERB_CUE
                        | C_BE
                        | C_MEET_FREE,
                ) || w.ends_with("ly"));
        }
        true
    }

    /// Whether a noun-or-verb trigger at `i` is used as a noun.
    fn nominal_reading(&self, i: usize, last: usize) -> bool {
        if self.first_word == Some(i) {
            // "Meeting in Paris, they ..." opens a participial clause; "Talks with ..." is a noun
            return self.fronted(i).is_none();
        }
        if i == self.t0 {
            return true;
        }
        let p = i - 1;
        match self.kind(p) {
            Some(TokenKind::Number) => return true,
            Some(TokenKind::Punct) => return self.text(p) != ",",
            Some(TokenKind::QuoteMark) => return true,
            _ => {}
        }
        let w = self.text(p);
        if self.has(p, C_VERB_CUE | C_NEG) {
            return false;
        }
        if self.text(i).ends_with("ing") && self.has(p, C_GERUND) {
            return false; // "after meeting", "before visiting"
        }
        if self.has(p, C_DET) || w == "’s" || w == "'s" {
            return true;
        }
        if self.mention(p).is_some() {
            // "Russia attacks Ukraine" (verb) against "a Nato summit", "Russia attacks on" (noun)
            let n = last + 1;
            return !(self.mention(n).is_some() || self.has(n, C_DET));
        }
        true
    }

    /// True when token `j` is a word ending in "-ing" ("Meeting", "Speaking").
    fn is_participle(&self, j: usize) -> bool {
        let w = self.text(j);
        w.len() > 5 && w.ends_with("ing") && self.kind(j) == Some(TokenKind::Word)
    }

    /// The first comma when the sentence opens with a subordinate clause holding token `i`
    /// ("After meeting in No 10, the two leaders ...").
    fn fronted(&self, i: usize) -> Option<usize> {
        let f = self.first_word?;
        if !self.has(f, C_SUBORD) && !self.is_participle(f) {
            return None;
        }
        let comma = (f + 1..self.t1).find(|&j| self.is_comma(j))?;
        (i < comma).then_some(comma)
    }

    /// The candidate event of trigger reading `r` at tokens `i..=last`, with the token where its
    /// clause ends.
    fn build(&self, r: &Trigger, i: usize, last: usize, para: usize) -> (Cand, usize) {
        let kind = r.kind;
        let nominal = match r.pos {
            Pos::Noun => true,
            Pos::Verb => false,
            Pos::Either => self.nominal_reading(i, last),
        };
        let trigger = Span {
            start: self.start(i),
            end: self.end(last).max(self.start(i)),
        };
        let fronted = self.fronted(i);
        let obj = self.object_side(last + 1, fronted.is_some());
        let reach = obj.end;
        let mut parts: Vec<usize> = Vec::new();
        let mut definite = false;
        let mut own_empty = false;
        let mut premod_place = None;
        if nominal {
            let pre = self.premod(i);
            definite = pre.det.is_some_and(|d| self.has(d, C_DEFINITE));
            premod_place = self.noun_parties(kind, &pre, last, &mut parts);
            if parts.is_empty() {
                own_empty = true;
                if kind == SUMMIT {
                    // a summit is collective: "leaders gathered for a summit"
                    let subj = self.subject_side(kind, pre.start, last);
                    parts = self.resolve(kind, &subj, last, None);
                    if parts.is_empty() && fronted.is_some() {
                        parts = self.resolve(kind, &self.main_subject(), last, None);
                    }
                }
            }
        } else {
            let subj = self.subject_side(kind, i, last);
            parts = self.resolve(kind, &subj, last, None);
            if parts.is_empty() {
                if fronted.is_some() {
                    parts = self.resolve(kind, &self.main_subject(), last, None);
                } else if subj.bare && cooperative(kind) {
                    parts = self.resolve(kind, &self.main_subject(), last, Some(trigger.start));
                }
            }
            if kind != PROTEST {
                // the object of a protest is its target, not a protester
                for e in self.resolve(kind, &obj, last, None) {
                    push_new(&mut parts, e);
                }
            }
            if kind == ACQUIRE && !self.org_object(last) {
                parts.clear(); // "bought five-year notes" is no takeover
            }
        }
        if kind == ACQUIRE
            && !parts
                .iter()
                .any(|&e| self.doc.entities[e].etype == EntityType::Org)
        {
            parts.clear(); // a takeover needs a company
        }
        let place = self.place(kind, i, last, reach, &parts, premod_place);
        if let Some(p) = place {
            parts.retain(|&e| e != p);
        }
        let time = self.time(trigger);
        let cand = Cand {
            kind,
            trigger,
            participants: parts,
            place,
            time,
            sentence: self.si,
            paragraph: para,
            nominal,
            definite,
            own_empty,
        };
        (cand, reach)
    }

    /// The parties a noun trigger names itself: its left modifiers ("a Nato summit", "Russia’s
    /// attack", "their meeting"), a light verb's subject ("reached a settlement") and its
    /// prepositional phrase ("talks with X"). Returns a single location modifier as a place
    /// ("the Geneva summit").
    fn noun_parties(
        &self,
        kind: &str,
        pre: &Premod,
        last: usize,
        parts: &mut Vec<usize>,
    ) -> Option<usize> {
        let mut locs: Vec<usize> = Vec::new();
        for &m in &pre.mentions {
            match self.ent(m) {
                Some((e, EntityType::Per | EntityType::Org)) => push_new(parts, e),
                Some((e, EntityType::Loc)) => {
                    if self.possessor(m) && country_parties(kind) {
                        push_new(parts, e); // "Iraq’s attack"
                    } else {
                        push_new(&mut locs, e);
                    }
                }
                _ => {}
            }
        }
        let mut place = None;
        if locs.len() >= 2 && country_parties(kind) {
            for e in locs {
                push_new(parts, e); // "the UK-Ukraine deal"
            }
        } else if locs.len() == 1 {
            place = Some(locs[0]);
        }
        if let Some(d) = pre.det.filter(|&d| self.is_word(d, "their")) {
            for e in self.group_members(d) {
                push_new(parts, e);
            }
        }
        if self.light_verb_before(pre.start) {
            // "reached a settlement with", "paid a visit to": the verb's subject takes part
            let subj = self.subject_side(kind, pre.start, last);
            let mut who = self.resolve(kind, &subj, last, None);
            if who.is_empty() && subj.bare && cooperative(kind) {
                // "X denied the charge and reached an agreement with Y"
                who = self.resolve(
                    kind,
                    &self.main_subject(),
                    last,
                    Some(self.start(pre.start)),
                );
            }
            for e in who {
                push_new(parts, e);
            }
        }
        for m in self.postmod(last) {
            if self.is_party(kind, m, last) {
                if let Some((e, _)) = self.ent(m) {
                    push_new(parts, e);
                }
            }
        }
        place
    }

    /// True when a company (or a name typed as a person) is named right after an acquisition
    /// verb ("acquire Redline", "be acquired by Magna").
    fn org_object(&self, last: usize) -> bool {
        (last + 1..self.t1.min(last + 5)).any(|k| {
            self.mention(k).is_some_and(|m| {
                let name = self.doc.mentions[m].kind == byline_doc::MentionKind::Name;
                !self.possessor(m)
                    && self.ent(m).is_some_and(|(_, t)| {
                        t == EntityType::Org || (t == EntityType::Per && name)
                    })
            })
        })
    }

    // ---- participants ------------------------------------------------------------------------

    /// True when token `j` (outside any mention) refers to a group of people just named: "the
    /// pair", "the two leaders", "both men", "the two met".
    fn is_group(&self, j: usize) -> bool {
        if j == self.t0 {
            return false;
        }
        let w = self.text(j);
        if w.eq_ignore_ascii_case("pair") || w.eq_ignore_ascii_case("duo") {
            return self.is_word(j - 1, "the");
        }
        if w.eq_ignore_ascii_case("two") && self.is_word(j - 1, "the") {
            // "the two met", "the two had agreed" (not "the two countries")
            return self.has(j + 1, C_TRIGGER | C_VERB_CUE | C_BE);
        }
        self.has(j, C_GROUP) && (self.is_word(j - 1, "two") || self.is_word(j - 1, "both"))
    }

    /// The word a mention depends on and its token: the nearest earlier word that is not part of
    /// a mention, a coordination or a modifier ("between the UK and Ukraine" gives "between"
    /// for both; "to the disputed region of Karabakh" gives "to").
    fn governor(&self, m: usize) -> (u32, Option<usize>) {
        const PREPS: u32 = C_LOC_EXCL | C_PART_PREP | C_PLACE | C_TO | C_ATK_TARGET;
        let (a, _) = self.mention_tokens(m);
        let mut j = a;
        let floor = self.t0.max(a.saturating_sub(30));
        // up to three modifier words are looked past, but only to reach a preposition
        let mut first_plain: Option<usize> = None;
        let mut modifiers = 0;
        let found = |k: usize| (self.cls[k - self.t0], Some(k));
        while j > floor {
            j -= 1;
            if self.mention(j).is_some() || self.has(j, C_GOV_SKIP) {
                continue;
            }
            if self.kind(j) != Some(TokenKind::Word) {
                break;
            }
            if self.has(j, C_DET) && !self.has(j, C_SUBJ_END) {
                continue;
            }
            let w = self.text(j);
            if w.eq_ignore_ascii_case("of") && j > self.t0 && self.lower_word(j - 1) {
                continue; // "the city of Arbil": look past the head noun
            }
            let plain = self.lower_word(j)
                && !self.has(
                    j,
                    C_TRIGGER | PREPS | C_SPEECH | C_VERB_CUE | C_BE | C_LIGHT | C_SUBJ_END,
                )
                && !w.ends_with("ing")
                && (!w.ends_with("ed") || (j > 0 && self.has(j - 1, C_DET)));
            if plain && modifiers < 3 {
                first_plain.get_or_insert(j);
                modifiers += 1;
                continue;
            }
            if self.has(j, PREPS | C_TRIGGER) || first_plain.is_none() {
                return found(j);
            }
            break;
        }
        first_plain.map_or((0, None), found)
    }

    /// What mention `m` is to an event of `kind` whose trigger ends at token `last`.
    fn role(&self, kind: &str, m: usize, last: usize) -> Role {
        let Some((_, etype)) = self.ent(m) else {
            return Role::Neither;
        };
        match etype {
            EntityType::Per => Role::Party,
            EntityType::Org => {
                let (gov, _) = self.governor(m);
                if gov & (C_PLACE | C_ATK_PLACE) != 0 {
                    Role::Neither // a venue: "marched outside Air France headquarters"
                } else {
                    Role::Party
                }
            }
            EntityType::Misc => Role::Neither,
            EntityType::Loc => {
                let (gov, gi) = self.governor(m);
                if kind == VISIT && gi == Some(last) {
                    return Role::Place; // "visited Kyiv"
                }
                let place_preps = if kind == ATTACK { C_ATK_PLACE } else { C_PLACE };
                if gov & place_preps != 0
                    || ((kind == VISIT || kind == MEET)
                        && gov & C_TO != 0
                        && gi.is_some_and(|g| g <= last + 4))
                {
                    return Role::Place;
                }
                if !country_parties(kind) {
                    return Role::Neither;
                }
                if kind == ATTACK && gov & C_ATK_TARGET != 0 {
                    return Role::Party;
                }
                if let Some(g) = gi {
                    if self.is_word(g, "from") && g > self.t0 && self.is(g - 1, ROLE_PLURALS) {
                        return Role::Party; // "representatives from Armenia and Azerbaijan"
                    }
                }
                if gov & C_LOC_EXCL != 0 {
                    Role::Neither
                } else {
                    Role::Party
                }
            }
        }
    }

    /// True when mention `m` can be a party to the event.
    fn is_party(&self, kind: &str, m: usize, last: usize) -> bool {
        self.role(kind, m, last) == Role::Party
    }

    /// Mentions before the trigger in its clause.
    fn subject_side(&self, kind: &str, from: usize, last: usize) -> Side {
        let mut side = Side::default();
        let mut j = from;
        let mut passed = 0;
        let floor = self.t0.max(from.saturating_sub(WINDOW));
        let has_party = |side: &Side| {
            side.group.is_some()
                || side
                    .mentions
                    .iter()
                    .any(|&m| !self.possessor(m) && self.is_party(kind, m, last))
        };
        while j > floor {
            j -= 1;
            if let Some(m) = self.mention(j) {
                if side.mentions.last() != Some(&m) {
                    side.mentions.push(m);
                }
                continue;
            }
            let w = self.text(j);
            match self.kind(j) {
                Some(TokenKind::Punct) => {
                    if w == "," {
                        if j > self.t0
                            && self.mention(j - 1).is_some()
                            && self.mention(j + 1).is_some()
                        {
                            continue; // a list: "Russia, Belarus, Armenia and Tajikistan"
                        }
                        if has_party(&side) {
                            break;
                        }
                        if let Some(c) = self.parenthetical_before(j, floor) {
                            // "X, who had volunteered ... since 2015, pleaded": skip the clause
                            side.mentions.clear();
                            side.group = None;
                            passed = 0;
                            j = c;
                        }
                        continue;
                    }
                    if Self::is_terminal_punct(w) {
                        break;
                    }
                    continue;
                }
                Some(TokenKind::Word) => {}
                Some(TokenKind::Number) => {
                    passed += 1;
                    continue;
                }
                _ => continue,
            }
            if w.eq_ignore_ascii_case("they") {
                if passed == 0 {
                    side.group = Some(j); // "as they shook hands"
                }
                passed += 1;
                continue;
            }
            if self.is_group(j) {
                side.group = Some(j);
                continue;
            }
            if self.has(j, C_REL) && j > self.t0 && self.is_comma(j - 1) {
                // ", who ... ," is a relative clause: what it names is not the subject
                side.mentions.clear();
                side.group = None;
                j -= 1;
                continue;
            }
            if self.has(j, C_SUBJ_END | C_SPEECH) {
                side.bare = passed == 0;
                break;
            }
            if w.eq_ignore_ascii_case("and") && side.mentions.is_empty() && side.group.is_none() {
                // "... and met X": a second verb phrase shares the first one's subject
                side.bare = true;
                break;
            }
            if !self.has(j, C_BARE) && !w.ends_with("ly") {
                passed += 1;
            }
        }
        side.mentions.reverse();
        side
    }

    /// When the comma at `comma` closes a parenthetical opened by a comma after a name (", who
    /// ...", ", scared by ...", ", a close friend of ..."), the comma opening it.
    fn parenthetical_before(&self, comma: usize, floor: usize) -> Option<usize> {
        let mut j = comma;
        while j > floor {
            j -= 1;
            let w = self.text(j);
            if self.kind(j) == Some(TokenKind::Punct) && Self::is_terminal_punct(w) {
                return None;
            }
            if !self.is_comma(j) {
                continue;
            }
            let n = j + 1;
            let opens = (self.mention(n).is_none() && self.has(n, C_REL))
                || (self.mention(n).is_none()
                    && self.lower_word(n)
                    && (self.text(n).ends_with("ed") || self.text(n).ends_with("ing")))
                || (self.mention(n).is_none()
                    && self.has(n, C_DET)
                    && j > self.t0
                    && self.mention(j - 1).is_some());
            return opens.then_some(j);
        }
        None
    }

    /// Mentions after the trigger up to the clause end.
    fn object_side(&self, from: usize, stop_at_comma: bool) -> Side {
        let mut side = Side::default();
        let mut j = from;
        let ceiling = self.t1.min(from.saturating_add(WINDOW));
        let mut since_comma = usize::MAX;
        while j < ceiling {
            if let Some(m) = self.mention(j) {
                if side.mentions.last() != Some(&m) {
                    side.mentions.push(m);
                }
                j += 1;
                continue;
            }
            let w = self.text(j);
            match self.kind(j) {
                Some(TokenKind::Punct) => {
                    if w == "," {
                        if stop_at_comma || self.is(j + 1, AUX) {
                            break; // ", was deported": the sentence's own verb
                        }
                        since_comma = side.mentions.len();
                    } else if Self::is_terminal_punct(w) {
                        break;
                    }
                    j += 1;
                    continue;
                }
                Some(TokenKind::QuoteMark) => {
                    j += 1;
                    continue;
                }
                _ => {}
            }
            if self.is_group(j) {
                side.group = Some(j);
            } else if self.has(j, C_SPEECH) {
                // ", Interfax news agency said": the speaker is not in the event
                side.mentions.truncate(since_comma);
                break;
            } else if self.has(j, C_OBJ_END) {
                break;
            } else if w.eq_ignore_ascii_case("and") && self.starts_clause(j + 1) {
                break; // "... and described ...", "... and held talks"
            } else if w.eq_ignore_ascii_case("to")
                && self.lower_word(j + 1)
                && self.mention(j + 1).is_none()
                && !self.has(j + 1, C_DET)
            {
                break; // "to represent ...": a purpose clause
            }
            j += 1;
        }
        side.end = j;
        side
    }

    /// True when token `j` looks like a verb opening a coordinated clause.
    fn starts_clause(&self, j: usize) -> bool {
        if j >= self.t1 || self.mention(j).is_some() || !self.lower_word(j) {
            return false;
        }
        let w = self.text(j);
        (w.len() >= 5 && w.ends_with("ed")) || self.has(j, C_TRIGGER | C_BE | C_VERB_CUE)
    }

    /// The subject of the main clause: the noun phrase opening the sentence, or the one after a
    /// fronted phrase's comma.
    fn main_subject(&self) -> Side {
        let mut side = Side::default();
        let Some(f) = self.first_word else {
            return side;
        };
        let mut j = if self.has(f, C_FRONT) || self.is_participle(f) {
            match (f + 1..self.t1).find(|&j| self.is_comma(j)) {
                Some(c) => c + 1,
                None => return side,
            }
        } else {
            self.t0
        };
        let mut n = 0;
        while j < self.t1 && n < 16 {
            if let Some(m) = self.mention(j) {
                if side.mentions.last() != Some(&m) {
                    side.mentions.push(m);
                }
            } else if self.is_group(j) {
                side.group = Some(j);
            } else if self.kind(j) == Some(TokenKind::QuoteMark)
                || self.is_comma(j)
                || self.is(j, &["and", "the", "both", "also", "two", "’s", "'s"])
            {
            } else {
                break;
            }
            j += 1;
            n += 1;
        }
        side
    }

    /// The people a group reference stands for: persons named earlier in the sentence, topped
    /// up from the previous sentence; nobody unless at least two.
    fn group_members(&self, g: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let gstart = self.start(g);
        let (lo, _) = self.mention_window(g.saturating_sub(WINDOW), g);
        for m in lo..self.m1 {
            if self.doc.mentions[m].span.start >= gstart {
                break;
            }
            if let Some((e, EntityType::Per)) = self.ent(m) {
                push_new(&mut out, e);
            }
        }
        if out.len() < 2 && self.si > 0 {
            let prev = self.sentences[self.si - 1];
            let ms = &self.doc.mentions;
            let a = ms.partition_point(|m| m.span.start < prev.start);
            for (m, mention) in ms.iter().enumerate().skip(a).take(WINDOW) {
                if mention.span.start >= prev.end {
                    break;
                }
                if let Some((e, EntityType::Per)) = self.ent(m) {
                    push_new(&mut out, e);
                }
            }
        }
        if out.len() < 2 {
            out.clear();
        }
        out
    }

    /// The entities of a side that are parties to the event (mentions starting before `before`
    /// only, when given); owners ("Yeltsin’s children") are left out.
    fn resolve(&self, kind: &str, side: &Side, last: usize, before: Option<usize>) -> Vec<usize> {
        let mut out = Vec::new();
        for &m in &side.mentions {
            if before.is_some_and(|b| self.doc.mentions[m].span.start >= b) || self.possessor(m) {
                continue;
            }
            if self.is_party(kind, m, last) {
                if let Some((e, _)) = self.ent(m) {
                    push_new(&mut out, e);
                }
            }
        }
        if let Some(g) = side.group {
            if before.is_none_or(|b| self.start(g) < b) {
                for e in self.group_members(g) {
                    push_new(&mut out, e);
                }
            }
        }
        out
    }

    /// The left modifiers of a noun trigger: mentions up to the determiner ("a crunch Nato
    /// summit", "his visit", "Russia’s deadly drone attack").
    fn premod(&self, first: usize) -> Premod {
        let mut out = Premod {
            mentions: Vec::new(),
            det: None,
            start: first,
        };
        let mut j = first;
        let mut words = 0;
        let floor = self.t0.max(first.saturating_sub(24));
        while j > floor && words < 4 {
            j -= 1;
            if let Some(m) = self.mention(j) {
                if out.mentions.last() != Some(&m) {
                    out.mentions.push(m);
                    words += 1;
                }
                out.start = j;
                continue;
            }
            let w = self.text(j);
            match self.kind(j) {
                Some(TokenKind::Word) => {}
                Some(TokenKind::Number) => {
                    words += 1;
                    out.start = j;
                    continue;
                }
                _ => return out,
            }
            if self.is_possessive_s(j) {
                out.start = j;
                continue;
            }
            if self.has(j, C_DET) {
                out.det = Some(j);
                out.start = j;
                return out;
            }
            let lower = w.starts_with(|c: char| c.is_lowercase());
            let stop = self.has(
                j,
                C_SUBJ_END | C_LOC_EXCL | C_PART_PREP | C_SPEECH | C_VERB_CUE | C_BE | C_LIGHT,
            ) || is_in(w, &["for", "and", "or"])
                || (lower && w.len() > 4 && w.ends_with("ed"))
                // a verb or another plural noun ("completes", "unions"), not "business"
                || (lower && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"));
            if stop {
                return out;
            }
            words += 1;
            out.start = j;
        }
        out
    }

    /// Mentions in a prepositional phrase after a noun trigger ("talks with his German
    /// counterpart Klaus Kinkel", "an attack on the city of Arbil").
    fn postmod(&self, last: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut j = last + 1;
        if !self.has(j, C_PART_PREP) {
            return out;
        }
        j += 1;
        let mut n = 0;
        let ceiling = self.t1.min(j.saturating_add(40));
        while j < ceiling && n < 15 {
            if let Some(m) = self.mention(j) {
                if out.last() != Some(&m) {
                    out.push(m);
                }
                j += 1;
                continue;
            }
            let w = self.text(j);
            let go = match self.kind(j) {
                Some(TokenKind::Punct) => w == ",",
                Some(TokenKind::Number) => true,
                Some(TokenKind::Word) => {
                    if is_in(w, &["and", "or", "both"])
                        || self.has(j, C_DET | C_PART_PREP)
                        || self.is_possessive_s(j)
                    {
                        true
                    } else {
                        !self.has(
                            j,
                            C_OBJ_END
                                | C_SUBJ_END
                                | C_SPEECH
                                | C_BE
                                | C_LOC_EXCL
                                | C_VERB_CUE
                                | C_TRIGGER
                                | C_LIGHT,
                        ) && !self.past_participle(j)
                    }
                }
                _ => false,
            };
            if !go {
                break;
            }
            j += 1;
            n += 1;
        }
        out
    }

    /// True when token `j` is a lowercase word ending in "-ed" ("described", "based").
    fn past_participle(&self, j: usize) -> bool {
        let w = self.text(j);
        self.lower_word(j) && w.len() > 4 && w.ends_with("ed")
    }

    /// True when a light verb ("held", "reached", "paid") stands right before token `d`
    /// (adverbs between are fine).
    fn light_verb_before(&self, d: usize) -> bool {
        let mut j = d;
        while j > self.t0 {
            j -= 1;
            if self.mention(j).is_some() {
                return false;
            }
            let w = self.text(j);
            if w.ends_with("ly") || self.is(j, &["also", "already", "now", "just"]) {
                continue;
            }
            return self.has(j, C_LIGHT);
        }
        false
    }

    // ---- place and time ----------------------------------------------------------------------

    /// The place: the first place-marked location after the trigger within its clause (up to
    /// token `reach`), else a location modifying the noun trigger ("the Geneva summit"), else the
    /// nearest one before it in the sentence.
    fn place(
        &self,
        kind: &str,
        i: usize,
        last: usize,
        reach: usize,
        parts: &[usize],
        premod_place: Option<usize>,
    ) -> Option<usize> {
        let (ts, te) = (self.start(i), self.end(last));
        let clause_end = if reach > last + 1 {
            self.end(reach - 1)
        } else {
            te
        };
        let mut before = None;
        let mut after = None;
        let (lo, hi) = self.mention_window(i.saturating_sub(WINDOW), last.saturating_add(WINDOW));
        for m in lo..hi {
            let Some((e, EntityType::Loc)) = self.ent(m) else {
                continue;
            };
            if parts.contains(&e) || self.role(kind, m, last) != Role::Place {
                continue;
            }
            let span = self.doc.mentions[m].span;
            if span.start >= te {
                if span.start < clause_end {
                    after = Some(e);
                }
                break;
            }
            if span.end <= ts {
                before = Some(e);
            }
        }
        after
            .or(premod_place.filter(|p| !parts.contains(p)))
            .or(before)
    }

    /// The mentions of the sentence starting within tokens `a..=b`.
    fn mention_window(&self, a: usize, b: usize) -> (usize, usize) {
        let ms = &self.doc.mentions[self.m0..self.m1];
        let from = self.start(a.max(self.t0));
        let to = self.end(b.min(self.t1.saturating_sub(1)).max(self.t0));
        let lo = ms.partition_point(|m| m.span.start < from);
        let hi = ms.partition_point(|m| m.span.start < to).max(lo);
        (self.m0 + lo, self.m0 + hi)
    }

    /// The time expression of the sentence nearest to the trigger.
    fn time(&self, trigger: Span) -> Option<usize> {
        let times = &self.doc.times;
        // times are in text order: the nearest lies around where the trigger would go
        let k = times.partition_point(|t| t.span.start < trigger.start);
        let mut best: Option<(usize, usize)> = None;
        for (k, t) in times
            .iter()
            .enumerate()
            .take(k + 2)
            .skip(k.saturating_sub(2))
        {
            if t.span.start < self.span.start || t.span.start >= self.span.end {
                continue;
            }
            let d = if t.span.end <= trigger.start {
                trigger.start - t.span.end
            } else {
                t.span.start.saturating_sub(trigger.end)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, k));
            }
        }
        best.map(|(_, k)| k)
    }
}

/// Event types where a country (a location not marked by a locative preposition) is a party.
fn country_parties(kind: &str) -> bool {
    matches!(kind, MEET | AGREE | ATTACK | SUMMIT | DECLARE)
}

/// Event types whose participial or coordinated clauses share the main clause's subject
/// ("met X, after being welcomed by Y").
fn cooperative(kind: &str) -> bool {
    matches!(
        kind,
        MEET | VISIT | AGREE | SUMMIT | triggers::ANNOUNCE | triggers::SIGN
    )
}

fn push_new(v: &mut Vec<usize>, e: usize) {
    if !v.contains(&e) {
        v.push(e);
    }
}

/// Completes an event from a repeat of it: its place and time when it has none.
fn fill(e: &mut Cand, repeat: &Cand) {
    if e.place.is_none() {
        e.place = repeat.place.filter(|p| !e.participants.contains(p));
    }
    if e.time.is_none() {
        e.time = repeat.time;
    }
}

/// The confidence of an event from how much of it was found.
fn confidence(c: &Cand) -> f32 {
    let mut x: f32 = 0.5;
    if c.participants.len() >= 2 {
        x += 0.2;
    }
    if c.place.is_some() {
        x += 0.1;
    }
    if c.time.is_some() {
        x += 0.1;
    }
    x.min(0.95)
}

/// Document-level filtering: events need a party; a summit swallows a meeting of the same
/// sentence; definite noun triggers that refer back are dropped; repeats of an event (same type
/// and parties in the same paragraph, or at the same place, or a noun trigger anywhere) are
/// merged into the first.
fn finish(mut cands: Vec<Cand>) -> Vec<Event> {
    let n = cands.len();
    let mut dropped = vec![false; n];
    let mut a = 0;
    while a < n {
        let mut b = a;
        while b < n && cands[b].sentence == cands[a].sentence {
            b += 1;
        }
        let mut summit_parts: Vec<usize> = cands[a..b]
            .iter()
            .filter(|c| c.kind == SUMMIT)
            .flat_map(|c| c.participants.iter().copied())
            .collect();
        if !summit_parts.is_empty() {
            summit_parts.sort_unstable();
            for x in a..b {
                dropped[x] = cands[x].kind == MEET
                    && cands[x]
                        .participants
                        .iter()
                        .any(|e| summit_parts.binary_search(e).is_ok());
            }
        }
        // "was welcomed to X and met A and B": one event, told twice in a sentence
        if b - a <= 16 {
            for x in a..b {
                if dropped[x] || cands[x].participants.is_empty() {
                    continue;
                }
                let bigger = (a..b).find(|&y| {
                    y != x
                        && !dropped[y]
                        && cands[y].kind == cands[x].kind
                        && cands[y].participants.len() > cands[x].participants.len()
                        && cands[x]
                            .participants
                            .iter()
                            .all(|e| cands[y].participants.contains(e))
                });
                if let Some(y) = bigger {
                    dropped[x] = true;
                    let from = cands[x].clone();
                    fill(&mut cands[y], &from);
                }
            }
        }
        a = b;
    }

    let mut kept: Vec<(Cand, Vec<usize>)> = Vec::new();
    let mut by_key: HashMap<(&'static str, Vec<usize>), Vec<usize>> = HashMap::new();
    let mut by_kind: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (c, gone) in cands.into_iter().zip(dropped) {
        if gone || c.participants.is_empty() || (c.kind == VISIT && c.nominal && c.place.is_none())
        {
            continue;
        }
        let mut set = c.participants.clone();
        set.sort_unstable();
        if c.nominal && c.definite {
            // a back-reference ("the agreement") to an event already reported
            let earlier = by_kind.get(c.kind).is_some_and(|list| {
                list.iter()
                    .rev()
                    .take(64)
                    .any(|&k| c.own_empty || set.iter().all(|e| kept[k].1.binary_search(e).is_ok()))
            });
            if earlier {
                continue;
            }
        }
        let key = (c.kind, set);
        if let Some(list) = by_key.get(&key) {
            // the same event again: in the same paragraph (the latest), at the same place, or a
            // noun trigger with a compatible place (the earliest)
            let last = list
                .last()
                .copied()
                .filter(|&k| kept[k].0.paragraph == c.paragraph);
            let same = last.or_else(|| {
                list.iter().take(16).copied().find(|&k| {
                    let e = &kept[k].0;
                    (e.place.is_some() && e.place == c.place)
                        || (c.nominal
                            && (e.place.is_none() || c.place.is_none() || e.place == c.place))
                })
            });
            if let Some(k) = same {
                fill(&mut kept[k].0, &c);
                continue;
            }
        }
        let idx = kept.len();
        by_key.entry(key.clone()).or_default().push(idx);
        by_kind.entry(c.kind).or_default().push(idx);
        kept.push((c, key.1));
    }
    kept.into_iter()
        .map(|(c, _)| Event {
            kind: c.kind,
            trigger: c.trigger,
            confidence: confidence(&c),
            participants: c.participants,
            place: c.place,
            time: c.time,
        })
        .collect()
}
