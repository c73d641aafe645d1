//! Numbers in time expressions: clock times, counted units ("three weeks", "two years ago"),
//! hyphenated modifiers ("two-day"), sets ("every Monday", "twice a week") and vague amounts
//! ("recent weeks").

use super::{decade, is_edge_prefix, iso_date, Hit, Scanner};
use crate::lexicon::{self, Unit, W};
use crate::resolve::{DayRef, Expr};
use crate::token::{Kind, Tok};
use byline_doc::TimeType;
use byline_lexicon::{calendar, numbers};

/// A counted amount.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Amount {
    Int(u64),
    Dec(f64),
}

impl Amount {
    /// The amount multiplied by `m`, whole when it comes out whole.
    pub(super) fn times(self, m: u64) -> Option<Amount> {
        match self {
            Amount::Int(v) => v.checked_mul(m).map(Amount::Int),
            Amount::Dec(x) => {
                let v = x * m as f64;
                let whole = v.fract() == 0.0 && v < 1e15;
                Some(if whole {
                    Amount::Int(v as u64)
                } else {
                    Amount::Dec(v)
                })
            }
        }
    }
}

impl Scanner<'_, '_> {
    // ----- numbers --------------------------------------------------------------------------

    /// Tokens that start with a digit: clock times, dates, decades, years and counted units.
    pub(super) fn numeric(&self, i: usize) -> Hit {
        if self.is_money_or_percent(i) {
            return None;
        }
        if let Some(hit) = self.clock_expr(i) {
            return Some(hit);
        }
        if let Some((e, day)) = self.date_at(i) {
            return Some(self.with_clock(e, day, None));
        }
        if let Some(d) = self.toks.get(i).and_then(|t| decade(t.text)) {
            return Some((i + 1, Expr::Decade(d)));
        }
        if let Some(y) = self.context_year(i) {
            return Some((i + 1, Expr::Year(y)));
        }
        self.counted(i)
    }

    /// Numbers that are no count of time: "£2025", "$100", "2025%", "10 per cent", "1/2".
    fn is_money_or_percent(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let money = self.prev(i).is_some_and(|p| {
            p.kind == Kind::Punct
                && p.end == t.start
                && p.text.starts_with(['£', '$', '€', '¥', '/'])
        });
        let percent = self.toks.get(i + 1).is_some_and(|n| {
            (n.is_punct('%') && n.start == t.end) || n.is("percent") || n.is("per")
        });
        money || percent
    }

    /// A clock time at `i`, optionally followed by its day ("10am on Tuesday").
    pub(super) fn clock_expr(&self, i: usize) -> Hit {
        let (end, h, m) = self.clock_at(i)?;
        let k = if self.is(end, "on") || self.punct(end, ',') {
            end + 1
        } else {
            end
        };
        match self.day_at(i, k) {
            Some((e, day)) => Some((e, Expr::Clock(day, h, m))),
            None => Some((end, Expr::Clock(DayRef::Offset(0), h, m))),
        }
    }

    /// A day named after a clock time: "today", "yesterday", "last night", "Tuesday", a date.
    fn day_at(&self, a: usize, k: usize) -> Option<(usize, DayRef)> {
        match self.w(k) {
            W::Today | W::Tonight => Some((k + 1, DayRef::Offset(0))),
            W::Yesterday => Some((k + 1, DayRef::Offset(-1))),
            W::Tomorrow => Some((k + 1, DayRef::Offset(1))),
            W::This if matches!(self.w(k + 1), W::Part(_)) => Some((k + 2, DayRef::Offset(0))),
            W::Last if self.w(k + 1) == W::Part("NI") => Some((k + 2, DayRef::Offset(-1))),
            W::Weekday(d) => {
                let date = self.date_at(if self.punct(k + 1, ',') { k + 2 } else { k + 1 });
                date.or_else(|| Some((k + 1, DayRef::Weekday(d, self.weekday_rel(a, k + 1)))))
            }
            _ => self.date_at(k),
        }
    }

