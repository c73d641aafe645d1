//! Recognising time expressions among one sentence's tokens.
//!
//! The scanner walks the tokens left to right. At each token it tries the patterns that can
//! start there, chosen by the token's word class; each pattern extends itself as far as it can
//! ("Monday" → "Monday afternoon" → "Monday at 3pm"). The scan goes on after a match, so matches
//! come out in text order and never overlap. Signal words ("on", "in", "since") are looked at but
//! never start a match, so they stay out of the spans. Tense is only looked up when an
//! expression needs it (a bare weekday, month or season, "overnight", "the day before").
//!
//! This file holds the dispatch and the word patterns (days, weeks, months, seasons, years,
//! dates, "the ..." phrases); `numeric` holds clock times, counted units, hyphenated modifiers
//! and sets; `tense` the clause tense.

mod numeric;
mod tense;

use crate::lexicon::{self, Unit, W};
use crate::resolve::{DayRef, Expr, Rel};
use crate::token::{Kind, Tok};
use byline_doc::TimeType;
use chrono::NaiveDate;
use numeric::{duration, Amount};
use tense::Tense;

/// A match: the token index after it, and what it says.
type Hit = Option<(usize, Expr)>;

/// A recognised expression, in document byte offsets.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// What it says.
    pub expr: Expr,
}

/// Scans the tokens of one sentence.
pub(crate) struct Scanner<'t, 'a> {
    toks: &'t [Tok<'a>],
}

