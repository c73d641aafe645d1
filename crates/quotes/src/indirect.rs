//! Indirect speech: reported clauses without quotation marks.

use crate::attribution::{
    is_auxiliary, is_clause_link, mention_starting_at, speaker_before, Attribution,
};
use crate::{entity_of, in_quote, token};
use byline_doc::{Document, Quote, QuoteKind, Span, TokenKind};
use byline_lexicon::{calendar, speech};

/// Reported clauses of `doc`, given the direct and partial quotes already found.
pub fn find(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let toks = doc.tokens_in(*sent);
        if toks.is_empty() {
            continue;
        }
        let first = doc.token_at_or_after(sent.start);
        let last = first + toks.len();
        let _ = si;
        for k in first..last {
            if in_quote(doc, doc.tokens[k].span.start) {
                continue;
            }
            let w = token(doc, k);
            if w.eq_ignore_ascii_case("according") && k + 1 < last && token(doc, k + 1) == "to" {
                if let Some(q) = according_to(doc, *sent, k, last) {
                    out.push(q);
                }
                continue;
            }
            // a speech verb of the lexicon, or a word PolNeAR's annotators often marked as a
            // cue ("shows", "called for", "agreed to"), used as a verb
            let lemma = match speech::cue_lemma(w) {
                Some(l)
                    if speech::takes_clause(l)
                        && (w.starts_with(|c: char| c.is_lowercase()) || k == first)
                        && used_as_verb(doc, k, first) =>
                {
                    l
                }
                _ if w.bytes().all(|c| c.is_ascii_lowercase())
                    && crate::learned::cue_lexicon()
                        .get(w)
                        .is_some_and(|&r| r >= LEARNED_MIN_RATE)
                    && used_as_verb(doc, k, first) =>
                {
                    LEARNED
                }
                _ => continue,
            };
            if doc.tokens[k].kind != TokenKind::Word {
                continue;
            }
            let cue = doc.tokens[k].span;
            if let Some((a, b)) = parenthetical(doc, first, k, last, cue) {
                out.push(a);
                out.push(b);
            } else if let Some(q) = clause_after(doc, *sent, k, last, lemma, cue, quotes) {
                out.push(q);
            } else if let Some(q) = clause_before(doc, *sent, first, k, cue) {
                out.push(q);
            }
        }
    }
    out.retain(|q| !quotes.iter().any(|d| d.span == q.span));
    out.dedup_by_key(|q| q.span);
    out
}

/// Cue rate (tenths, see [`crate::learned::cue_lexicon`]) from which a word the speech
/// lexicon does not list reports a clause; chosen on PolNeAR train-derived rates by dev F1
/// (3: all e2e 0.529, 4: 0.537, 5: 0.531 before the other rules of this module were tuned).
const LEARNED_MIN_RATE: u8 = 4;

/// The lemma given to cues of the learned lexicon.
const LEARNED: &str = "learned";

/// A cue word used as a verb: not an adverb ("also", "publicly"),
/// not a noun after a determiner or a number ("two states", "the statement"), not a subject
/// followed by its own verb ("battleground states could …") or a phrasal particle ("backed
/// off").
fn used_as_verb(doc: &Document, k: usize, first: usize) -> bool {
    let w = token(doc, k);
    if w.ends_with("ly") || matches!(w, "also" | "statement" | "statements" | "still" | "even") {
        return false;
    }
    if k > first {
        let p = token(doc, k - 1);
        let pl = p.to_ascii_lowercase();
        let noun_before = matches!(
            pl.as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "these"
                | "those"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "my"
                | "your"
                | "several"
                | "many"
                | "some"
                | "all"
                | "other"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "by"
                | "from"
                | "swing"
                | "battleground"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
        ) || p.chars().all(|c| c.is_ascii_digit() || c == '-')
            || (p.chars().next().is_some_and(char::is_uppercase)
                && matches!(w, "states" | "nations" | "kingdom" | "emirates"));
        if noun_before {
            return false;
        }
    }
    let next = doc
        .tokens
        .get(k + 1)
        .map(|t| doc.slice(t.span))
        .unwrap_or("");
    !is_auxiliary(next)
        && !matches!(
            next,
            "led" | "like" | "off" | "out" | "up" | "down" | "away" | "back"
        )
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "at" | "in"
            | "on"
            | "during"
            | "after"
            | "before"
            | "outside"
            | "inside"
            | "from"
            | "to"
            | "with"
            | "for"
            | "while"
            | "when"
            | "as"
            | "speaking"
            | "by"
            | "of"
            | "about"
    )
}