    /// A clock time at `k`: "3pm", "3.30 p.m.", "10:30", "noon", "3 o'clock" → (end, h, m).
    pub(super) fn clock_at(&self, k: usize) -> Option<(usize, u32, u32)> {
        let t = self.toks.get(k)?;
        match t.w {
            W::Noon => return Some((k + 1, 12, 0)),
            W::Midnight => return Some((k + 1, 0, 0)),
            _ => {}
        }
        if t.hyphen || !t.text.as_bytes().first()?.is_ascii_digit() {
            return None;
        }
        let split = t
            .text
            .find(|c: char| !matches!(c, '0'..='9' | '.' | ':'))
            .unwrap_or(t.text.len());
        let (num, suffix) = t.text.split_at(split);
        let (h, m, colon) = parse_hm(num)?;
        let (end, pm) = if suffix.is_empty() {
            self.meridiem_after(k + 1)
        } else {
            (k + 1, Some(meridiem(suffix)?))
        };
        match pm {
            Some(pm) if (1..=12).contains(&h) => Some((end, h % 12 + if pm { 12 } else { 0 }, m)),
            Some(_) => None,
            None if colon && h <= 23 => Some((k + 1, h, m)),
            None if self.w(k + 1) == W::OClock && (1..=12).contains(&h) && m == 0 => {
                Some((k + 2, h, 0))
            }
            None => None,
        }
    }

    /// "am", "pm", "a.m.", "p.m." at `j` → (end, is pm).
    fn meridiem_after(&self, j: usize) -> (usize, Option<bool>) {
        match self.w(j) {
            W::Am => return (j + 1, Some(false)),
            W::Pm => return (j + 1, Some(true)),
            _ => {}
        }
        let pm = if self.is(j, "p") {
            true
        } else if self.is(j, "a") {
            false
        } else {
            return (j, None);
        };
        if !(self.punct(j + 1, '.') && self.is(j + 2, "m")) {
            return (j, None);
        }
        let end = if self.punct(j + 3, '.') { j + 4 } else { j + 3 };
        (end, Some(pm))
    }

    /// A number followed by a unit: "three weeks", "10 years", "two years ago",
    /// "three times a week".
    pub(super) fn counted(&self, i: usize) -> Hit {
        let (k, n) = self.amount_at(i)?;
        if self.w(k) == W::Times {
            return self.per_set(k + 1);
        }
        let (unit, _) = self.unit(k)?;
        if self.w(k + 1) == W::Ago {
            let Amount::Int(n) = n else {
                return None;
            };
            return Some((k + 2, Expr::Ago(n, unit)));
        }
        if self.is(k + 1, "old") {
            return None;
        }
        // "one day" alone is a vague date ("one day, he will"), not a duration
        let one = self.is(i, "one") && k == i + 1;
        if one
            && !self
                .prev(i)
                .is_some_and(|p| lexicon::is_duration_signal(p.text))
        {
            return None;
        }
        Some((k + 1, Expr::Duration(duration(n, unit)?)))
    }

    /// A number at `i` in digits ("10", "1,000", "1.5") or words ("two hundred"), only read
    /// when a unit or "times" follows within a few tokens.
    pub(super) fn amount_at(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.toks.get(i)?;
        match t.kind {
            Kind::Num | Kind::NumSep => {
                let n = parse_amount(t.text)?;
                // "13.8 billion years"
                match self
                    .toks
                    .get(i + 1)
                    .filter(|m| numbers::is_multiplier(m.text))
                {
                    Some(m) => Some((i + 2, n.times(numbers::word_value(m.text)?)?)),
                    None => Some((i + 1, n)),
                }
            }
            Kind::Punct => None,
            Kind::Word => {
                // never start inside a number ("13.8 billion years")
                let after_digits = self
                    .prev(i)
                    .is_some_and(|p| matches!(p.kind, Kind::Num | Kind::NumSep));
                if after_digits && numbers::is_multiplier(t.text) {
                    return None;
                }
                let limit = (i + 5).min(self.toks.len());
                if !(i + 1..limit).any(|k| matches!(self.w(k), W::Unit(..) | W::Times)) {
                    return None;
                }
                let mut words = [""; 4];
                let mut k = i;
                while k < limit && k - i < words.len() {
                    let tok = &self.toks[k];
                    let and = k > i && tok.is("and");
                    if !and && !is_number_word(tok) {
                        break;
                    }
                    words[k - i] = tok.text;
                    k += 1;
                }
                let v = numbers::words_value(words.get(..k - i)?)?;
                (k > i).then_some((k, Amount::Int(v)))
            }
        }
    }

