//! Name normalisation: the key of corpus-level entity identity.

/// The normalised form of a name: Unicode compatibility-decomposed, accents removed, lower
/// case, punctuation dropped (apostrophes and dots vanish, hyphens become spaces), whitespace
/// collapsed. "Sir Keir Starmer" and "sir keir  starmer" share one key; so do "Zelensky" and
/// "Zelenský", "O'Neill" and "ONeill", "U.S." and "US".
pub fn normalize_name(name: &str) -> String {
    let _ = name;
    todo!()
}
