//! Turning a recognised expression into its TIMEX3 type and value against the anchor date.
//!
//! The scanner decides *what* an expression says ("the most recent Monday", "three months
//! before the anchor"); this module does the calendar arithmetic. Everything is checked: a value
//! that would fall outside years 0..=9999 is `None`, never a panic.

use crate::lexicon::Unit;
use byline_doc::TimeType;
use chrono::{Datelike, Days, NaiveDate};

/// Which occurrence of a weekday, month, season or quarter is meant, relative to the anchor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rel {
    /// The anchor's own ("this March", "this weekend").
    This,
    /// The most recent one, the anchor's own included (a past-tense clause).
    Past,
    /// The most recent one strictly before the anchor's ("last Monday").
    Last,
    /// The next one, the anchor's own included (present tense, "later on Monday").
    Upcoming,
    /// The next one strictly after the anchor's ("next Monday", a future-tense clause).
    Next,
}

impl Rel {
    /// Steps from the anchor's position `cur` to the wanted one `want` in a cycle of `len`
    /// (negative is back in time).
    fn steps(self, cur: i64, want: i64, len: i64) -> i64 {
        let back = (cur - want).rem_euclid(len);
        let fwd = (want - cur).rem_euclid(len);
        match self {
            Rel::This => want - cur,
            Rel::Past => -back,
            Rel::Last if back == 0 => -len,
            Rel::Last => -back,
            Rel::Upcoming => fwd,
            Rel::Next if fwd == 0 => len,
            Rel::Next => fwd,
        }
    }
}

/// A day that a date, a part of day or a clock time hangs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayRef {
    /// The anchor plus this many days ("yesterday" is -1).
    Offset(i64),
    /// A weekday (Monday = 0).
    Weekday(u32, Rel),
    /// A calendar date; without a year, the year that puts it nearest the anchor.
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
}

/// What a time expression says, before calendar arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A day, with an optional part of day ("Monday afternoon" → `..TAF`).
    Day(DayRef, Option<&'static str>),
    /// A clock time on a day ("10am on Tuesday").
    Clock(DayRef, u32, u32),
    /// A month; without a year, the occurrence `Rel` picks.
    Month {
        year: Option<i32>,
        month: u32,
        rel: Rel,
    },
    /// The anchor's week, month, year, decade or century moved by an offset ("last month").
    Shift(Unit, i64),
    /// The anchor's quarter moved by an offset ("last quarter").
    QuarterShift(i64),
    /// A quarter (1..=4); without a year, the occurrence `Rel` picks.
    Quarter { q: u32, year: Option<i32>, rel: Rel },
    /// A month of the anchor's year moved by an offset ("May last year").
    MonthShift(u32, i64),
    /// A half year (1 or 2) of an explicit year, else of the anchor's year moved by an offset.
    HalfYear {
        half: u32,
        year: Option<i32>,
        shift: i64,
    },
    /// A weekend.
    Weekend(Rel),
    /// A season by TIMEX3 code; without a year, the occurrence `Rel` picks.
    Season {
        code: &'static str,
        year: Option<i32>,
        rel: Rel,
    },
    /// A year.
    Year(i32),
    /// A decade by its first three digits ("the 1990s" → 199).
    Decade(i32),
    /// A century by its first two digits ("the 21st century" → 20).
    Century(i32),
    /// So many units before the anchor ("two years ago").
    Ago(u64, Unit),
    /// A finished duration value ("P2D").
    Duration(String),
    /// A finished set value ("P1W", "XXXX-WXX-1").
    Set(String),
    /// Recognised, but with no calendar value ("the 89th minute", "recent weeks").
    Unresolved(TimeType),
}

/// The TIMEX3 type and value of `expr` against `anchor`.
pub(crate) fn resolve(expr: &Expr, anchor: Option<NaiveDate>) -> (TimeType, Option<String>) {
    match expr {
        Expr::Day(day, part) => {
            let ttype = if part.is_some() {
                TimeType::Time
            } else {
                TimeType::Date
            };
            let value = date_of(*day, anchor)
                .and_then(fmt_date)
                .map(|d| match part {
                    Some(p) => format!("{d}T{p}"),
                    None => d,
                });
            (ttype, value)
        }
        Expr::Clock(day, h, m) => {
            let value = date_of(*day, anchor)
                .and_then(fmt_date)
                .map(|d| format!("{d}T{h:02}:{m:02}"));
            (TimeType::Time, value)
        }
        Expr::Duration(v) => (TimeType::Duration, Some(v.clone())),
        Expr::Set(v) => (TimeType::Set, Some(v.clone())),
        Expr::Unresolved(t) => (*t, None),
        _ => (TimeType::Date, period(expr, anchor)),
    }
}

