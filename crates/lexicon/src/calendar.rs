//! Months and weekdays.

/// The month number (1..=12) of a month name or abbreviation ("June", "Jun", "Jun.", "Sept").
pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let lower = w.to_ascii_lowercase();
    let m = match lower.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    // Month names are capitalised in English; "may" and "march" lowercase are verbs.
    w.chars().next().filter(|c| c.is_uppercase())?;
    Some(m)
}

/// The weekday number (Monday = 0 .. Sunday = 6) of a capitalised weekday name ("Monday",
/// "Mon", "Tues").
pub fn weekday(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    w.chars().next().filter(|c| c.is_uppercase())?;
    let d = match w.to_ascii_lowercase().as_str() {
        "monday" | "mon" => 0,
        "tuesday" | "tue" | "tues" => 1,
        "wednesday" | "wed" => 2,
        "thursday" | "thu" | "thur" | "thurs" => 3,
        "friday" | "fri" => 4,
        "saturday" | "sat" => 5,
        "sunday" | "sun" => 6,
        _ => return None,
    };
    Some(d)
}

/// Parts of the day and their TIMEX3 codes ("afternoon" → "AF").
pub fn day_part(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" | "overnight" => "NI",
        "midday" | "noon" | "lunchtime" => "MI",
        _ => return None,
    })
}

/// Seasons and their TIMEX3 codes.
pub fn season(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_need_capitals() {
        assert_eq!(month("May"), Some(5));
        assert_eq!(month("may"), None);
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(weekday("Monday"), Some(0));
        assert_eq!(weekday("sun"), None);
    }
}