/// "X said (that) CLAUSE", "X told reporters (that) CLAUSE".
fn clause_after(
    doc: &Document,
    sent: Span,
    k: usize,
    last: usize,
    lemma: &str,
    cue: Span,
    quotes: &[Quote],
) -> Option<Quote> {
    // "“…,” she said several months after her release": the cue of a direct quote reports
    // that quote; only "that" opens a second, reported clause
    if quotes.iter().any(|q| q.cue == Some(cue))
        && doc
            .tokens
            .get(k + 1)
            .is_none_or(|t| doc.slice(t.span) != "that")
    {
        return None;
    }
    let attribution = speaker_before(doc, k, sent.start, cue)
        .or_else(|| inherited(doc, sent, quotes, cue))
        .or_else(|| subject_np(doc, k, sent.start, cue))
        .or_else(|| (lemma != LEARNED).then(|| nearest_speaker(doc, k, sent.start, cue))?)?;
    // "said Peter Morgan, a lawyer for ...": the speaker follows the verb (a name closed by a
    // comma or the sentence end); nothing is reported. "said Doherty had made ..." is a clause.
    if lemma != "tell" {
        let after = doc.tokens.get(k + 1).and_then(|t| {
            mention_starting_at(doc, t.span.start)
                .or_else(|| crate::attribution::titled_mention(doc, k + 1, sent.end))
        });
        if let Some((span, _, kind)) = after {
            let next = doc.token_at_or_after(span.end);
            let closed = next >= last || matches!(token(doc, next), "," | "." | "!" | "?" | ";");
            if kind != byline_doc::MentionKind::Pronoun && closed {
                return None;
            }
        }
    }
    let mut j = k + 1;
    // skip time words and "in a statement": "said on Monday that", "said in a statement that"
    let mut steps = 0;
    while j < last && steps < 6 {
        let w = token(doc, j);
        if w == "that" {
            j += 1;
            break;
        }
        let after_in = j > k + 1 && matches!(token(doc, j - 1), "in" | "on" | "a" | "an");
        // "found last month that …", "said this week that …"
        let time_noun = j > k + 1
            && matches!(token(doc, j - 1), "last" | "this" | "earlier" | "later")
            && matches!(
                w,
                "week"
                    | "month"
                    | "year"
                    | "night"
                    | "weekend"
                    | "morning"
                    | "evening"
                    | "summer"
                    | "spring"
                    | "autumn"
                    | "winter"
            );
        let skippable = matches!(
            w,
            "on" | "in"
                | "statement"
                | "interview"
                | "last"
                | "this"
                | "earlier"
                | "later"
                | "yesterday"
                | "today"
                | "repeatedly"
                | "publicly"
                | "privately"
                | "previously"
                | "also"
        ) || time_noun
            || (after_in
                && matches!(
                    w,
                    "a" | "an" | "the" | "statement" | "interview" | "television" | "radio"
                ))
            || calendar::weekday(w).is_some();
        if lemma == "tell" && steps == 0 {
            // the person told: a mention, a pronoun or a short noun phrase
            if let Some((span, _, _)) = mention_starting_at(doc, doc.tokens[j].span.start) {
                j = doc.token_at_or_after(span.end);
                steps += 1;
                continue;
            }
            if matches!(
                w,
                "him"
                    | "her"
                    | "them"
                    | "us"
                    | "me"
                    | "reporters"
                    | "journalists"
                    | "supporters"
                    | "viewers"
                    | "listeners"
                    | "colleagues"
                    | "parliament"
                    | "MPs"
            ) {
                j += 1;
                steps += 1;
                continue;
            }
        }
        if !skippable {
            // "told the gathered soldiers." has no clause: after "tell", a noun phrase object
            // must be followed by "that"
            if lemma == "tell"
                && steps == 0
                && !(j..last.min(j + 7)).any(|t| token(doc, t) == "that")
            {
                return None;
            }
            // a "that" a few words on: "told the BBC's Today programme that ..."
            if let Some(t) = (j..last.min(j + 6)).find(|&t| token(doc, t) == "that") {
                if lemma == "tell" {
                    j = t + 1;
                }
            }
            break;
        }
        j += 1;
        steps += 1;
    }
    if j >= last {
        return None;
    }
    // "he said in a recent interview in Honolulu.": a skipped phrase with a noun in it and no
    // "that" after it leaves no clause
    let skipped_np = j > k + 1
        && token(doc, j - 1) != "that"
        && (k + 1..j).any(|t| {
            matches!(
                token(doc, t),
                "a" | "an" | "the" | "statement" | "interview" | "television" | "radio"
            )
        });
    if skipped_np {
        let that = (j..last.min(j + 8)).find(|&t| token(doc, t) == "that")?;
        j = that + 1;
        if j >= last {
            return None;
        }
    }
    // "said at a signing ceremony in Dayton that ...": skip a place/time phrase to a later "that"
    // ("at least 15 people were ..." is a clause, not a place)
    let quantity = matches!(token(doc, j), "at" | "At")
        && matches!(
            doc.tokens
                .get(j + 1)
                .map(|t| &doc.text[t.span.start..t.span.end]),
            Some("least" | "most")
        );
    // "called for …", "agreed with …": the preposition belongs to the cue
    let learned_prep = lemma == LEARNED
        && j == k + 1
        && matches!(token(doc, j), "for" | "with" | "on" | "about" | "against");
    if learned_prep && j + 1 < last {
        j += 1;
    } else if is_preposition(token(doc, j)) && !quantity {
        let that = (j..last.min(j + 14)).find(|&t| token(doc, t) == "that")?;
        j = that + 1;
        if j >= last {
            return None;
        }
    }
    let first_word = token(doc, j);
    if matches!(doc.tokens[j].kind, TokenKind::Punct | TokenKind::QuoteMark)
        || matches!(
            first_word,
            "goodbye" | "so" | "yes" | "no" | "nothing" | "something" | "sorry" | "thanks"
        )
    {
        return None;
    }
    if first_word == "to" {
        return None;
    }
    let start = doc.tokens[j].span.start;
    let end = clause_end(doc, j, last);
    let span = Span::new(start, end);
    if end <= start
        || doc
            .tokens_in(span)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
            < 3
    {
        return None;
    }
    Some(indirect(attribution, span))
}