/// The value of a calendar period (month, week, year, ...).
fn period(expr: &Expr, anchor: Option<NaiveDate>) -> Option<String> {
    match *expr {
        Expr::Year(y) => fmt_year(y),
        Expr::Decade(d) => (0..=999).contains(&d).then(|| format!("{d:03}")),
        Expr::Century(c) => (0..=99).contains(&c).then(|| format!("{c:02}")),
        Expr::Month {
            year: Some(y),
            month,
            ..
        } => fmt_month(y, month),
        Expr::Quarter {
            q, year: Some(y), ..
        } => fmt_year(y).map(|y| format!("{y}-Q{q}")),
        Expr::Season {
            code,
            year: Some(y),
            ..
        } => fmt_year(y).map(|y| format!("{y}-{code}")),
        Expr::HalfYear {
            half,
            year: Some(y),
            ..
        } => fmt_year(y).map(|y| format!("{y}-H{half}")),
        _ => relative_period(expr, anchor?),
    }
}

/// The value of a period that needs the anchor.
fn relative_period(expr: &Expr, a: NaiveDate) -> Option<String> {
    let (ay, am) = (a.year(), i64::from(a.month()));
    match *expr {
        Expr::Month { month, rel, .. } => {
            let steps = rel.steps(am - 1, i64::from(month) - 1, 12);
            let (y, m) = add_months(ay, am, steps)?;
            fmt_month(y, m)
        }
        Expr::Shift(unit, k) => shift_period(a, unit, k),
        Expr::MonthShift(month, k) => {
            fmt_month(i32::try_from(i64::from(ay).checked_add(k)?).ok()?, month)
        }
        Expr::HalfYear { half, shift, .. } => {
            let y = i32::try_from(i64::from(ay).checked_add(shift)?).ok()?;
            fmt_year(y).map(|y| format!("{y}-H{half}"))
        }
        Expr::QuarterShift(k) => {
            let index = i64::from(ay) * 4 + (am - 1) / 3 + k;
            fmt_year(i32::try_from(index.div_euclid(4)).ok()?)
                .map(|y| format!("{y}-Q{}", index.rem_euclid(4) + 1))
        }
        Expr::Quarter { q, rel, .. } => {
            let cur = (am - 1) / 3;
            let index = i64::from(ay) * 4 + cur + rel.steps(cur, i64::from(q) - 1, 4);
            fmt_year(i32::try_from(index.div_euclid(4)).ok()?)
                .map(|y| format!("{y}-Q{}", index.rem_euclid(4) + 1))
        }
        Expr::Weekend(rel) => {
            let wd = i64::from(a.weekday().num_days_from_monday());
            let weeks = match rel {
                Rel::This => 0,
                Rel::Last => -1,
                Rel::Next => 1,
                Rel::Past => -i64::from(wd < 5),
                Rel::Upcoming => i64::from(wd == 6),
            };
            iso_week(shift_days(a, weeks * 7)?).map(|w| format!("{w}-WE"))
        }
        Expr::Season { code, rel, .. } => season(a, code, rel),
        Expr::Ago(n, unit) => ago(a, n, unit),
        _ => None,
    }
}

/// "this week", "last month", "next year", "this decade", "last century".
fn shift_period(a: NaiveDate, unit: Unit, k: i64) -> Option<String> {
    let ay = i64::from(a.year());
    match unit {
        Unit::Week => iso_week(shift_days(a, k.checked_mul(7)?)?),
        Unit::Month => {
            let (y, m) = add_months(a.year(), i64::from(a.month()), k)?;
            fmt_month(y, m)
        }
        Unit::Year => fmt_year(i32::try_from(ay.checked_add(k)?).ok()?),
        Unit::Decade => {
            let d = ay.div_euclid(10).checked_add(k)?;
            (0..=999).contains(&d).then(|| format!("{d:03}"))
        }
        Unit::Century => {
            let c = ay.div_euclid(100).checked_add(k)?;
            (0..=99).contains(&c).then(|| format!("{c:02}"))
        }
        _ => None,
    }
}

