//! Indirect speech: reported clauses without quotation marks.

use crate::attribution::{
    is_auxiliary, is_clause_link, is_past_form, mention_starting_at, speaker_before, Attribution,
};
use crate::{entity_of, in_quote, token, word_count};
use byline_doc::{Document, Quote, QuoteKind, Span, TokenKind};
use byline_lexicon::{calendar, speech};

/// Reported clauses of `doc`, given the direct and partial quotes already found. With the
/// shipped [`filter`](crate::filter) the rules propose a clause for every cue candidate and the
/// filter keeps the likely ones; without one, words of the learned cue lexicon need a cue rate
/// of [`LEARNED_MIN_RATE`].
pub fn find(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let filter = crate::filter::shipped();
    let min_rate = if filter.is_some() {
        crate::filter::CANDIDATE_MIN_RATE
    } else {
        LEARNED_MIN_RATE
    };
    let found = judged(doc, quotes, min_rate);
    let mut out = Vec::new();
    let mut scored = Vec::new();
    for (qs, feats) in found {
        match (feats, filter) {
            (Some(f), Some(m)) => scored.push((m.probability(&f), qs)),
            _ => out.extend(qs),
        }
    }
    if let Some(m) = filter {
        let fixed: Vec<Span> = quotes.iter().chain(out.iter()).map(|q| q.span).collect();
        let spans: Vec<Span> = scored.iter().map(|(_, qs)| qs[0].span).collect();
        let probs: Vec<f32> = scored.iter().map(|(p, _)| *p).collect();
        let kept = suppress(&probs, &spans, &fixed, m.threshold);
        for (i, (_, qs)) in scored.into_iter().enumerate() {
            if kept[i] {
                out.extend(qs);
            }
        }
    }
    finish(out, quotes)
}

/// Which judged candidates survive: a probability of at least `threshold`, and, best first,
/// no overlap with a span in `fixed` or with a candidate already kept (the clauses of the
/// cue words of one sentence overlap; one of them is the report).
pub fn suppress(probs: &[f32], spans: &[Span], fixed: &[Span], threshold: f32) -> Vec<bool> {
    let mut order: Vec<usize> = (0..probs.len())
        .filter(|&i| probs[i] >= threshold)
        .collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
    let mut kept = vec![false; probs.len()];
    let mut taken: Vec<Span> = Vec::new();
    for i in order {
        let s = spans[i];
        if fixed.iter().chain(taken.iter()).any(|f| f.overlaps(s)) {
            continue;
        }
        kept[i] = true;
        taken.push(s);
    }
    kept
}

/// Every candidate reported clause with the filter's features and whether the filter judges
/// it (for training the filter).
pub fn candidates(doc: &Document, quotes: &[Quote]) -> Vec<(Quote, Vec<u64>, bool)> {
    let mut out = Vec::new();
    for (qs, feats) in judged(doc, quotes, crate::filter::CANDIDATE_MIN_RATE) {
        let judged = feats.is_some();
        let feats = feats.unwrap_or_default();
        out.extend(qs.into_iter().map(|q| (q, feats.clone(), judged)));
    }
    out.retain(|(q, _, _)| !quotes.iter().any(|d| d.span == q.span));
    out.dedup_by_key(|(q, _, _)| q.span);
    out
}

/// The candidates of [`propose`], each with the filter's features when the filter judges it.
/// The features see the clauses the filter does not judge and the direct quotes, so that a
/// candidate repeating or nested in one of them can be told apart.
fn judged(doc: &Document, quotes: &[Quote], min_rate: u8) -> Vec<(Vec<Quote>, Option<Vec<u64>>)> {
    let mut all: Vec<(Vec<Quote>, crate::filter::Context)> = Vec::new();
    propose(doc, quotes, min_rate, |found, cx| {
        all.push((found.to_vec(), *cx))
    });
    // the filter judges the learned cues under the rules' own rate threshold
    let is_judged = |cx: &crate::filter::Context| cx.lemma == LEARNED && cx.rate < LEARNED_MIN_RATE;
    let fixed: Vec<Span> = quotes
        .iter()
        .map(|q| q.span)
        .chain(
            all.iter()
                .filter(|(_, cx)| !is_judged(cx))
                .flat_map(|(qs, _)| qs.iter().map(|q| q.span)),
        )
        .collect();
    all.into_iter()
        .map(|(qs, cx)| {
            let feats = is_judged(&cx).then(|| crate::filter::features(doc, &qs[0], &cx, &fixed));
            (qs, feats)
        })
        .collect()
}

fn finish(mut out: Vec<Quote>, quotes: &[Quote]) -> Vec<Quote> {
    out.retain(|q| !quotes.iter().any(|d| d.span == q.span));
    // "Clinton said she thinks …": PolNeAR gives a report nested in another once, as the outer
    // clause; the inner one is dropped
    let spans: Vec<Span> = out.iter().map(|q| q.span).collect();
    out.retain(|q| {
        q.cue
            .is_none_or(|c| !spans.iter().any(|&s| s != q.span && s.contains(c)))
    });
    out.dedup_by_key(|q| q.span);
    out
}