/// "The museum, Mr. Bush said, celebrated several of his heroes": an attribution set off by
/// commas inside the reported sentence. The words on both sides are one attribution (two
/// quotes sharing the speaker mention and the cue).
fn parenthetical(
    doc: &Document,
    first: usize,
    k: usize,
    last: usize,
    cue: Span,
) -> Option<(Quote, Quote)> {
    if doc
        .tokens
        .get(k + 1)
        .is_none_or(|t| doc.slice(t.span) != ",")
        || k + 2 >= last
    {
        return None;
    }
    let comma = (first..k).rev().take(8).find(|&t| token(doc, t) == ",")?;
    if comma == first
        || doc.tokens[first].kind == TokenKind::QuoteMark
        || in_quote(doc, doc.tokens[first].span.start)
        || (first..comma).any(|t| token(doc, t) == ",")
        || (first..last).any(|t| doc.tokens[t].kind == TokenKind::QuoteMark)
    {
        return None;
    }
    // the speaker fills the commas, after at most a few title words ("Mayor Lena Ortiz")
    let a = speaker_before(doc, k, doc.tokens[comma + 1].span.start, cue)?;
    let lead = a
        .mention
        .map(|m| doc.token_at_or_after(m.start) - (comma + 1));
    if lead.is_none_or(|n| n > 3) {
        return None;
    }
    let end = clause_end(doc, k + 2, last);
    let words = |span: Span| {
        doc.tokens_in(span)
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .count()
    };
    let head = Span::new(doc.tokens[first].span.start, doc.tokens[comma - 1].span.end);
    let tail = Span::new(doc.tokens[k + 2].span.start, end);
    if end <= tail.start || words(tail) < 3 || words(head) + words(tail) < 5 {
        return None;
    }
    Some((indirect(a, head), indirect(a, tail)))
}

