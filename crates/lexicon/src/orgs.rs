//! Organisations: well-known names and organisation-forming words.

/// Well-known organisations with their canonical name (sorted by alias).
const KNOWN: &[(&str, &str)] = &[
    ("AFP", "AFP"),
    ("AP", "Associated Press"),
    ("Amazon", "Amazon"),
    ("Amnesty International", "Amnesty International"),
    ("Apple", "Apple"),
    ("BBC", "BBC"),
    ("CIA", "CIA"),
    ("CNN", "CNN"),
    ("Commons", "House of Commons"),
    ("Congress", "Congress"),
    ("Conservatives", "Conservative Party"),
    ("Democrats", "Democratic Party"),
    ("EU", "European Union"),
    ("Europol", "Europol"),
    ("FBI", "FBI"),
    ("Fifa", "Fifa"),
    ("G20", "G20"),
    ("G7", "G7"),
    ("Google", "Google"),
    ("Hamas", "Hamas"),
    ("Hezbollah", "Hezbollah"),
    ("IMF", "International Monetary Fund"),
    ("Interpol", "Interpol"),
    ("Kremlin", "Kremlin"),
    ("Labour", "Labour Party"),
    ("Lords", "House of Lords"),
    ("Meta", "Meta"),
    ("Microsoft", "Microsoft"),
    ("NASA", "NASA"),
    ("NATO", "Nato"),
    ("NHS", "NHS"),
    ("Nasa", "NASA"),
    ("Nato", "Nato"),
    ("Ofcom", "Ofcom"),
    ("Opec", "Opec"),
    ("Parliament", "Parliament"),
    ("Pentagon", "Pentagon"),
    ("Reform UK", "Reform UK"),
    ("Republicans", "Republican Party"),
    ("Reuters", "Reuters"),
    ("Senate", "Senate"),
    ("Tesla", "Tesla"),
    ("Tories", "Conservative Party"),
    ("UN", "United Nations"),
    ("UNICEF", "Unicef"),
    ("Uefa", "Uefa"),
    ("Unesco", "Unesco"),
    ("Unicef", "Unicef"),
    ("WHO", "World Health Organization"),
    ("White House", "White House"),
    ("Whitehall", "Whitehall"),
    ("World Bank", "World Bank"),
];

/// The canonical name of a well-known organisation, given a name or abbreviation.
pub fn known(name: &str) -> Option<&'static str> {
    KNOWN.binary_search_by(|(k, _)| k.cmp(&name)).ok().map(|i| KNOWN[i].1)
}

/// Last words that make a capitalised phrase an organisation ("Finance Ministry",
/// "Acme Holdings").
pub fn is_org_suffix(word: &str) -> bool {
    matches!(
        word,
        "Ministry" | "Department" | "Party" | "Council" | "Committee" | "Commission" | "Agency"
            | "Authority" | "Association" | "Union" | "Bank" | "University" | "College"
            | "School" | "Hospital" | "Institute" | "Foundation" | "Trust" | "Corporation"
            | "Corp" | "Corp." | "Inc" | "Inc." | "Ltd" | "Ltd." | "plc" | "PLC" | "Group"
            | "Company" | "Co" | "Co." | "Club" | "FC" | "Police" | "Service" | "Office"
            | "Court" | "Army" | "Navy" | "Force" | "Forces" | "Guard" | "Board" | "Federation"
            | "League" | "Society" | "Network" | "Times" | "Post" | "News" | "Journal"
            | "Press" | "Airlines" | "Airways" | "Motors" | "Holdings" | "Capital" | "Partners"
            | "Fund" | "Organisation" | "Organization" | "Alliance" | "Coalition" | "Movement"
            | "Brigade" | "Brigades" | "Regiment" | "Assembly" | "Parliament" | "Senate"
            | "Congress" | "Cabinet" | "Treasury" | "Exchange" | "Reserve" | "Institution"
            | "Industries" | "Technologies" | "Systems" | "Energy" | "Media" | "Labs"
            | "Rovers" | "Athletic" | "Wanderers" | "Albion" | "Hotspur" | "Villa" | "Utd"
            | "Council's" | "Tribunal" | "Inquiry" | "Charity" | "Church"
    )
}

/// First words that make a capitalised phrase an organisation ("Ministry of Defence",
/// "University of Oxford", "Bank of England").
pub fn is_org_prefix(word: &str) -> bool {
    matches!(
        word,
        "Ministry" | "Department" | "University" | "Bank" | "Office" | "Court" | "House"
            | "Council" | "Royal" | "Institute" | "National" | "Federal" | "Supreme"
            | "Commission" | "Committee" | "Board" | "Church"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_and_found() {
        assert!(KNOWN.windows(2).all(|w| w[0].0 < w[1].0), "KNOWN must be sorted by alias");
        assert_eq!(known("NATO"), Some("Nato"));
        assert_eq!(known("Nato"), Some("Nato"));
        assert!(is_org_suffix("Ministry"));
    }
}