/// Runs the rules over every cue candidate, handing each candidate's quotes (two for a
/// parenthetical attribution) and its context to `visit`.
fn propose(
    doc: &Document,
    quotes: &[Quote],
    min_rate: u8,
    mut visit: impl FnMut(&[Quote], &crate::filter::Context),
) {
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
            // the context of a rule whose cue is no word of the learned lexicon
            let fixed_cue = |lemma, rule| crate::filter::Context {
                cue_token: k,
                lemma,
                rate: 0,
                rule,
                first,
            };
            if w.eq_ignore_ascii_case("according") && k + 1 < last && token(doc, k + 1) == "to" {
                if let Some(qs) = according_to(doc, *sent, k, last) {
                    visit(&qs, &fixed_cue("according", "according"));
                }
                continue;
            }
            if k == first && w == "In" {
                if let Some(q) = poll_finding(doc, k, last) {
                    visit(&[q], &fixed_cue("in", "poll"));
                    continue;
                }
            }
            if let Some(q) = relative_report(doc, sent.start, k, last) {
                visit(
                    &[q],
                    &fixed_cue(speech::cue_lemma(w).unwrap_or(LEARNED), "relative"),
                );
                continue;
            }
            let rate = if w.bytes().all(|c| c.is_ascii_lowercase()) {
                crate::learned::cue_lexicon().get(w).copied().unwrap_or(0)
            } else {
                0
            };
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
                _ if rate >= min_rate && !is_function_word(w) && used_as_verb(doc, k, first) => {
                    LEARNED
                }
                _ => continue,
            };
            if doc.tokens[k].kind != TokenKind::Word {
                continue;
            }
            let cue = doc.tokens[k].span;
            let cx = |rule| crate::filter::Context {
                cue_token: k,
                lemma,
                rate,
                rule,
                first,
            };
            if let Some((a, b)) = parenthetical(doc, first, k, last, cue) {
                visit(&[a, b], &cx("parenthetical"));
            } else if let Some(q) = clause_after(doc, *sent, k, last, lemma, cue, quotes) {
                visit(&[q], &cx("after"));
            } else if let Some(q) = clause_before(doc, *sent, first, k, cue)
                // "…, Trump replied, “Well, maybe so.”": a cue that introduces a direct quote
                // after it reports that quote, not the words before it
                .filter(|_| {
                    !quotes
                        .iter()
                        .any(|d| d.cue == Some(cue) && d.span.start > cue.end)
                })
            {
                visit(&[q], &cx("before"));
            }
        }
    }
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
    // "a group called Black Votes Matter", "which is called the Thrift Savings Plan", "a man
    // calling himself …": naming, not speech
    if matches!(w, "called" | "calling") && k > first && is_naming_head(token(doc, k - 1)) {
        return false;
    }
    if k > first {
        let p = token(doc, k - 1);
        let pl = p.to_ascii_lowercase();
        let noun_before = byline_lexicon::words::is_article_or_possessive(p)
            || matches!(
                pl.as_str(),
                "this"
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
            )
            // a quantifier or a count before a noun ("some states", "two states"), not as the
            // subject of a speech verb ("some say", "six in 10 said")
            || (matches!(
                pl.as_str(),
                "these" | "those" | "several" | "many" | "some" | "all"
            ) || byline_lexicon::numbers::word_value(p).is_some_and(|v| (2..=10).contains(&v))
                || p.starts_with(|c: char| c.is_ascii_digit())
                && p.chars().all(|c| c.is_ascii_digit() || c == '-'))
                && (speech::cue_lemma(w).is_none() || w.ends_with('s'))
            || (p.chars().next().is_some_and(char::is_uppercase)
                && matches!(w, "states" | "nations" | "kingdom" | "emirates"));
        if noun_before {
            return false;
        }
    }
    // "a dozen states held", "news reports", "his crude remarks": these forms are mostly
    // plural nouns; as verbs they follow their subject ("the Washington Post reports", "the
    // ad states", "it states that")
    if matches!(w, "states" | "reports" | "remarks")
        && !(k > first && is_subject_end(doc, k - 1, first))
    {
        return false;
    }
    let next = doc
        .tokens
        .get(k + 1)
        .map(|t| doc.slice(t.span))
        .unwrap_or("");
    // "found itself at the center", "helped found the group", "found ways to press": finding
    // oneself, founding and finding a way report nothing
    if w == "found"
        && (matches!(
            next,
            "itself"
                | "himself"
                | "herself"
                | "themselves"
                | "myself"
                | "ourselves"
                | "yourself"
                | "ways"
        ) || (k > first && matches!(token(doc, k - 1), "helped" | "help" | "to"))
            || (matches!(next, "a" | "the")
                && doc
                    .tokens
                    .get(k + 2)
                    .is_some_and(|t| matches!(doc.slice(t.span), "way" | "ways"))))
    {
        return false;
    }
    !is_auxiliary(next)
        && !matches!(
            next,
            "led" | "like" | "off" | "out" | "up" | "down" | "away" | "back"
        )
        // "270 pledged delegates": an adjective
        && !matches!(next, "delegates" | "delegate")
}

/// Whether token `j` can end the subject of a verb right after it: a pronoun, a name word
/// (not the sentence's first), a dash or a noun for a document ("the ad", "the website").
fn is_subject_end(doc: &Document, j: usize, first: usize) -> bool {
    let p = token(doc, j);
    matches!(
        p.to_ascii_lowercase().as_str(),
        "it" | "he" | "she" | "this" | "which" | "who" | "—" | "–"
    ) || (j > first && p.starts_with(|c: char| c.is_uppercase()))
        || matches!(
            p,
            "ad" | "document"
                | "website"
                | "site"
                | "law"
                | "report"
                | "letter"
                | "memo"
                | "statement"
                | "release"
                | "bill"
                | "rule"
                | "policy"
                | "order"
                | "ruling"
                | "complaint"
                | "lawsuit"
                | "filing"
                | "platform"
                | "constitution"
                | "amendment"
                | "passage"
                | "verse"
                | "book"
                | "post"
                | "page"
        )
}

/// A word before "called" that makes it a name-giving participle: a noun that things are
/// named by ("a group called …") or a form of "be" ("is called").
fn is_naming_head(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "group"
            | "groups"
            | "organization"
            | "organisation"
            | "pac"
            | "program"
            | "programme"
            | "move"
            | "movement"
            | "company"
            | "firm"
            | "site"
            | "website"
            | "book"
            | "film"
            | "show"
            | "bill"
            | "law"
            | "plan"
            | "initiative"
            | "project"
            | "app"
            | "page"
            | "account"
            | "network"
            | "coalition"
            | "committee"
            | "fund"
            | "event"
            | "man"
            | "woman"
            | "town"
            | "place"
            | "system"
            | "tactic"
            | "strategy"
            | "technique"
            | "policy"
            | "practice"
            | "term"
            | "phrase"
            | "petition"
    )
}