/// "CLAUSE, X said." / "CLAUSE, said X."
fn clause_before(doc: &Document, sent: Span, first: usize, k: usize, cue: Span) -> Option<Quote> {
    // find the comma that closes the clause
    let comma = (first..k).rev().take(8).find(|&t| token(doc, t) == ",")?;
    if comma <= first + 2 {
        return None;
    }
    // what lies between the comma and the cue must be the speaker (or nothing: "said X")
    let attribution =
        if comma + 1 == k {
            let (span, entity, _) = mention_starting_at(doc, doc.tokens.get(k + 1)?.span.start)?;
            // "…, said Smith." or "…, said Smith, a spokesman for …": the sentence ends there
            let after = doc.token_at_or_after(span.end);
            if doc.tokens.get(after).is_some_and(|t| {
                !matches!(&doc.text[t.span.start..t.span.end], "." | "," | "!" | "?")
            }) {
                return None;
            }
            Attribution {
                speaker: entity,
                mention: Some(span),
                cue: Some(cue),
                confidence: 0.65,
            }
        } else {
            let a = speaker_before(doc, k, doc.tokens[comma + 1].span.start, cue)?;
            if a.mention
                .is_some_and(|m| m.start != doc.tokens[comma + 1].span.start)
            {
                return None;
            }
            a
        };
    if doc.tokens[first].kind == TokenKind::QuoteMark || in_quote(doc, doc.tokens[first].span.start)
    {
        return None;
    }
    // "Speaking in Parliament on Tuesday, X said": a participle phrase is not what was said
    let opener = token(doc, first);
    let participle = opener.len() > 4 && (opener.ends_with("ing") || opener.ends_with("ed"));
    if participle || is_preposition(opener) {
        return None;
    }
    let span = Span::new(doc.tokens[first].span.start, doc.tokens[comma - 1].span.end);
    if doc
        .tokens_in(span)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
        < 4
    {
        return None;
    }
    let _ = sent;
    Some(indirect(attribution, span))
}