/// "two years ago", "a week ago", "six months ago".
fn ago(a: NaiveDate, n: u64, unit: Unit) -> Option<String> {
    let n = i64::try_from(n).ok()?;
    let (_, mult, _) = unit.timex();
    let mult = i64::try_from(mult).ok()?;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => {
            let secs = match unit {
                Unit::Second => 1,
                Unit::Minute => 60,
                _ => 3600,
            };
            let days = n.checked_mul(secs)? / 86_400;
            fmt_date(shift_days(a, -days)?)
        }
        Unit::Day | Unit::Week | Unit::Fortnight => {
            let per = if unit == Unit::Day { 1 } else { 7 * mult };
            fmt_date(shift_days(a, -n.checked_mul(per)?)?)
        }
        Unit::Month => {
            let (y, m) = add_months(a.year(), i64::from(a.month()), -n)?;
            fmt_month(y, m)
        }
        Unit::Year | Unit::Decade | Unit::Century => {
            let y = i64::from(a.year()).checked_sub(n.checked_mul(mult)?)?;
            fmt_year(i32::try_from(y).ok()?)
        }
    }
}

/// Seasons run spring (Mar-May), summer, autumn, winter (Dec-Feb); January and February belong
/// to the winter of the year before.
fn season(a: NaiveDate, code: &str, rel: Rel) -> Option<String> {
    const ORDER: [&str; 4] = ["SP", "SU", "FA", "WI"];
    let want = ORDER.iter().position(|c| *c == code)?;
    let (cur, year) = match a.month() {
        1 | 2 => (3, a.year() - 1),
        m => (((m - 3) / 3) as usize, a.year()),
    };
    let (cur, want) = (cur as i64, want as i64);
    let index = i64::from(year) * 4 + cur + rel.steps(cur, want, 4);
    let y = i32::try_from(index.div_euclid(4)).ok()?;
    fmt_year(y).map(|y| format!("{y}-{code}"))
}

/// The date a [`DayRef`] names, if it can be known.
pub(crate) fn date_of(day: DayRef, anchor: Option<NaiveDate>) -> Option<NaiveDate> {
    match day {
        DayRef::Date {
            year: Some(y),
            month,
            day,
        } => NaiveDate::from_ymd_opt(y, month, day),
        DayRef::Date {
            year: None,
            month,
            day,
        } => {
            let a = anchor?;
            (a.year() - 1..=a.year() + 1)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .min_by_key(|d| (*d - a).num_days().abs())
        }
        DayRef::Offset(k) => shift_days(anchor?, k),
        DayRef::Weekday(wd, rel) => {
            let a = anchor?;
            let cur = i64::from(a.weekday().num_days_from_monday());
            shift_days(a, rel.steps(cur, i64::from(wd), 7))
        }
    }
}

/// `d` moved by `k` days.
fn shift_days(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    let n = Days::new(k.unsigned_abs());
    if k >= 0 {
        d.checked_add_days(n)
    } else {
        d.checked_sub_days(n)
    }
}

/// Month `m` (1..=12) of year `y` moved by `k` months.
fn add_months(y: i32, m: i64, k: i64) -> Option<(i32, u32)> {
    let index = i64::from(y)
        .checked_mul(12)?
        .checked_add(m - 1)?
        .checked_add(k)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    Some((year, u32::try_from(index.rem_euclid(12) + 1).ok()?))
}

/// "2025-W26".
fn iso_week(d: NaiveDate) -> Option<String> {
    let w = d.iso_week();
    fmt_year(w.year()).map(|y| format!("{y}-W{:02}", w.week()))
}

/// "2025", for years 0..=9999.
fn fmt_year(y: i32) -> Option<String> {
    (0..=9999).contains(&y).then(|| format!("{y:04}"))
}

/// "2025-06".
fn fmt_month(y: i32, m: u32) -> Option<String> {
    ((1..=12).contains(&m)).then_some(())?;
    fmt_year(y).map(|y| format!("{y}-{m:02}"))
}