/// Words that are parts of PolNeAR's longer cues ("reserved his most eloquent passion for")
/// but never head a report.
fn is_function_word(w: &str) -> bool {
    is_preposition(w)
        || is_clause_link(w)
        || is_auxiliary(w)
        || byline_lexicon::words::is_article_or_possessive(w)
        || matches!(
            w,
            "he" | "she"
                | "they"
                | "we"
                | "i"
                | "it"
                | "you"
                | "them"
                | "him"
                | "us"
                | "me"
                | "not"
                | "then"
                | "this"
                | "these"
                | "those"
                | "or"
                | "into"
                | "than"
                | "there"
                | "more"
                | "most"
                | "very"
                | "up"
                | "out"
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
    // "When asked if …, Ryan said …": the question has no asker here (`opening_questions`)
    if opening_asked(doc, k, doc.token_at_or_after(sent.start)) {
        return None;
    }
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
        .or_else(|| subject_np(doc, k, sent.start, cue, lemma != LEARNED))
        .or_else(|| (lemma != LEARNED).then(|| nearest_speaker(doc, k, sent.start, cue))?)?;
    // "said Peter Morgan, a lawyer for ...": the speaker follows the verb (a name closed by a
    // comma or the sentence end); nothing is reported. "said Doherty had made ..." is a clause.
    let aside = aside_then_that(doc, k, last);
    // "Officials say Omar Mateen, the …, held …": with its subject right before the verb, a
    // name after it opens the clause
    let subject_adjacent = k > 0
        && attribution
            .mention
            .is_some_and(|m| m.end >= doc.tokens[k - 1].span.end && m.end <= cue.start);
    // (an object name after a learned cue is its content: "has endorsed Mrs. Clinton.")
    if lemma != "tell"
        && !subject_adjacent
        && aside.is_none()
        && !(lemma == LEARNED && takes_short_object(token(doc, k)))
    {
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
    let mut j = aside.unwrap_or(k + 1);
    // the token after the person told, when "tell" names one
    let mut told = k + 1;
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
        // "said Friday afternoon, as …": the part of a day after a weekday
        let day_part = j > k + 1
            && calendar::weekday(token(doc, j - 1)).is_some()
            && matches!(w, "morning" | "afternoon" | "evening" | "night");
        let skippable = day_part
            || matches!(
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
            )
            || time_noun
            || (after_in
                && matches!(
                    w,
                    "a" | "an" | "the" | "statement" | "interview" | "television" | "radio"
                ))
            || calendar::weekday(w).is_some();
        if lemma == "tell" && steps == 0 {
            // the person told: a mention ("the AP"), a pronoun or a short noun phrase
            let the = usize::from(w == "the" && j + 1 < last);
            if let Some((span, _, _)) = mention_starting_at(doc, doc.tokens[j + the].span.start) {
                j = doc.token_at_or_after(span.end);
                steps += 1;
                told = j;
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
                && !(j..last.min(j + 12)).any(|t| token(doc, t) == "that")
            {
                return None;
            }
            // a "that" a few words on: "told the BBC's Today programme that ...", "told a
            // crowded banquet hall at a hotel in downtown Baltimore that …"
            let reach = if lemma == "tell" { 12 } else { 6 };
            if let Some(t) = (j..last.min(j + reach)).find(|&t| token(doc, t) == "that") {
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
    let skipped_np = j > told
        && token(doc, j - 1) != "that"
        && (told..j).any(|t| {
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
    // ("about 20 people have …" is a clause too)
    let next_word = doc
        .tokens
        .get(j + 1)
        .map(|t| &doc.text[t.span.start..t.span.end]);
    let quantity = matches!(token(doc, j), "at" | "At")
        && matches!(next_word, Some("least" | "most"))
        || token(doc, j) == "about"
            && next_word.is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    // "called for …", "agreed with …": the preposition belongs to the cue
    let learned_prep = lemma == LEARNED
        && j == k + 1
        && (matches!(token(doc, j), "for" | "with" | "on" | "about" | "against")
            // "referring to faith-driven voters", "pointed to the nine times …"
            || token(doc, j) == "to" && takes_to_object(token(doc, k)));
    if learned_prep && j + 1 < last {
        j += 1;
    } else if is_preposition(token(doc, j))
        && !quantity
        && token(doc, j - 1) != "that"
        && !(j == k + 1 && token(doc, j) == "to" && takes_infinitive(token(doc, k)))
    {
        // ("said that with the delegates she had, the debate …": after "that" the clause
        // itself opens with the phrase)
        // a later "that", or a subject pronoun and its verb after a short phrase ("said after
        // the convention he would not accept …")
        let that = (j..last.min(j + 14)).find(|&t| token(doc, t) == "that");
        let subject = || {
            (j + 2..last.min(j + 7)).find(|&t| {
                matches!(token(doc, t), "he" | "she" | "they" | "we" | "I")
                    && doc.tokens.get(t + 1).is_some_and(|n| {
                        let w = doc.slice(n.span);
                        n.span.end <= doc.tokens[last - 1].span.end
                            && (is_auxiliary(w) || w.ends_with("ed") || w.ends_with('s'))
                            && w.chars()
                                .all(|c| c.is_ascii_lowercase() || c == '’' || c == '\'')
                    })
                    && (j..t).all(|u| doc.tokens[u].kind == TokenKind::Word)
            })
        };
        j = match that {
            Some(t) => t + 1,
            None if lemma != LEARNED => subject()?,
            None => return None,
        };
        if j >= last {
            return None;
        }
    }
    // "said that, if elected, he’d leave …": the clause opens with a parenthetical
    if j > k + 1 && token(doc, j - 1) == "that" && token(doc, j) == "," && j + 1 < last {
        j += 1;
    }
    // "asked Clinton if Trump benefits …", "asked Democrats how likely …": the question, not
    // the person asked
    if matches!(token(doc, k), "asked" | "asking" | "asks" | "ask") {
        if let Some(t) = (j + 1..last.min(j + 6)).find(|&t| is_question_word(token(doc, t))) {
            if (j..t).all(|u| doc.tokens[u].kind == TokenKind::Word) {
                j = t;
            }
        }
    }
    let first_word = token(doc, j);
    // "said no." and "said no to …" report no clause; "said no decision had been made" does
    let no_clause = first_word == "no"
        && doc
            .tokens
            .get(j + 1)
            .is_none_or(|t| t.kind != TokenKind::Word || doc.slice(t.span) == "to");
    if matches!(doc.tokens[j].kind, TokenKind::Punct | TokenKind::QuoteMark)
        || no_clause
        || matches!(
            first_word,
            "goodbye" | "so" | "yes" | "nothing" | "something" | "sorry" | "thanks"
        )
    {
        return None;
    }
    // "vowed to repeal it", "declined to comment": PolNeAR's content is the infinitive
    let infinitive = first_word == "to" && j == k + 1 && takes_infinitive(token(doc, k));
    let short_object = takes_short_object(token(doc, k));
    if first_word == "to" && !infinitive {
        return None;
    }
    let start = doc.tokens[j].span.start;
    let mut end = clause_end(doc, j, last);
    // "endorsed Cruz last week", "endorsed Clinton during a call on Tuesday": the object ends
    // before a time or place phrase
    if short_object {
        if let Some(t) = (j + 1..last).find(|&t| {
            let w = token(doc, t);
            matches!(
                w,
                "last" | "this" | "earlier" | "," | "and" | "but" | "as" | "because"
            ) || (is_preposition(w) && w != "of")
                || calendar::weekday(w).is_some()
        }) {
            end = end.min(doc.tokens[t - 1].span.end);
        }
    }
    let span = Span::new(start, end);
    let min_words = if infinitive {
        2
    } else if short_object {
        1
    } else {
        3
    };
    if end <= start || word_count(doc, span) < min_words {
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
    let words = |span: Span| word_count(doc, span);
    let head = Span::new(doc.tokens[first].span.start, doc.tokens[comma - 1].span.end);
    let tail = Span::new(doc.tokens[k + 2].span.start, end);
    if end <= tail.start || words(tail) < 3 || words(head) + words(tail) < 5 {
        return None;
    }
    Some((indirect(a, head), indirect(a, tail)))
}

/// "CLAUSE, X said." / "CLAUSE, said X."
fn clause_before(doc: &Document, sent: Span, first: usize, k: usize, cue: Span) -> Option<Quote> {
    // "…, Kall said: “…”": the cue introduces the quote after the colon; "…, I laughed and
    // said": the comma closes a subordinate clause of the speaker's own sentence
    if k > 0 && token(doc, k - 1) == "and"
        || doc
            .tokens
            .get(k + 1)
            .is_some_and(|t| doc.slice(t.span) == ":")
    {
        return None;
    }
    // find the comma that closes the clause
    let comma = (first..k).rev().take(8).find(|&t| token(doc, t) == ",")?;
    if comma <= first + 2 {
        return None;
    }
    // what lies between the comma and the cue must be the speaker (or nothing: "said X")
    let attribution = if comma + 1 == k {
        let (span, entity, _) = mention_starting_at(doc, doc.tokens.get(k + 1)?.span.start)?;
        // "…, said Smith." or "…, said Smith, a spokesman for …": the sentence ends there
        let after = doc.token_at_or_after(span.end);
        if doc
            .tokens
            .get(after)
            .is_some_and(|t| !matches!(&doc.text[t.span.start..t.span.end], "." | "," | "!" | "?"))
        {
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
        // "…, who joked": a relative clause reports nothing before it
        if a.mention
            .is_some_and(|m| matches!(doc.slice(m), "who" | "which"))
        {
            return None;
        }
        // the speaker fills the gap, but for a leading "the" ("…, the IMF said")
        let from = if comma + 2 < k && token(doc, comma + 1) == "the" {
            comma + 2
        } else {
            comma + 1
        };
        if a.mention.is_some_and(|m| {
            m.start != doc.tokens[comma + 1].span.start && m.start != doc.tokens[from].span.start
        }) {
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
    // … unless the words before the comma hold a finite verb of their own: "Shifting monsoon
    // patterns in South Asia could affect a billion people, Mr. Obama said"
    let finite = (first + 1..comma).any(|t| is_auxiliary(token(doc, t)));
    if (participle || is_preposition(opener)) && !finite {
        return None;
    }
    let span = Span::new(doc.tokens[first].span.start, doc.tokens[comma - 1].span.end);
    if word_count(doc, span) < 4 {
        return None;
    }
    let _ = sent;
    Some(indirect(attribution, span))
}

/// "According to X, CLAUSE" / "CLAUSE, according to X".
fn according_to(doc: &Document, sent: Span, k: usize, last: usize) -> Option<Vec<Quote>> {
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
    // "Among the precedents at risk, according to Ms. Epstein, are 16 cases …": the sentence
    // goes on after the source; both parts are the content. Only after a short head with no
    // verb of its own ("The top 1 percent would see …, according to X, more than …" is a whole
    // clause, and what follows the source describes it)
    let head_words: Vec<&str> = (first..k)
        .filter(|&t| doc.tokens[t].kind == TokenKind::Word)
        .map(|t| token(doc, t))
        .collect();
    let short_head = head_words.len() <= 8 && !head_words.iter().any(|w| is_auxiliary(w));
    let tail = (k > first && short_head && matches!(token(doc, k - 1), "," | "—" | "–"))
        .then(|| {
            let from = doc.token_at_or_after(mention.end);
            let c =
                (from..last.min(from + 12)).find(|&t| matches!(token(doc, t), "," | "—" | "–"))?;
            let end = clause_end(doc, c + 1, last);
            let tail = Span::new(doc.tokens.get(c + 1)?.span.start, end);
            (word_count(doc, tail) >= 2).then_some(tail)
        })
        .flatten();
    let mut out = vec![indirect(attribution, span)];
    out.extend(tail.map(|t| indirect(attribution, t)));
    Some(out)
}

/// "In a CNN/ORC poll released Sunday, 38 percent of voters said …": what a poll found, the
/// poll its source and the sentence's opening "In" its cue, as PolNeAR marks it. Only a
/// sentence that opens with the poll: one named after the clause ("… leads in the polls") is
/// as often the writer's own statement.
fn poll_finding(doc: &Document, k: usize, last: usize) -> Option<Quote> {
    let comma = (k + 2..last.min(k + 16)).find(|&t| token(doc, t) == ",")?;
    if comma + 1 >= last {
        return None;
    }
    let is_poll = |t: usize| {
        matches!(
            token(doc, t).to_ascii_lowercase().as_str(),
            "poll" | "polls" | "survey" | "surveys"
        )
    };
    // the poll heads the phrase: not "In a memo released as polls closed, …"
    let head = (k + 1..comma).find(|&t| is_poll(t))?;
    if (k + 1..head).any(|t| matches!(token(doc, t), "as" | "where" | "when" | "after" | "before"))
    {
        return None;
    }
    // "In the previous national poll, conducted in early September, Clinton led …": the
    // participle phrase still describes the poll
    let comma = if is_past_form(token(doc, comma + 1)) || token(doc, comma + 1) == "taken" {
        (comma + 2..last.min(comma + 12)).find(|&t| token(doc, t) == ",")?
    } else {
        comma
    };
    if comma + 1 >= last {
        return None;
    }
    let span = Span::new(
        doc.tokens[comma + 1].span.start,
        clause_end(doc, comma + 1, last),
    );
    if span.end <= span.start || word_count(doc, span) < 3 {
        return None;
    }
    let mention = Span::new(doc.tokens[k + 1].span.start, doc.tokens[comma - 1].span.end);
    let attribution = Attribution {
        speaker: entity_of(doc, mention),
        mention: Some(mention),
        cue: Some(doc.tokens[k].span),
        confidence: 0.65,
    };
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

/// The token after a "that" which follows an aside set off after cue `k`: "said on CNN,
/// where he is now a paid contributor, that …", "said — on Twitter, as it happens — that …",
/// "said, in a statement, that …".
fn aside_then_that(doc: &Document, k: usize, last: usize) -> Option<usize> {
    let opens = k + 1 < last && {
        let w = token(doc, k + 1);
        matches!(w, "," | "—" | "–" | "--") || is_preposition(w)
    };
    if !opens {
        return None;
    }
    let that = (k + 2..last.min(k + 18)).find(|&t| {
        token(doc, t) == "that" && matches!(token(doc, t - 1), "," | "—" | "–" | "--")
    })?;
    let clean = doc.tokens[k + 1..that]
        .iter()
        .all(|t| t.kind != TokenKind::QuoteMark && !matches!(doc.slice(t.span), "." | ";" | ":"));
    (clean && that + 1 < last).then_some(that + 1)
}

/// "…, which he said were about evenly split", "moves that officials say will …": a relative
/// clause whose subject and speech verb (cue token `k`) come right after the relative pronoun.
/// PolNeAR's content is the whole relative clause, pronoun and cue included.
fn relative_report(doc: &Document, lo: usize, k: usize, last: usize) -> Option<Quote> {
    let w = token(doc, k);
    let lemma = speech::cue_lemma(w)?;
    if !speech::takes_clause(lemma) || !w.starts_with(char::is_lowercase) || k + 1 >= last {
        return None;
    }
    let rel = (k.saturating_sub(5)..k)
        .rev()
        .find(|&t| matches!(token(doc, t), "which" | "that"))?;
    if rel + 1 >= k
        || doc.tokens[rel].span.start < lo
        || doc.tokens[rel + 1..k]
            .iter()
            .any(|t| t.kind != TokenKind::Word)
    {
        return None;
    }
    // the relative clause goes on with its verb: "said were", "say will", "said improved"
    let next = token(doc, k + 1);
    let verb_next = is_auxiliary(next)
        || is_past_form(next)
        || matches!(
            next,
            "target" | "targets" | "remains" | "remain" | "helps" | "help"
        );
    if !verb_next {
        return None;
    }
    let cue = doc.tokens[k].span;
    let attribution = speaker_before(doc, k, doc.tokens[rel + 1].span.start, cue)?;
    let span = Span::new(doc.tokens[rel].span.start, clause_end(doc, k + 1, last));
    Some(indirect(attribution, span))
}

/// Verbs of commitment and refusal whose infinitive PolNeAR gives as the content: "vowed to
/// …", "declined to comment", "refused to answer", "threatened to …".
fn takes_infinitive(w: &str) -> bool {
    matches!(
        w,
        "vowed"
            | "vows"
            | "vowing"
            | "promised"
            | "promises"
            | "promising"
            | "pledged"
            | "pledges"
            | "pledging"
            | "refused"
            | "refuses"
            | "refusing"
            | "declined"
            | "declines"
            | "threatened"
            | "threatens"
            | "threatening"
            | "agreed"
            | "agrees"
            | "offered"
            | "offers"
            | "sought"
            | "seeks"
            | "seeking"
            | "hopes"
            | "hoped"
            | "hoping"
            | "wants"
            | "wanted"
            | "plans"
            | "intends"
            | "intended"
    )
}

/// A word that opens an indirect question ("if", "whether", "how", …).
fn is_question_word(w: &str) -> bool {
    matches!(
        w,
        "if" | "whether" | "why" | "how" | "what" | "who" | "whom" | "which" | "when" | "where"
    )
}

/// Cues whose content is the object of a "to" after them ("referred to …", "pointing to …").
fn takes_to_object(w: &str) -> bool {
    matches!(
        w,
        "refer"
            | "refers"
            | "referred"
            | "referring"
            | "point"
            | "points"
            | "pointed"
            | "pointing"
            | "allude"
            | "alludes"
            | "alluded"
            | "alluding"
    )
}

/// Verbs of endorsement whose object, often one name, PolNeAR gives as the content: "has
/// endorsed ⟦Mrs. Clinton⟧".
fn takes_short_object(w: &str) -> bool {
    matches!(w, "endorsed" | "endorses" | "endorse" | "endorsing")
}

/// ", but the council has not …", ", but hasn't decided …" at the comma `t` of a clause
/// starting at `j`: the writer's contrast, unless a quote follows in the sentence or the clause
/// set it up ("not for X, but because Y", ", but rather …").
fn writer_contrast(doc: &Document, j: usize, t: usize, last: usize) -> bool {
    token(doc, t + 1) == "but"
        && !(t + 2..last).any(|x| doc.tokens[x].kind == TokenKind::QuoteMark)
        && !matches!(
            token(doc, t + 2),
            "rather" | "also" | "that" | "because" | "instead" | "not"
        )
        && !(j..t).any(|x| matches!(token(doc, x), "not" | "only"))
}

/// Whether a short subject starting at token `from` is followed by a finite speaking
/// verb ("the authorities said", "other GOP leaders say"), so that a clause joined by
/// "and" there is a second report rather than more of the first one's content.
fn reports_next(doc: &Document, from: usize, last: usize) -> bool {
    (from + 1..last.min(from + 6))
        .take_while(|&x| !matches!(token(doc, x), "," | "that" | ";"))
        .any(|x| {
            let w = token(doc, x);
            // a finite form ("said", "says", "warned", "told"; not "add" after "would")
            let finite = w.ends_with("ed")
                || w.ends_with('s')
                || matches!(w, "said" | "told" | "wrote" | "thought");
            speech::cue_lemma(w).is_some()
                && finite
                && w.starts_with(char::is_lowercase)
                && doc.tokens[from..x]
                    .iter()
                    .all(|t| !matches!(t.kind, TokenKind::Punct))
        })
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
                    || matches!(token(doc, t + 2), "he" | "she" | "they" | "it" | "we" | "there")))
                // ", which explored ...": a relative clause that runs to the end (one closed
                // by a comma is inside the subject: "the deal, which ..., would give")
                || (token(doc, t + 1) == "which" && !(t + 2..last).any(|x| token(doc, x) == ","))
                || token(doc, t + 1) == "who"
                // ", but the council has not …": the writer's contrast
                || writer_contrast(doc, j, t, last)
                // ", and when asked whether …": the writer's next sentence part
                || (matches!(token(doc, t + 1), "and" | "but")
                    && matches!(token(doc, t + 2), "when" | "while" | "after" | "if" | "as"))
                // ", and other GOP leaders said …": a second report with its own subject
                || (matches!(token(doc, t + 1), "and" | "but") && reports_next(doc, t + 2, last))
                // "While Comey has said that …, Lewandowski said …": the main clause's report
                // (", which critics called “…,” would bring …": an aside inside the clause,
                // closed by a comma before the clause's own verb)
                || (reports_next(doc, t + 1, last)
                    && !(matches!(token(doc, t + 1), "which" | "who" | "whom")
                        && (t + 2..last.saturating_sub(1)).any(|x| {
                            let after = if doc.tokens[x + 1].kind == TokenKind::QuoteMark {
                                x + 2
                            } else {
                                x + 1
                            };
                            token(doc, x) == "," && after < last && is_auxiliary(token(doc, after))
                        })))
                // "Cruz, who says CLAUSE, said …": the outer sentence's own verb
                || (speech::cue_lemma(token(doc, t + 1)).is_some()
                    && token(doc, t + 1).ends_with(['d', 's'])
                    && token(doc, t + 1).starts_with(char::is_lowercase))
                // ", I laughed …": a main clause of the writer's after the report
                || (matches!(token(doc, t + 1), "I" | "he" | "she" | "they" | "we")
                    && t + 2 < last
                    && is_past_form(token(doc, t + 2)))
                // ", citing her work ...", ", adding that ...": an appended participle clause
                || is_appended_participle(token(doc, t + 1))
                // ", despite …", ", while …": the writer's adverbial clause after the report
                // (one closed by a comma is an aside inside it: "Trump, despite his wealth, is")
                || (matches!(
                    token(doc, t + 1),
                    "despite" | "while" | "whether" | "although" | "though" | "even"
                ) && !(t + 2..last).any(|x| token(doc, x) == ",")));
        // "would be more intense — and he noted …": a new clause after a lone dash
        // (a pair of dashes encloses an aside inside the clause)
        let is_dash = |x: usize| {
            let sp = doc.tokens[x].span;
            matches!(token(doc, x), "—" | "–" | "--" | "-")
                && doc.text[..sp.start].ends_with(char::is_whitespace)
                && doc.text[sp.end..].starts_with(char::is_whitespace)
        };
        let dash = is_dash(t)
            && !(t + 1..last).any(is_dash)
            && t + 1 < last
            && matches!(token(doc, t + 1), "and" | "but");
        if (new_clause || dash) && t > j {
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
/// start or a comma, opening with a capital or a determiner; before a speech verb
/// (`speech_verb`) it may join nouns with "and".
fn subject_np(
    doc: &Document,
    k: usize,
    lo: usize,
    cue: Span,
    speech_verb: bool,
) -> Option<Attribution> {
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
        // "Her advisers and allies say", "Experts on North Korea and nuclear nonproliferation
        // said": nouns joined before a speech verb (not before a learned cue: "Sanders and
        // Clinton share some views" reports nothing)
        if speech_verb && w == "and" && a < k {
            a = p;
            continue;
        }
        if (is_clause_link(w) && w != "so") || is_auxiliary(w) {
            return None;
        }
        a = p;
    }
    if a == k || token(doc, a) == "and" {
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

/// A reported clause that PolNeAR gives no source: "is expected to …", "Asked whether …".
fn sourceless(span: Span, cue: Span) -> Quote {
    Quote {
        span,
        kind: QuoteKind::Indirect,
        speaker: None,
        speaker_mention: None,
        cue: Some(cue),
        confidence: 0.5,
        continues: None,
    }
}

/// Expectations nobody is named for: "Trump is expected to deliver a victory speech later
/// tonight", "rivals are widely expected to quit the race". PolNeAR marks them as attributions
/// without a source whose content is the whole clause, the cue ("is expected") inside it.
/// Sentences that already hold a quote are left alone.
pub fn expectations(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for sent in &doc.sentences {
        if quotes.iter().any(|q| q.span.overlaps(*sent)) {
            continue;
        }
        let first = doc.token_at_or_after(sent.start);
        let last = first + doc.tokens_in(*sent).len();
        // "is expected to", "seemed (to)", "appears to" (not the bare "seem": "they seem to
        // like it" was a report in under a quarter of PolNeAR train cases)
        let seems = |k: usize| match token(doc, k) {
            "seems" | "seemed" => true,
            "appear" | "appears" | "appeared" => token(doc, k + 1) == "to",
            _ => false,
        };
        let Some(k) = (first + 1..last.saturating_sub(2)).find(|&k| {
            (token(doc, k) == "expected" && token(doc, k + 1) == "to" || seems(k))
                && !in_quote(doc, doc.tokens[k].span.start)
        }) else {
            continue;
        };
        // "is expected", "are not widely expected"
        let mut b = k;
        while b > first && matches!(token(doc, b - 1), "not" | "widely" | "also" | "still") {
            b -= 1;
        }
        let cue_start = if seems(k) {
            b
        } else if b > first && matches!(token(doc, b - 1), "is" | "are" | "was" | "were") {
            b - 1
        } else {
            continue;
        };
        let b = cue_start + 1;
        let mut start = first;
        if matches!(token(doc, start), "But" | "And" | "So" | "Still" | "Yet") {
            start += 1;
        }
        if start >= b - 1 || doc.tokens[start].kind != TokenKind::Word {
            continue;
        }
        let end = clause_end(doc, k + 1, last);
        out.push(sourceless(
            Span::new(doc.tokens[start].span.start, end),
            Span::new(doc.tokens[cue_start].span.start, doc.tokens[k].span.end),
        ));
    }
    out
}

/// True when cue token `k` is a participle "asked" opening its sentence ("Asked whether …,",
/// "When asked if …,"): the question asked of the sentence's subject, with no asker named.
fn opening_asked(doc: &Document, k: usize, first: usize) -> bool {
    token(doc, k).eq_ignore_ascii_case("asked")
        && (k == first
            || k == first + 1 && matches!(token(doc, first), "When" | "Once" | "If" | "After"))
}

/// "Asked whether the council should act, 59 percent said …": PolNeAR gives the question as an
/// attribution without a source, "asked" its cue, up to the comma that closes it.
pub fn opening_questions(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for sent in &doc.sentences {
        let first = doc.token_at_or_after(sent.start);
        let last = first + doc.tokens_in(*sent).len();
        let Some(k) = (first..(first + 2).min(last)).find(|&k| opening_asked(doc, k, first)) else {
            out.extend(later_questions(doc, first, last, quotes));
            continue;
        };
        let mut j = k + 1;
        // "Asked about the plan, …", "Asked on Fox News who leads …"
        if j < last && matches!(token(doc, j), "about" | "on" | "by" | "in") {
            continue;
        }
        if j >= last || !(is_question_word(token(doc, j)) || token(doc, j) == "specifically") {
            continue;
        }
        if token(doc, j) == "specifically" {
            j += 1;
        }
        // "When asked why, Sembler responded …": the question word alone
        let from = if matches!(token(doc, j), "why" | "how") {
            j + 1
        } else {
            j + 2
        };
        let Some(comma) = (from..last).find(|&t| token(doc, t) == ",") else {
            continue;
        };
        let span = Span::new(doc.tokens[j].span.start, doc.tokens[comma - 1].span.end);
        if quotes.iter().any(|q| q.span.overlaps(span)) {
            continue;
        }
        out.push(sourceless(span, doc.tokens[k].span));
    }
    out
}

/// "…, said when asked how Trump digests the news.", "he had been asked to preserve them": a
/// question or request after a later "asked" in the sentence, also without a source (PolNeAR
/// gives most of them none).
fn later_questions(doc: &Document, first: usize, last: usize, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for k in first + 1..last.saturating_sub(3) {
        if token(doc, k) != "asked" || in_quote(doc, doc.tokens[k].span.start) {
            continue;
        }
        let j = k + 1;
        let question = matches!(
            token(doc, j),
            "whether" | "if" | "what" | "why" | "how" | "who" | "when"
        );
        let request = token(doc, j) == "to"
            && matches!(
                token(doc, k - 1),
                "was" | "were" | "been" | "being" | "is" | "are"
            );
        if !question && !request {
            continue;
        }
        let mut end = clause_end(doc, j, last);
        if let Some(comma) = (j + 2..last).find(|&t| token(doc, t) == ",") {
            end = end.min(doc.tokens[comma - 1].span.end);
        }
        let span = Span::new(doc.tokens[j].span.start, end);
        if word_count(doc, span) < 3
            || quotes
                .iter()
                .chain(out.iter())
                .any(|q| q.span.overlaps(span))
        {
            continue;
        }
        out.push(sourceless(span, doc.tokens[k].span));
    }
    out
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
        // a direct quote whose sentence runs on past its closing mark to the attribution
        // ("“You squeezed employees” to drive up the stock price, she said"): PolNeAR's content
        // is the whole stretch, as for a partial quote
        let runs_on = q.kind == QuoteKind::Direct
            && cue.start > q.span.end
            && !doc.slice(q.span).trim_end().ends_with([',', '.', '!', '?'])
            && {
                let mark = doc.token_at_or_after(q.span.end);
                doc.tokens.get(mark + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && doc.slice(t.span).starts_with(char::is_lowercase)
                        && q.speaker_mention.is_none_or(|m| m.start > t.span.start)
                })
            };
        if q.kind != QuoteKind::Partial && !runs_on
            || q.speaker_mention.is_none() && q.speaker.is_none()
        {
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
        // the cue of a direct quote before it ("“…,” says Jorge Llamas, 31, …, but he was
        // shocked by the "gun show loophole"") reports that quote, not a clause after it
        let reports_direct = quotes
            .iter()
            .any(|d| d.kind == QuoteKind::Direct && d.cue == Some(cue) && d.span.end <= cue.start);
        if !sent.contains(cue) || set_off(doc, q) || reports_direct && cue.end <= q.span.start {
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
            // "said at an event in Colorado Springs that …", "explained earlier in the
            // hearing that …": a place or time phrase before a later "that"
            if j < last
                && (is_preposition(token(doc, j)) || matches!(token(doc, j), "earlier" | "later"))
            {
                let q_tok = doc.token_at_or_after(q.span.start);
                if let Some(t) = (j..q_tok.min(j + 14)).find(|&t| token(doc, t) == "that") {
                    j = t;
                }
            }
            if j < last && token(doc, j) == "that" {
                j += 1;
            }
            if j >= last {
                continue;
            }
            let mut end = clause_end(doc, j, last);
            // "called the merger “a terrible deal” and ranked …", "called the KKK “abhorrent”
            // in a tweet": the naming ends with the quoted name, unless the clause goes on
            // ("calling it a “no-brainer” to prosecute")
            let naming = matches!(
                speech::cue_lemma(doc.slice(cue)),
                Some("call" | "label" | "brand")
            ) || matches!(doc.slice(cue), "dubbed" | "termed" | "deemed");
            let more_quotes = doc
                .quoted
                .iter()
                .any(|r| r.open.start > q.span.end && r.open.start < end);
            if naming && !more_quotes && !matches!(token(doc, j), "on" | "for") {
                let mark = doc.token_at_or_after(q.span.end);
                let next = doc.tokens.get(mark + 1).map_or("", |t| doc.slice(t.span));
                if !matches!(next, "to" | "that" | "for" | "because") {
                    // the closing mark stays with its opening one
                    let close = doc
                        .tokens
                        .get(mark)
                        .filter(|t| t.kind == TokenKind::QuoteMark)
                        .map_or(q.span.end, |t| t.span.end);
                    end = end.min(close);
                }
            }
            Span::new(doc.tokens[j].span.start, end)
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

/// True when a quote is a sentence of its own set off by a comma or a dash from the words
/// before it ("Trump saying during the debate last week, “That makes me smart,” when …",
/// "treating the remark as a compliment -- ''That makes me smart''"): quoted speech, not words
/// of a reported clause around it.
fn set_off(doc: &Document, q: &Quote) -> bool {
    let t = doc.token_at_or_after(q.span.start);
    let mut j = t;
    while j > 0 && doc.tokens[j - 1].kind == TokenKind::QuoteMark {
        j -= 1;
    }
    j > 0
        && matches!(token(doc, j - 1), "," | "—" | "–" | "-" | "--")
        && crate::opens_sentence(doc.slice(q.span))
}

/// A reported clause after its cue ends with the last partial quote inside it when a comma, a
/// dash or a time phrase follows that quote: "criticized ⟦the Affordable Care Act as a “crazy
/// system”⟧ during a campaign stop", "claim that ⟦people would ''learn nothing''⟧, there
/// would be …" (PolNeAR's contents stop there).
pub fn end_at_partials(doc: &Document, quotes: &mut [Quote]) {
    let partial_ends: Vec<usize> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .map(|q| q.span.end)
        .collect();
    for c in quotes.iter_mut() {
        if c.kind != QuoteKind::Indirect || c.cue.is_none_or(|cue| cue.end > c.span.start) {
            continue;
        }
        let Some(end) = partial_ends
            .iter()
            .copied()
            .filter(|&e| c.span.start < e && e < c.span.end)
            .max()
        else {
            continue;
        };
        let mark = doc.token_at_or_after(end);
        if doc
            .tokens
            .get(mark)
            .is_none_or(|t| t.kind != TokenKind::QuoteMark)
        {
            continue;
        }
        let mut next = mark + 1;
        // the closing mark ends the clause: nothing follows it to cut
        if doc
            .tokens
            .get(next)
            .is_some_and(|t| t.span.start >= c.span.end)
        {
            continue;
        }
        while next < doc.tokens.len() && doc.tokens[next].kind == TokenKind::QuoteMark {
            next += 1;
        }
        let Some(t) = doc.tokens.get(next) else {
            continue;
        };
        if t.span.start >= c.span.end {
            continue;
        }
        let before_mark = doc.slice(Span::new(c.span.start, end)).trim_end();
        let comma_inside = before_mark.ends_with(',');
        let w = doc.slice(t.span);
        let cut = comma_inside
            || matches!(
                w,
                "," | ";"
                    | "—"
                    | "–"
                    | "-"
                    | "--"
                    | "during"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "since"
                    | "despite"
                    | "amid"
                    | "at"
            );
        if cut {
            c.span = Span::new(c.span.start, end);
        }
    }
}

/// Quoted words inside a reported clause that the partial-quote rules passed over (a quote
/// with no speech verb next to it, a nickname): "it referenced "political tensions" in …",
/// "the move reeks of “fear” and desperation". Inside a report they are the speaker's words,
/// so each becomes a partial quote of the clause's attribution. Titles stay out ("said on
/// NBC's ''Meet the Press'' that …").
pub fn inner_partials(doc: &Document, quotes: &[Quote]) -> Vec<Quote> {
    let mut out = Vec::new();
    for c in quotes {
        let Some(cue) = c.cue else { continue };
        if c.kind != QuoteKind::Indirect || c.speaker_mention.is_none() {
            continue;
        }
        // the regions (in text order) that open inside the clause
        let first = doc.quoted.partition_point(|r| r.open.start < c.span.start);
        let inside = doc.quoted[first..]
            .iter()
            .take_while(|r| r.open.start < c.span.end);
        for r in inside {
            let outer = Span::new(r.open.start, r.close.map_or(r.content.end, |m| m.end));
            if r.content.end > c.span.end
                || r.content.is_empty()
                || crate::looks_like_title(doc.slice(r.content))
                || quotes
                    .iter()
                    .chain(out.iter())
                    .any(|q| q.kind != QuoteKind::Indirect && q.span == r.content)
                || (outer.start < cue.end && cue.start < outer.end)
            {
                continue;
            }
            out.push(Quote {
                span: r.content,
                kind: QuoteKind::Partial,
                ..*c
            });
        }
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
            // it no longer runs on from the quote it inherited from
            q.continues = None;
        }
    }
}