/// "According to X, CLAUSE" / "CLAUSE, according to X".
fn according_to(doc: &Document, sent: Span, k: usize, last: usize) -> Option<Quote> {
    let first = doc.token_at_or_after(sent.start);
    let cue = Span::new(doc.tokens[k].span.start, doc.tokens[k + 1].span.end);
    let after = doc.tokens.get(k + 2)?;
    let possessor = mention_starting_at(doc, after.span.start).filter(|(span, _, _)| {
        let t = doc.token_at_or_after(span.end);
        t < last && matches!(token(doc, t), "’s" | "'s")
    });
    // "according to Greece’s civil protection agency": the agency, not Greece
    let after = match possessor {
        Some((span, _, _)) => doc.tokens.get(doc.token_at_or_after(span.end) + 1)?,
        None => after,
    };
    let k = doc
        .token_at_or_after(after.span.start)
        .saturating_sub(2)
        .max(k);
    let (mention, speaker) = match mention_starting_at(doc, after.span.start) {
        Some((span, entity, _)) => (span, entity),
        None => {
            let mut e = k + 2;
            while e < last && doc.tokens[e].kind == TokenKind::Word && e < k + 10 {
                e += 1;
            }
            if e == k + 2 {
                return None;
            }
            let span = Span::new(after.span.start, doc.tokens[e - 1].span.end);
            (span, entity_of(doc, span))
        }
    };
    let attribution = Attribution {
        speaker,
        mention: Some(mention),
        cue: Some(cue),
        confidence: 0.65,
    };
    let span = if k == first {
        // "According to X, CLAUSE."
        let comma = (doc.token_at_or_after(mention.end)..last).find(|&t| token(doc, t) == ",")?;
        Span::new(
            doc.tokens.get(comma + 1)?.span.start,
            clause_end(doc, comma + 1, last),
        )
    } else {
        let mut e = k;
        while e > first && matches!(token(doc, e - 1), "," | "—" | "–") {
            e -= 1;
        }
        Span::new(
            doc.tokens[first].span.start,
            doc.tokens[e.checked_sub(1)?].span.end,
        )
    };
    if span.end <= span.start {
        return None;
    }
    Some(indirect(attribution, span))
}

/// The end of a reported clause starting at token `j`: the sentence end without its final
/// punctuation, cut before a second reporting verb ("and described ...") or "according to".
/// A participle that opens a clause appended to a report: ", citing …", ", adding that …".
fn is_appended_participle(w: &str) -> bool {
    w.ends_with("ing")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (speech::cue_lemma(w).is_some()
            || matches!(
                w,
                "citing"
                    | "noting"
                    | "referring"
                    | "pointing"
                    | "calling"
                    | "arguing"
                    | "prompting"
            ))
}

fn clause_end(doc: &Document, j: usize, last: usize) -> usize {
    let mut end_tok = last;
    let mut t = j;
    while t < last {
        let w = token(doc, t);
        if (w == "and" || w == "but")
            && t + 1 < last
            && speech::cue_lemma(token(doc, t + 1)).is_some()
            && t > j
        {
            end_tok = t;
            if t > j && token(doc, t - 1) == "," {
                end_tok = t - 1;
            }
            break;
        }
        // ", and Italy have sent ...": a new clause with its own subject; ", which she
        // described as ...": a relative clause with its own speech verb
        let new_clause = w == ","
            && t + 2 < last
            && ((matches!(token(doc, t + 1), "and" | "but")
                && (token(doc, t + 2)
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                    || matches!(token(doc, t + 2), "he" | "she" | "they" | "it" | "we")))
                // ", which explored ...": a relative clause that runs to the end (one closed
                // by a comma is inside the subject: "the deal, which ..., would give")
                || (token(doc, t + 1) == "which" && !(t + 2..last).any(|x| token(doc, x) == ","))
                || (token(doc, t + 1) == "who"
                    && (t + 2..(t + 5).min(last))
                        .any(|x| speech::cue_lemma(token(doc, x)).is_some()))
                // ", citing her work ...", ", adding that ...": an appended participle clause
                || is_appended_participle(token(doc, t + 1)));
        if new_clause && t > j {
            end_tok = t;
            break;
        }
        if w == ";" || (w == "according" && t + 1 < last && token(doc, t + 1) == "to") {
            end_tok = t;
            if t > j && token(doc, t - 1) == "," {
                end_tok = t - 1;
            }
            break;
        }
        t += 1;
    }
    while end_tok > j && matches!(doc.tokens[end_tok - 1].kind, TokenKind::Punct) {
        end_tok -= 1;
    }
    // a closing quotation mark stays when the clause holds its opening mark
    let opens = doc.tokens[j..end_tok]
        .iter()
        .filter(|t| t.kind == TokenKind::QuoteMark)
        .count();
    if end_tok > j && doc.tokens[end_tok - 1].kind == TokenKind::QuoteMark && opens % 2 == 1 {
        end_tok -= 1;
    }
    while end_tok > j && matches!(token(doc, end_tok - 1), "." | "," | ";" | ":") {
        end_tok -= 1;
    }
    doc.tokens[end_tok - 1]
        .span
        .end
        .max(doc.tokens[j].span.start)
}