    /// Hyphenated words: "2025-06-23", "two-day", "100-year", "mid-March", "89th-minute".
    pub(super) fn hyphenated(&self, i: usize) -> Hit {
        let text = self.toks.get(i)?.text;
        let mut parts = [""; 5];
        let mut n = 0;
        for p in text.split('-') {
            *parts.get_mut(n)? = p;
            n += 1;
        }
        let expr = match parts.get(..n)? {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let day = iso_date(y, m, d)?;
                return Some(self.with_clock(i + 1, day, None));
            }
            [pre, rest] if is_edge_prefix(pre) => {
                if let Some(month) = calendar::month(rest) {
                    Expr::Month {
                        year: None,
                        month,
                        rel: self.period_rel(i, i + 1),
                    }
                } else if let Some(d) = decade(rest) {
                    Expr::Decade(d)
                } else {
                    let y: i32 = rest.parse().ok().filter(|_| rest.len() == 4)?;
                    Expr::Year(y)
                }
            }
            [ord, unit] if matches!(lexicon::classify(ord), W::Ordinal(_)) => {
                match (lexicon::classify(ord), unit_word(unit)) {
                    (_, Some(Unit::Minute)) => Expr::Unresolved(TimeType::Time),
                    (W::Ordinal(c @ 1..=100), Some(Unit::Century)) => {
                        Expr::Century(i32::try_from(c - 1).ok()?)
                    }
                    _ => Expr::Duration(hyphen_duration(parts.get(..n)?)?),
                }
            }
            // "decades-long"
            [unit, long] if long.eq_ignore_ascii_case("long") && is_plural_unit(unit) => {
                Expr::Unresolved(TimeType::Duration)
            }
            all => {
                // "the Six-Day War" is a name; "a 55-year old man" an age
                let named = all
                    .last()
                    .is_some_and(|u| u.starts_with(char::is_uppercase))
                    && !self.at_start(i);
                if named || self.is(i + 1, "old") {
                    return None;
                }
                Expr::Duration(hyphen_duration(all)?)
            }
        };
        Some((i + 1, expr))
    }

    // ----- sets and vague expressions -------------------------------------------------------

    /// "every Monday", "every year", "every two weeks", "every other day", "each summer".
    pub(super) fn every(&self, i: usize) -> Hit {
        let j = i + 1;
        let value = match self.w(j) {
            W::Weekday(d) => format!("XXXX-WXX-{}", d + 1),
            W::Weekend => "XXXX-WXX-WE".to_string(),
            W::Part(p) => format!("XXXX-XX-XXT{p}"),
            W::Season(c) => format!("XXXX-{c}"),
            W::Month(m, false) => format!("XXXX-{m:02}"),
            W::Unit(u, false) => duration(Amount::Int(1), u)?,
            W::OtherOne => {
                let (u, _) = self.unit(j + 1)?;
                return Some((j + 2, Expr::Set(duration(Amount::Int(2), u)?)));
            }
            _ => {
                let (k, n) = self.amount_at(j)?;
                let (u, _) = self.unit(k)?;
                return Some((k + 1, Expr::Set(duration(n, u)?)));
            }
        };
        Some((j + 1, Expr::Set(value)))
    }

    /// "a week" / "per year" / "every day" at `k`, after "once", "twice" or "N times".
    pub(super) fn per_set(&self, k: usize) -> Hit {
        if !matches!(self.w(k), W::A | W::Per | W::Every) {
            return None;
        }
        match self.unit(k + 1)? {
            (u, false) => Some((k + 2, Expr::Set(duration(Amount::Int(1), u)?))),
            _ => None,
        }
    }

    /// "a year ago", "for a year", "a few days".
    pub(super) fn article(&self, i: usize) -> Hit {
        match (self.w(i + 1), self.w(i + 2)) {
            (W::Unit(u, false), W::Ago) => Some((i + 3, Expr::Ago(1, u))),
            (W::Unit(u, false), _)
                if self
                    .prev(i)
                    .is_some_and(|p| lexicon::is_duration_signal(p.text)) =>
            {
                Some((i + 2, Expr::Duration(duration(Amount::Int(1), u)?)))
            }
            (W::Vague, W::Unit(_, true)) if self.is(i + 1, "few") => {
                let ago = self.w(i + 3) == W::Ago;
                let ttype = if ago {
                    TimeType::Date
                } else {
                    TimeType::Duration
                };
                Some((i + 3 + usize::from(ago), Expr::Unresolved(ttype)))
            }
            _ => None,
        }
    }

    /// "half an hour", "half a century".
    pub(super) fn half(&self, i: usize) -> Hit {
        match (self.w(i + 1), self.unit(i + 2)?) {
            (W::A, (u, false)) => Some((i + 3, Expr::Duration(duration(Amount::Dec(0.5), u)?))),
            _ => None,
        }
    }

    /// "recent days", "several years", "many months ago": no calendar value.
    pub(super) fn vague(&self, i: usize) -> Hit {
        let (_, true) = self.unit(i + 1)? else {
            return None;
        };
        if self.w(i + 2) == W::Ago {
            return Some((i + 3, Expr::Unresolved(TimeType::Date)));
        }
        Some((i + 2, Expr::Unresolved(TimeType::Duration)))
    }
}