/// "2025-06-23".
fn fmt_date(d: NaiveDate) -> Option<String> {
    fmt_year(d.year()).map(|y| format!("{y}-{:02}-{:02}", d.month(), d.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2025, 6, 23) // a Monday
    }

    fn value(e: Expr) -> Option<String> {
        resolve(&e, anchor()).1
    }

    #[test]
    fn weekdays() {
        let day = |wd, rel| value(Expr::Day(DayRef::Weekday(wd, rel), None));
        assert_eq!(day(0, Rel::Past).as_deref(), Some("2025-06-23"));
        assert_eq!(day(0, Rel::Last).as_deref(), Some("2025-06-16"));
        assert_eq!(day(0, Rel::Next).as_deref(), Some("2025-06-30"));
        assert_eq!(day(0, Rel::Upcoming).as_deref(), Some("2025-06-23"));
        assert_eq!(day(4, Rel::Past).as_deref(), Some("2025-06-20"));
        assert_eq!(day(1, Rel::Next).as_deref(), Some("2025-06-24"));
    }

    #[test]
    fn periods() {
        assert_eq!(
            value(Expr::Shift(Unit::Week, 0)).as_deref(),
            Some("2025-W26")
        );
        assert_eq!(
            value(Expr::Shift(Unit::Month, -6)).as_deref(),
            Some("2024-12")
        );
        assert_eq!(value(Expr::Shift(Unit::Decade, 0)).as_deref(), Some("202"));
        let half = Expr::HalfYear {
            half: 1,
            year: None,
            shift: -1,
        };
        assert_eq!(value(half).as_deref(), Some("2024-H1"));
        assert_eq!(value(Expr::QuarterShift(-2)).as_deref(), Some("2024-Q4"));
        assert_eq!(
            value(Expr::Weekend(Rel::Past)).as_deref(),
            Some("2025-W25-WE")
        );
        let season = |code, rel| {
            value(Expr::Season {
                code,
                year: None,
                rel,
            })
        };
        assert_eq!(season("SU", Rel::Last).as_deref(), Some("2024-SU"));
        assert_eq!(season("SP", Rel::Past).as_deref(), Some("2025-SP"));
        assert_eq!(season("WI", Rel::Next).as_deref(), Some("2025-WI"));
        let month = |month, rel| {
            value(Expr::Month {
                year: None,
                month,
                rel,
            })
        };
        assert_eq!(month(3, Rel::Past).as_deref(), Some("2025-03"));
        assert_eq!(month(9, Rel::Past).as_deref(), Some("2024-09"));
        assert_eq!(month(3, Rel::Upcoming).as_deref(), Some("2026-03"));
        assert_eq!(month(6, Rel::Last).as_deref(), Some("2024-06"));
    }

    #[test]
    fn nearest_year_and_ago() {
        let d = |month, day| {
            value(Expr::Day(
                DayRef::Date {
                    year: None,
                    month,
                    day,
                },
                None,
            ))
        };
        assert_eq!(d(1, 5).as_deref(), Some("2025-01-05"));
        let dec = NaiveDate::from_ymd_opt(2025, 12, 30);
        let jan = Expr::Day(
            DayRef::Date {
                year: None,
                month: 1,
                day: 2,
            },
            None,
        );
        assert_eq!(resolve(&jan, dec).1.as_deref(), Some("2026-01-02"));
        assert_eq!(value(Expr::Ago(2, Unit::Year)).as_deref(), Some("2023"));
        assert_eq!(
            value(Expr::Ago(1, Unit::Week)).as_deref(),
            Some("2025-06-16")
        );
        assert_eq!(value(Expr::Ago(u64::MAX, Unit::Century)), None);
        assert_eq!(value(Expr::Ago(u64::MAX, Unit::Day)), None);
    }

    #[test]
    fn no_anchor() {
        let e = Expr::Day(
            DayRef::Date {
                year: Some(2025),
                month: 6,
                day: 23,
            },
            None,
        );
        assert_eq!(resolve(&e, None).1.as_deref(), Some("2025-06-23"));
        assert_eq!(resolve(&Expr::Shift(Unit::Week, 0), None).1, None);
    }
}