/// The subject noun phrase right before cue token `k` when no speaker rule names one: "Video
/// of the incident shows …", "Another slide shows …". Up to eight words from the sentence
/// start or a comma, opening with a capital or a determiner.
fn subject_np(doc: &Document, k: usize, lo: usize, cue: Span) -> Option<Attribution> {
    let mut a = k;
    while a > 0 && k - a < 8 {
        let p = a - 1;
        let t = doc.tokens[p];
        if t.span.start < lo {
            break;
        }
        let w = token(doc, p);
        if t.kind != TokenKind::Word && !matches!(w, "’s" | "'s" | "-") {
            break;
        }
        // "Mr Zelensky said preliminary reports indicated": a verb ends the subject
        if speech::cue_lemma(w).is_some() && w.starts_with(|c: char| c.is_lowercase()) {
            return None;
        }
        if (is_clause_link(w) && w != "so") || is_auxiliary(w) {
            return None;
        }
        a = p;
    }
    if a == k {
        return None;
    }
    let at_boundary = doc.tokens[a].span.start <= lo
        || a == 0
        || matches!(token(doc, a - 1), "," | ";" | ":" | "—" | "―");
    let opener = token(doc, a);
    let ok_start = opener.chars().next().is_some_and(char::is_uppercase)
        || matches!(
            opener,
            "a" | "an" | "the" | "this" | "that" | "another" | "its" | "their"
        );
    if !at_boundary || !ok_start {
        return None;
    }
    let np = Span::new(doc.tokens[a].span.start, doc.tokens[k - 1].span.end);
    Some(Attribution {
        speaker: None,
        mention: Some(np),
        cue: Some(cue),
        confidence: 0.5,
    })
}

/// A last resort for a speech verb whose speaker no rule finds ("Federal and state officials
/// said", "…, a lawyer who represents the family, said"): the nearest person or organisation
/// mention before the cue in its sentence. (Reporting the clause with no speaker at all was
/// measured too: content F1 rises a little, end-to-end F1 falls.)
fn nearest_speaker(doc: &Document, k: usize, lo: usize, cue: Span) -> Option<Attribution> {
    let first = doc.token_at_or_after(lo);
    (first..k).rev().find_map(|t| {
        let (span, entity, _) = crate::attribution::mention_ending_at(doc, doc.tokens[t].span.end)?;
        Some(Attribution {
            speaker: entity,
            mention: Some(span),
            cue: Some(cue),
            confidence: 0.45,
        })
    })
}

/// The speaker of another quote in the same sentence ("…,” he said, adding that …").
fn inherited(doc: &Document, sent: Span, quotes: &[Quote], cue: Span) -> Option<Attribution> {
    let q = quotes.iter().rev().find(|q| {
        sent.contains(q.span)
            && q.span.end <= cue.start
            && (q.speaker.is_some() || q.speaker_mention.is_some())
    })?;
    let _ = doc;
    Some(Attribution {
        speaker: q.speaker,
        mention: q.speaker_mention,
        cue: Some(cue),
        confidence: q.confidence - 0.1,
    })
}

fn indirect(a: Attribution, span: Span) -> Quote {
    Quote {
        span,
        kind: QuoteKind::Indirect,
        speaker: a.speaker,
        speaker_mention: a.mention,
        cue: a.cue,
        confidence: (a.confidence - 0.15).max(0.2),
        continues: None,
    }
}