impl<'t, 'a> Scanner<'t, 'a> {
    /// A scanner over one sentence's tokens.
    pub(crate) fn new(toks: &'t [Tok<'a>]) -> Self {
        Scanner { toks }
    }

    /// Appends every expression found, in order, to `out`.
    pub(crate) fn scan(&self, out: &mut Vec<Found>) {
        let mut i = 0;
        while let Some(first) = self.toks.get(i) {
            let hit = self.match_at(i).filter(|(end, _)| *end > i);
            match hit.and_then(|(end, expr)| Some((end, self.toks.get(end - 1)?.end, expr))) {
                Some((end, last, expr)) => {
                    out.push(Found {
                        start: first.start,
                        end: last,
                        expr,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    // ----- token access -------------------------------------------------------------------

    fn w(&self, k: usize) -> W {
        self.toks.get(k).map_or(W::Other, |t| t.w)
    }

    fn is(&self, k: usize, word: &str) -> bool {
        self.toks.get(k).is_some_and(|t| t.is(word))
    }

    fn punct(&self, k: usize, c: char) -> bool {
        self.toks.get(k).is_some_and(|t| t.is_punct(c))
    }

    fn prev(&self, k: usize) -> Option<&Tok<'a>> {
        k.checked_sub(1).and_then(|p| self.toks.get(p))
    }

    fn unit(&self, k: usize) -> Option<(Unit, bool)> {
        match self.w(k) {
            W::Unit(u, plural) => Some((u, plural)),
            _ => None,
        }
    }

    /// True when token `k` follows a capitalised word in mid-sentence ("USA Today").
    fn after_name(&self, k: usize) -> bool {
        k >= 2
            && self
                .prev(k)
                .is_some_and(|p| p.kind == Kind::Word && p.is_capitalised())
    }

    /// True when only punctuation (an opening quote) comes before token `k`.
    fn at_start(&self, k: usize) -> bool {
        self.toks.iter().take(k).all(|t| t.kind == Kind::Punct)
    }

    // ----- dispatch -----------------------------------------------------------------------

    fn match_at(&self, i: usize) -> Hit {
        let t = self.toks.get(i)?;
        let digit_led = t.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
        match t.kind {
            Kind::Punct => None,
            Kind::Num | Kind::NumSep => self.numeric(i),
            Kind::Word if t.hyphen => self.hyphenated(i).or_else(|| self.counted(i)),
            Kind::Word if digit_led => self.numeric(i),
            Kind::Word => self.word(i, t),
        }
    }

    fn word(&self, i: usize, t: &Tok<'a>) -> Hit {
        match t.w {
            // "USA Today" is a newspaper.
            W::Today | W::Tonight if t.is_capitalised() && self.after_name(i) => None,
            W::Today | W::Yesterday | W::Tomorrow | W::Tonight => self.day_word(i),
            W::Overnight => {
                let offset = if self.tense(i, i + 1) == Tense::Future {
                    0
                } else {
                    -1
                };
                Some((i + 1, Expr::Day(DayRef::Offset(offset), Some("NI"))))
            }
            W::This | W::Last | W::Next => self.deictic(i),
            W::Earlier | W::Later => self.earlier(i),
            W::Early | W::Late => self.early(i),
            W::Past | W::Coming => self.modified(i),
            W::Weekday(_) => self.weekday(i, i, None),
            W::Weekdays(d) => Some((i + 1, Expr::Set(format!("XXXX-WXX-{}", d + 1)))),
            W::Month(..) => self.month(i, self.month_context(i)),
            W::The => self.the(i),
            W::A => self.article(i),
            W::Half => self.half(i),
            W::Every | W::Each => self.every(i),
            W::Once | W::Twice => self.per_set(i + 1),
            W::Per => self.per_set(i),
            // "Daily" mid-sentence is a title ("the Daily Mail").
            W::SetAdv(v) if !t.is_capitalised() || self.at_start(i) => {
                Some((i + 1, Expr::Set(v.to_string())))
            }
            W::Noon | W::Midnight => self.clock_expr(i),
            W::Recent | W::Vague => self.vague(i),
            W::QuarterN(q) => Some(self.quarter(i, i + 1, q)),
            W::Season(code) => self.bare_season(i, code),
            _ => self.counted(i),
        }
    }

    // ----- days ---------------------------------------------------------------------------

    /// "today", "yesterday afternoon", "tomorrow at 10am", "tonight".
    fn day_word(&self, i: usize) -> Hit {
        let (offset, mut part) = match self.w(i) {
            W::Yesterday => (-1, None),
            W::Tomorrow => (1, None),
            W::Tonight => (0, Some("NI")),
            _ => (0, None),
        };
        let mut end = i + 1;
        if let (W::Part(p), true) = (self.w(end), offset != 0) {
            part = Some(p);
            end += 1;
        }
        Some(self.with_clock(end, DayRef::Offset(offset), part))
    }

    /// A day expression ending before `end`, extended by a clock time ("Monday at 3pm").
    fn with_clock(&self, end: usize, day: DayRef, part: Option<&'static str>) -> (usize, Expr) {
        let k = if self.is(end, "at") || self.punct(end, ',') {
            end + 1
        } else {
            end
        };
        match self.clock_at(k) {
            Some((e, h, m)) => (e, Expr::Clock(day, h, m)),
            None => (end, Expr::Day(day, part)),
        }
    }

    /// A weekday at `j` (the expression starts at `start`, before any modifier).
    fn weekday(&self, j: usize, start: usize, rel: Option<Rel>) -> Hit {
        let W::Weekday(d) = self.w(j) else {
            return None;
        };
        let named = start == j
            && self
                .prev(j)
                .is_some_and(|p| lexicon::is_named_day_prefix(p.text));
        if named
            || self
                .toks
                .get(j + 1)
                .is_some_and(|n| lexicon::is_title_word(n.text))
        {
            return None;
        }
        let k = if self.punct(j + 1, ',') { j + 2 } else { j + 1 };
        if let Some((e, day)) = self.date_at(k) {
            return Some(self.with_clock(e, day, None));
        }
        let (end, part) = match self.w(j + 1) {
            W::Part(p) => (j + 2, Some(p)),
            _ => (j + 1, None),
        };
        let rel = rel.unwrap_or_else(|| self.weekday_rel(start, end));
        Some(self.with_clock(end, DayRef::Weekday(d, rel), part))
    }

    /// "this week", "last month", "next year", "this afternoon", "last night", "next Monday".
    fn deictic(&self, i: usize) -> Hit {
        let w = self.w(i);
        let (shift, rel) = match w {
            W::Last => (-1, Rel::Last),
            W::Next => (1, Rel::Next),
            _ => (0, Rel::This),
        };
        let j = i + 1;
        // "fall" is a season only after this/last/next ("the fall of Kabul" is not)
        let season_fall = self.is(j, "fall").then_some(W::Season("FA"));
        let expr = match season_fall.unwrap_or(self.w(j)) {
            W::Unit(
                u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century),
                false,
            ) => Expr::Shift(u, shift),
            W::Weekend => Expr::Weekend(rel),
            W::Quarter => Expr::QuarterShift(shift),
            W::Season(code) => Expr::Season {
                code,
                year: None,
                rel,
            },
            W::Month(month, false) => Expr::Month {
                year: None,
                month,
                rel,
            },
            W::Weekday(_) => {
                let rel = match (w, self.tense(i, j + 1)) {
                    (W::This, Tense::Past) => Rel::Past,
                    (W::This, _) => Rel::Upcoming,
                    _ => rel,
                };
                return self.weekday(j, i, Some(rel));
            }
            W::Part(p) if w == W::This => {
                return Some(self.with_clock(j + 1, DayRef::Offset(0), Some(p)));
            }
            W::Part("NI") if w == W::Last => {
                return Some(self.with_clock(j + 1, DayRef::Offset(-1), Some("NI")));
            }
            _ if w == W::This => return None,
            // "expected to last two days": the verb, not the modifier
            _ if w == W::Last && self.prev(i).is_some_and(|p| lexicon::is_modal(p.text)) => {
                return None
            }
            _ => return self.modified(i),
        };
        Some((j + 1, expr))
    }

    /// "earlier today", "later this year".
    fn earlier(&self, i: usize) -> Hit {
        match self.w(i + 1) {
            W::Today | W::Yesterday | W::Tomorrow | W::Tonight => self.day_word(i + 1),
            W::This => self.deictic(i + 1),
            _ => None,
        }
    }

    /// "early June", "late last year", "early 2024", "late summer".
    fn early(&self, i: usize) -> Hit {
        let j = i + 1;
        match self.w(j) {
            W::Month(..) => self.month(j, true),
            W::This | W::Last | W::Next => self.deictic(j),
            W::Weekday(_) => self.weekday(j, i, None),
            W::Season(code) => Some(self.season_at(i, j, code)),
            _ => self.period_token(j),
        }
    }

    /// A year ("2024") or decade ("1990s", "mid-1990s") token at `j`.
    fn period_token(&self, j: usize) -> Hit {
        let t = self.toks.get(j)?;
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, Expr::Year(y)));
        }
        let text = match t.text.split_once('-') {
            Some((pre, rest)) if is_edge_prefix(pre) => rest,
            Some(_) => return None,
            None => t.text,
        };
        decade(text).map(|d| (j + 1, Expr::Decade(d)))
    }

    /// Phrases starting with "the".
    fn the(&self, i: usize) -> Hit {
        let j = i + 1;
        match self.w(j) {
            W::Unit(Unit::Day, false) if matches!(self.w(j + 1), W::Before | W::After) => {
                Some(self.day_before(j + 1))
            }
            W::Ordinal(n) => self.the_ordinal(i, j, n),
            W::Edge if self.w(j + 1) == W::Of => self.edge_of(i, j + 2),
            W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following => {
                self.modified(j).or_else(|| self.the_single(j))
            }
            W::Weekend => Some((j + 1, Expr::Weekend(self.period_rel(i, j + 1)))),
            W::Season(code) => Some(self.season_at(i, j, code)),
            W::Early | W::Late => match self.period_token(j + 1) {
                Some((e, expr @ Expr::Decade(_))) => Some((e, expr)),
                _ => None,
            },
            _ => match self.period_token(j) {
                Some((e, expr @ Expr::Decade(_))) => Some((e, expr)),
                _ => None,
            },
        }
    }

    /// "the day before" / "the day after" (`k` is "before" or "after"): the anchor when a
    /// present- or future-tense clause follows ("the day before leaders are set to meet"),
    /// else the day before or after the anchor.
    fn day_before(&self, k: usize) -> (usize, Expr) {
        let before = self.w(k) == W::Before;
        let end = k + 1;
        match (self.w(end), before) {
            (W::Yesterday, true) => return (end + 1, Expr::Day(DayRef::Offset(-2), None)),
            (W::Tomorrow, false) => return (end + 1, Expr::Day(DayRef::Offset(2), None)),
            _ => {}
        }
        let clause = self.toks.get(end).is_some_and(|t| t.kind != Kind::Punct)
            && self.strongest(end, self.clause_end(end)) >= Tense::Present;
        let offset = match (clause, before) {
            (true, _) => 0,
            (false, true) => -1,
            (false, false) => 1,
        };
        (end, Expr::Day(DayRef::Offset(offset), None))
    }

    /// "the 89th minute", "the 21st century", "the first quarter", "the 23rd of June".
    fn the_ordinal(&self, i: usize, j: usize, n: u64) -> Hit {
        match self.w(j + 1) {
            W::Unit(Unit::Minute, false) => Some((j + 2, Expr::Unresolved(TimeType::Time))),
            W::Unit(Unit::Century, false) if (1..=100).contains(&n) => {
                Some((j + 2, Expr::Century(i32::try_from(n - 1).ok()?)))
            }
            W::Quarter if (1..=4).contains(&n) => {
                let q = u32::try_from(n).ok()?;
                Some(self.quarter(i, j + 2, q))
            }
            // "the first half of the year" (a bare "the first half" is a match's)
            W::Half if (1..=2).contains(&n) && self.w(j + 2) == W::Of => {
                let half = u32::try_from(n).ok()?;
                let (end, year, shift) = self.year_ref(j + 3)?;
                Some((end, Expr::HalfYear { half, year, shift }))
            }
            _ => {
                let (e, day) = self.date_at(j)?;
                Some(self.with_clock(e, day, None))
            }
        }
    }

    /// A quarter `q` whose words end before `k`, with an optional year after ("of 2024").
    fn quarter(&self, a: usize, k: usize, q: u32) -> (usize, Expr) {
        let of = usize::from(self.w(k) == W::Of);
        match self.year_at(k + of) {
            Some(y) => (
                k + of + 1,
                Expr::Quarter {
                    q,
                    year: Some(y),
                    rel: Rel::This,
                },
            ),
            None => (
                k,
                Expr::Quarter {
                    q,
                    year: None,
                    rel: self.period_rel(a, k),
                },
            ),
        }
    }

    /// A year after "of": "the year", "this year", "last year", "2024" → (end, year, shift).
    fn year_ref(&self, k: usize) -> Option<(usize, Option<i32>, i64)> {
        let shift = match self.w(k) {
            W::The | W::This => 0,
            W::Last => -1,
            W::Next => 1,
            _ => return self.year_at(k).map(|y| (k + 1, Some(y), 0)),
        };
        (self.unit(k + 1) == Some((Unit::Year, false))).then_some((k + 2, None, shift))
    }

    /// "the end of the year", "the start of next month", "the end of June", "the end of 2024"
    /// (`k` is the token after "of").
    fn edge_of(&self, a: usize, k: usize) -> Hit {
        let shift = match self.w(k) {
            W::The | W::This => Some(0),
            W::Last => Some(-1),
            W::Next => Some(1),
            _ => None,
        };
        if let Some(shift) = shift {
            return match self.unit(k + 1) {
                Some((
                    u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Decade | Unit::Century),
                    false,
                )) => Some((k + 2, Expr::Shift(u, shift))),
                _ => None,
            };
        }
        match self.w(k) {
            W::Month(..) => self.month(k, true),
            W::Season(code) => Some(self.season_at(a, k, code)),
            _ => self.year_at(k).map(|y| (k + 1, Expr::Year(y))),
        }
    }

    /// "the past week" (a duration), "the next day" (no calendar value): modifier at `j`.
    fn the_single(&self, j: usize) -> Hit {
        let (u, plural) = self.unit(j + 1)?;
        if plural {
            return None;
        }
        let span_signal = j >= 2
            && self.toks.get(j - 2).is_some_and(|p| {
                ["over", "for", "within", "during", "in"]
                    .iter()
                    .any(|s| p.is(s))
            });
        match (self.w(j), u) {
            // "over the next decade" is a duration
            (W::Next | W::Coming, Unit::Week | Unit::Month | Unit::Year | Unit::Decade)
            | (W::Next | W::Coming, Unit::Century)
                if span_signal =>
            {
                Some((j + 2, Expr::Duration(duration(Amount::Int(1), u)?)))
            }
            // "at the last minute", "on the last day" are no durations.
            (W::Past | W::Last, Unit::Minute | Unit::Second | Unit::Fortnight) => None,
            (W::Last, Unit::Day) => None,
            (W::Past | W::Last, u) => Some((j + 2, Expr::Duration(duration(Amount::Int(1), u)?))),
            (_, Unit::Day | Unit::Week | Unit::Month | Unit::Year) => {
                Some((j + 2, Expr::Unresolved(TimeType::Date)))
            }
            _ => None,
        }
    }

    /// "past two years", "next few days", "coming weeks" (modifier at `j`).
    fn modified(&self, j: usize) -> Hit {
        if let Some((k, n)) = self.amount_at(j + 1) {
            if let Some((u, _)) = self.unit(k) {
                return Some((k + 1, Expr::Duration(duration(n, u)?)));
            }
        }
        match (self.w(j + 1), self.unit(j + 1), self.unit(j + 2)) {
            (W::Vague, _, Some((_, true))) => Some((j + 3, Expr::Unresolved(TimeType::Duration))),
            (_, Some((_, true)), _) if matches!(self.w(j), W::Past | W::Coming) => {
                Some((j + 2, Expr::Unresolved(TimeType::Duration)))
            }
            _ => None,
        }
    }

    // ----- months, seasons, years -----------------------------------------------------------

    /// True when a bare month name at `i` has a signal word before it ("in March").
    fn month_context(&self, i: usize) -> bool {
        let Some(p) = self.prev(i) else {
            return false;
        };
        if lexicon::is_month_signal(p.text) || matches!(p.w, W::Early | W::Late | W::Mid) {
            return true;
        }
        let joins = p.is("and") || p.is("to") || p.is("or") || p.is_punct('-') || p.is_punct('–');
        joins && matches!(self.w(i.saturating_sub(2)), W::Month(..))
    }

    /// A month at `j`: a date ("June 23, 2025"), month and year, or (with `ctx_ok`) a bare month.
    fn month(&self, j: usize, ctx_ok: bool) -> Hit {
        if let Some((e, day)) = self.month_day(j) {
            return Some(self.with_clock(e, day, None));
        }
        let W::Month(month, abbrev) = self.w(j) else {
            return None;
        };
        let k = self.after_month(j, abbrev);
        if let Some(y) = self.year_at(k) {
            return Some((
                k + 1,
                Expr::Month {
                    year: Some(y),
                    month,
                    rel: Rel::This,
                },
            ));
        }
        // "May last year", "in June this year"
        if let Some((end, None, shift)) = self.year_ref(k).filter(|_| self.w(k) != W::The) {
            return Some((end, Expr::MonthShift(month, shift)));
        }
        if abbrev || !ctx_ok {
            return None;
        }
        Some((
            j + 1,
            Expr::Month {
                year: None,
                month,
                rel: self.period_rel(j, j + 1),
            },
        ))
    }

    /// A season word at `j`, with an optional year ("summer 2024", "the spring of 2024").
    fn season_at(&self, a: usize, j: usize, code: &'static str) -> (usize, Expr) {
        let of = usize::from(self.w(j + 1) == W::Of);
        match self.year_at(j + 1 + of) {
            Some(y) => (
                j + 2 + of,
                Expr::Season {
                    code,
                    year: Some(y),
                    rel: Rel::This,
                },
            ),
            None => (
                j + 1,
                Expr::Season {
                    code,
                    year: None,
                    rel: self.period_rel(a, j + 1),
                },
            ),
        }
    }

    /// A bare season needs a signal word or a year: "in spring", "summer 2024".
    fn bare_season(&self, i: usize, code: &'static str) -> Hit {
        let signal = self
            .prev(i)
            .is_some_and(|p| lexicon::is_month_signal(p.text));
        (signal || self.year_at(i + 1).is_some()).then(|| self.season_at(i, i, code))
    }

    /// A four-digit year 1000..=2999 at `k` in a date or after a modifier.
    fn year_at(&self, k: usize) -> Option<i32> {
        let t = self.toks.get(k)?;
        if t.kind != Kind::Num || t.text.len() != 4 || self.unit(k + 1).is_some() {
            return None;
        }
        let y: i32 = t.text.parse().ok()?;
        (1000..=2999).contains(&y).then_some(y)
    }

    /// A bare year 1900..=2100 at `i`, only after a signal word ("in 2019", "since 2014").
    fn context_year(&self, i: usize) -> Option<i32> {
        let y = self.year_at(i).filter(|y| (1900..=2100).contains(y))?;
        let range =
            self.toks.get(i + 1).is_some_and(|n| {
                n.is("through") || n.is("to") || n.is_punct('-') || n.is_punct('–')
            }) && self.year_at(i + 2).is_some();
        let ok = match self.prev(i) {
            None => self.punct(i + 1, ',') || range,
            Some(p) => {
                let joins = p.is("and") || p.is("to") || p.is("or") || p.is("through");
                let joins = joins || p.is_punct('-') || p.is_punct('–');
                // "a total of 2000" is no year
                let amount_of = p.is("of")
                    && self
                        .prev(i - 1)
                        .is_some_and(|q| lexicon::is_amount_noun(q.text));
                (lexicon::is_year_signal(p.text) && !amount_of)
                    || matches!(p.w, W::Early | W::Late | W::Mid)
                    || (joins && self.year_at(i.saturating_sub(2)).is_some())
                    || (self.at_start(i) && self.punct(i + 1, ','))
                    || range
            }
        };
        ok.then_some(y)
    }

    // ----- dates ----------------------------------------------------------------------------

    /// An explicit date at `j`: "23 June 2025", "23rd of June", "June 23, 2025", "Jan. 5".
    fn date_at(&self, j: usize) -> Option<(usize, DayRef)> {
        self.day_month(j).or_else(|| self.month_day(j))
    }

    fn day_month(&self, j: usize) -> Option<(usize, DayRef)> {
        let (k, day) = self.day_num_at(j)?;
        let k = if self.w(k) == W::Of { k + 1 } else { k };
        let W::Month(month, abbrev) = self.w(k) else {
            return None;
        };
        let (end, year) = self.trailing_year(self.after_month(k, abbrev));
        valid_date(year, month, day).then_some((end, DayRef::Date { year, month, day }))
    }

    fn month_day(&self, j: usize) -> Option<(usize, DayRef)> {
        let W::Month(month, abbrev) = self.w(j) else {
            return None;
        };
        let (e, day) = self.day_num_at(self.after_month(j, abbrev))?;
        let (end, year) = self.trailing_year(e);
        valid_date(year, month, day).then_some((end, DayRef::Date { year, month, day }))
    }

    /// The token after a month name (and the period of an abbreviation: "Jan.").
    fn after_month(&self, j: usize, abbrev: bool) -> usize {
        if abbrev && self.punct(j + 1, '.') {
            j + 2
        } else {
            j + 1
        }
    }

    /// A day of the month at `k`: "23" or "23rd".
    fn day_num_at(&self, k: usize) -> Option<(usize, u32)> {
        let t = self.toks.get(k)?;
        let digit_led = t.text.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let d: u32 = match (t.kind, t.w) {
            (Kind::Num, _) if t.text.len() <= 2 => t.text.parse().ok()?,
            (Kind::Word, W::Ordinal(n)) if digit_led => u32::try_from(n).ok()?,
            _ => return None,
        };
        ((1..=31).contains(&d) && self.unit(k + 1).is_none()).then_some((k + 1, d))
    }

    /// An optional year after a date: "June 23 2025", "June 23, 2025".
    fn trailing_year(&self, e: usize) -> (usize, Option<i32>) {
        if let Some(y) = self.year_at(e) {
            return (e + 1, Some(y));
        }
        match (self.punct(e, ','), self.year_at(e + 1)) {
            (true, Some(y)) => (e + 2, Some(y)),
            _ => (e, None),
        }
    }
}

/// "mid", "early", "late" as hyphen prefixes ("mid-March").
fn is_edge_prefix(s: &str) -> bool {
    ["mid", "early", "late"]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(s))
}

/// A decade token ("1990s") → its first three digits.
fn decade(text: &str) -> Option<i32> {
    let digits = text.strip_suffix('s')?;
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (y % 10 == 0 && (1000..=2990).contains(&y)).then_some(y / 10)
}

/// "2025-06-23" → a date, if it is one.
fn iso_date(y: &str, m: &str, d: &str) -> Option<DayRef> {
    let all_digits = [y, m, d]
        .iter()
        .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits {
        return None;
    }
    let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    valid_date(Some(year), month, day).then_some(DayRef::Date {
        year: Some(year),
        month,
        day,
    })
}

/// True when month/day make a date (in `year`, or in some leap year when no year is given).
fn valid_date(year: Option<i32>, month: u32, day: u32) -> bool {
    NaiveDate::from_ymd_opt(year.unwrap_or(2024), month, day).is_some()
}