/// "9", "10:30", "3.30" → (hour, minute, written with a colon).
fn parse_hm(s: &str) -> Option<(u32, u32, bool)> {
    let (h, m, colon) = match s.find([':', '.']) {
        Some(p) => (&s[..p], Some(&s[p + 1..]), s[p..].starts_with(':')),
        None => (s, None, false),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let minute = match m {
        Some(m) if m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) => m.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    (minute < 60).then_some((h.parse().ok()?, minute, colon))
}

/// "am"/"pm" written onto a number ("3pm") → is pm.
fn meridiem(suffix: &str) -> Option<bool> {
    if suffix.eq_ignore_ascii_case("pm") {
        Some(true)
    } else if suffix.eq_ignore_ascii_case("am") {
        Some(false)
    } else {
        None
    }
}

/// "1,000" → 1000, "1.5" → 1.5; `None` for clock times and malformed groups.
fn parse_amount(s: &str) -> Option<Amount> {
    if s.contains(':') {
        return None;
    }
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    let mut groups = whole.split(',');
    let head = groups.next()?;
    let mut digits = String::with_capacity(whole.len());
    digits.push_str(head);
    for g in groups {
        if g.len() != 3 || head.len() > 3 {
            return None;
        }
        digits.push_str(g);
    }
    match frac {
        None => digits.parse().ok().map(Amount::Int),
        Some(f) if !f.contains(['.', ',']) => format!("{digits}.{f}").parse().ok().map(Amount::Dec),
        Some(_) => None,
    }
}

/// True for a word made of number words ("seven", "twenty-five"; not the range "two-three").
fn is_number_word(t: &Tok<'_>) -> bool {
    t.kind == Kind::Word && is_number_words(t.text)
}

/// True for "seven" or a compound "twenty-five".
fn is_number_words(s: &str) -> bool {
    match s.split_once('-') {
        None => numbers::word_value(s).is_some(),
        Some((tens, unit)) => {
            let tens = numbers::word_value(tens).filter(|v| (20..=90).contains(v) && v % 10 == 0);
            let unit = numbers::word_value(unit).filter(|v| (1..=9).contains(v));
            tens.is_some() && unit.is_some()
        }
    }
}

/// True for a plural unit word ("decades").
fn is_plural_unit(s: &str) -> bool {
    matches!(lexicon::classify(s), W::Unit(_, true))
}

/// A unit word ("day", "years", "second").
fn unit_word(s: &str) -> Option<Unit> {
    match lexicon::classify(s) {
        W::Unit(u, _) => Some(u),
        W::Ordinal(2) if s.eq_ignore_ascii_case("second") => Some(Unit::Second),
        _ => None,
    }
}

/// The duration of a hyphenated modifier: "two-day" → P2D, "year-long" → P1Y; `None` for ages
/// ("five-year-old") and anything else.
fn hyphen_duration(parts: &[&str]) -> Option<String> {
    let (long, parts) = match parts.split_last() {
        Some((last, head)) if last.eq_ignore_ascii_case("long") => (true, head),
        _ => (false, parts),
    };
    let (unit, num) = parts.split_last()?;
    let unit = unit_word(unit)?;
    let amount = match num {
        [] if long => Amount::Int(1),
        [] => return None,
        [n] if n.as_bytes().first().is_some_and(u8::is_ascii_digit) => parse_amount(n)?,
        [n] if is_number_words(n) => Amount::Int(numbers::words_value(&[n])?),
        [tens, unit] if is_number_words(&format!("{tens}-{unit}")) => {
            Amount::Int(numbers::words_value(&[tens, unit])?)
        }
        _ => return None,
    };
    duration(amount, unit)
}

/// The TIMEX3 duration value of `n` units: P2D, PT24H, P20Y ("two decades"), PT30M ("half an
/// hour").
pub(super) fn duration(n: Amount, unit: Unit) -> Option<String> {
    let (time, mult, letter) = unit.timex();
    let t = if time { "T" } else { "" };
    match n {
        Amount::Int(v) => Some(format!("P{t}{}{letter}", v.checked_mul(mult)?)),
        Amount::Dec(x) => {
            if let (true, Some((small, per))) = (x < 1.0, unit.smaller()) {
                let y = x * per as f64;
                if y >= 1.0 && y.fract() == 0.0 {
                    return duration(Amount::Int(y as u64), small);
                }
            }
            let v = x * mult as f64;
            (v.is_finite() && v > 0.0 && v < 1e12).then(|| format!("P{t}{v}{letter}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn durations() {
        assert_eq!(
            duration(Amount::Int(2), Unit::Decade).as_deref(),
            Some("P20Y")
        );
        assert_eq!(
            duration(Amount::Dec(0.5), Unit::Hour).as_deref(),
            Some("PT30M")
        );
        assert_eq!(
            duration(Amount::Dec(1.5), Unit::Year).as_deref(),
            Some("P1.5Y")
        );
        assert_eq!(duration(Amount::Int(u64::MAX), Unit::Century), None);
        assert_eq!(hyphen_duration(&["two", "day"]).as_deref(), Some("P2D"));
        assert_eq!(hyphen_duration(&["year", "long"]).as_deref(), Some("P1Y"));
        assert_eq!(hyphen_duration(&["five", "year", "old"]), None);
        assert_eq!(hyphen_duration(&["co", "production"]), None);
    }

    #[test]
    pub(super) fn numbers_and_clocks() {
        assert_eq!(parse_amount("1,000"), Some(Amount::Int(1000)));
        assert_eq!(parse_amount("1.5"), Some(Amount::Dec(1.5)));
        assert_eq!(parse_amount("2,02"), None);
        assert_eq!(parse_hm("10:30"), Some((10, 30, true)));
        assert_eq!(parse_hm("3.30"), Some((3, 30, false)));
        assert_eq!(parse_hm("3.5"), None);
        assert_eq!(decade("1990s"), Some(199));
        assert_eq!(decade("1995s"), None);
    }
}