/// The reported clause around each attributed partial quote that no indirect quote holds yet:
/// `Ryan said the spate of shootings demands "more listening."` gives the clause after the cue;
/// `Details aside, the proposals send a message that a priority ''is increasing the tax'',
/// Mr. Kamin said.` the sentence up to the attribution. The clause shares the partial quote's
/// speaker mention and cue, so the two form one attribution.
pub fn partial_clauses(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for q in quotes {
        let Some(cue) = q.cue else { continue };
        if q.kind != QuoteKind::Partial || q.speaker_mention.is_none() && q.speaker.is_none() {
            continue;
        }
        let held = |span: Span| {
            quotes.iter().chain(out.iter()).any(|o| {
                o.kind == QuoteKind::Indirect
                    && o.span.start <= span.start
                    && span.end <= o.span.end
            })
        };
        if held(q.span) {
            continue;
        }
        let Some(si) = doc.sentence_index(q.span.start) else {
            continue;
        };
        let sent = doc.sentences[si];
        if !sent.contains(cue) {
            continue;
        }
        let first = doc.token_at_or_after(sent.start);
        let last = first + doc.tokens_in(sent).len();
        let span = if cue.end <= q.span.start {
            // after the cue: skip "that" and the person told
            let mut j = doc.token_at_or_after(cue.end);
            if let Some((m, _, _)) = doc
                .tokens
                .get(j)
                .and_then(|t| mention_starting_at(doc, t.span.start))
            {
                if m.end <= q.span.start && token(doc, doc.token_at_or_after(m.end)) == "that" {
                    j = doc.token_at_or_after(m.end);
                }
            }
            if j < last && token(doc, j) == "that" {
                j += 1;
            }
            if j >= last {
                continue;
            }
            Span::new(doc.tokens[j].span.start, clause_end(doc, j, last))
        } else if cue.start >= q.span.end {
            // before the attribution: from the sentence start to the comma before the speaker
            let stop = q
                .speaker_mention
                .map_or(cue.start, |m| m.start.min(cue.start));
            let mut e = doc.token_at_or_after(stop);
            while e > first
                && (matches!(token(doc, e - 1), "," | "." | ";" | ":")
                    || doc.tokens[e - 1].kind == TokenKind::QuoteMark)
            {
                e -= 1;
            }
            if e <= first {
                continue;
            }
            Span::new(doc.tokens[first].span.start, doc.tokens[e - 1].span.end)
        } else {
            continue;
        };
        if !(span.start <= q.span.start && q.span.end <= span.end.max(q.span.end)) {
            continue;
        }
        let span = Span::new(span.start, span.end.max(q.span.end));
        if span == q.span {
            continue;
        }
        out.push(Quote {
            span,
            kind: QuoteKind::Indirect,
            speaker: q.speaker,
            speaker_mention: q.speaker_mention,
            cue: q.cue,
            confidence: (q.confidence - 0.1).max(0.2),
            continues: None,
        });
    }
    out
}

/// A partial quote inside a reported clause belongs to the clause's attribution ("demands that
/// all Americans engage in “more listening” and “more learning”"): it takes the clause's
/// speaker, mention and cue, so that the scorer and the quote bank see one attribution.
pub fn group_partials(quotes: &mut [Quote]) {
    let clauses: Vec<Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect && q.cue.is_some())
        .cloned()
        .collect();
    for q in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Partial) {
        let Some(c) = clauses
            .iter()
            .filter(|c| c.span.start <= q.span.start && q.span.end <= c.span.end)
            .min_by_key(|c| c.span.end - c.span.start)
        else {
            continue;
        };
        if (q.cue, q.speaker_mention) != (c.cue, c.speaker_mention) {
            q.cue = c.cue;
            q.speaker_mention = c.speaker_mention;
            q.speaker = c.speaker;
            q.confidence = c.confidence;
        }
    }
}
