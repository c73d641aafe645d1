//! Organisations: well-known names and organisation-forming words.

/// Well-known organisations with their canonical name (sorted by alias).
const KNOWN: &[(&str, &str)] = &[
    ("AFP", "AFP"),
    ("AP", "Associated Press"),
    ("Airbus", "Airbus"),
    ("Aldi", "Aldi"),
    ("Alibaba", "Alibaba"),
    ("Amazon", "Amazon"),
    ("Amnesty International", "Amnesty International"),
    ("Anthropic", "Anthropic"),
    ("Apple", "Apple"),
    ("AstraZeneca", "AstraZeneca"),
    ("BAE Systems", "BAE Systems"),
    ("BBC", "BBC"),
    ("BHP", "BHP"),
    ("BP", "BP"),
    ("BT", "BT"),
    ("Baidu", "Baidu"),
    ("Bank of England", "Bank of England"),
    ("Barclays", "Barclays"),
    ("Boeing", "Boeing"),
    ("Bundestag", "Bundestag"),
    ("CIA", "CIA"),
    ("CNN", "CNN"),
    ("Cabinet Office", "Cabinet Office"),
    ("Champions League", "Champions League"),
    ("Chevron", "Chevron"),
    ("Commons", "House of Commons"),
    ("Congress", "Congress"),
    ("Conservatives", "Conservative Party"),
    ("DUP", "DUP"),
    ("Democrats", "Democratic Party"),
    ("Disney", "Disney"),
    ("Duma", "Duma"),
    ("ECB", "European Central Bank"),
    ("EU", "European Union"),
    ("European Commission", "European Commission"),
    ("European Parliament", "European Parliament"),
    ("Europol", "Europol"),
    ("Exxon", "Exxon"),
    ("ExxonMobil", "ExxonMobil"),
    ("FBI", "FBI"),
    ("FIFA", "Fifa"),
    ("Facebook", "Facebook"),
    ("Fed", "Federal Reserve"),
    ("Federal Reserve", "Federal Reserve"),
    ("Fifa", "Fifa"),
    ("Foreign Office", "Foreign Office"),
    ("G20", "G20"),
    ("G7", "G7"),
    ("GSK", "GSK"),
    ("Glencore", "Glencore"),
    ("Goldman Sachs", "Goldman Sachs"),
    ("Google", "Google"),
    ("Greenpeace", "Greenpeace"),
    ("Greens", "Green Party"),
    ("HSBC", "HSBC"),
    ("Hamas", "Hamas"),
    ("Hezbollah", "Hezbollah"),
    ("High Court", "High Court"),
    ("Home Office", "Home Office"),
    ("Huawei", "Huawei"),
    ("Human Rights Watch", "Human Rights Watch"),
    ("IBM", "IBM"),
    ("IFS", "Institute for Fiscal Studies"),
    ("IMF", "International Monetary Fund"),
    ("IOC", "IOC"),
    ("ISIS", "Isis"),
    ("Ikea", "Ikea"),
    ("Instagram", "Instagram"),
    ("Intel", "Intel"),
    ("Interpol", "Interpol"),
    ("Isis", "Isis"),
    ("JPMorgan", "JPMorgan"),
    ("Justice Department", "Justice Department"),
    ("Knesset", "Knesset"),
    ("Kremlin", "Kremlin"),
    ("Labour", "Labour Party"),
    ("Lib Dems", "Liberal Democrats"),
    ("Liberal Democrats", "Liberal Democrats"),
    ("Lidl", "Lidl"),
    ("LinkedIn", "LinkedIn"),
    ("Lloyds", "Lloyds"),
    ("Lords", "House of Lords"),
    ("Met Office", "Met Office"),
    ("Met Police", "Metropolitan Police"),
    ("Meta", "Meta"),
    ("Metropolitan Police", "Metropolitan Police"),
    ("Microsoft", "Microsoft"),
    ("Moderna", "Moderna"),
    ("Morgan Stanley", "Morgan Stanley"),
    ("NASA", "NASA"),
    ("NATO", "Nato"),
    ("NHS", "NHS"),
    ("Nasa", "NASA"),
    ("NatWest", "NatWest"),
    ("Nato", "Nato"),
    ("Nestle", "Nestle"),
    ("Nestlé", "Nestlé"),
    ("Netflix", "Netflix"),
    ("Nike", "Nike"),
    ("Nvidia", "Nvidia"),
    ("OBR", "Office for Budget Responsibility"),
    ("ONS", "Office for National Statistics"),
    ("Ofcom", "Ofcom"),
    ("Ofgem", "Ofgem"),
    ("Ofsted", "Ofsted"),
    ("Opec", "Opec"),
    ("OpenAI", "OpenAI"),
    ("Oracle", "Oracle"),
    ("Oxfam", "Oxfam"),
    ("Parliament", "Parliament"),
    ("Pentagon", "Pentagon"),
    ("Pfizer", "Pfizer"),
    ("Plaid Cymru", "Plaid Cymru"),
    ("Premier League", "Premier League"),
    ("Red Cross", "Red Cross"),
    ("Reform UK", "Reform UK"),
    ("Republicans", "Republican Party"),
    ("Reuters", "Reuters"),
    ("Rio Tinto", "Rio Tinto"),
    ("Rolls-Royce", "Rolls-Royce"),
    ("Ryanair", "Ryanair"),
    ("SNP", "SNP"),
    ("Sainsbury's", "Sainsbury's"),
    ("Samsung", "Samsung"),
    ("Scotland Yard", "Scotland Yard"),
    ("Senate", "Senate"),
    ("Shell", "Shell"),
    ("Siemens", "Siemens"),
    ("Sinn Fein", "Sinn Féin"),
    ("Sinn Féin", "Sinn Féin"),
    ("Sony", "Sony"),
    ("SpaceX", "SpaceX"),
    ("Spotify", "Spotify"),
    ("State Department", "State Department"),
    ("Supreme Court", "Supreme Court"),
    ("Taliban", "Taliban"),
    ("Tencent", "Tencent"),
    ("Tesco", "Tesco"),
    ("Tesla", "Tesla"),
    ("TikTok", "TikTok"),
    ("Tories", "Conservative Party"),
    ("Toyota", "Toyota"),
    ("Treasury", "Treasury"),
    ("Twitter", "Twitter"),
    ("UEFA", "Uefa"),
    ("UN", "United Nations"),
    ("UNICEF", "Unicef"),
    ("Uber", "Uber"),
    ("Uefa", "Uefa"),
    ("Unesco", "Unesco"),
    ("Unicef", "Unicef"),
    ("Unilever", "Unilever"),
    ("Vodafone", "Vodafone"),
    ("Volkswagen", "Volkswagen"),
    ("WHO", "World Health Organization"),
    ("Wagner", "Wagner"),
    ("Walmart", "Walmart"),
    ("WhatsApp", "WhatsApp"),
    ("White House", "White House"),
    ("Whitehall", "Whitehall"),
    ("World Bank", "World Bank"),
    ("YouTube", "YouTube"),
    ("easyJet", "easyJet"),
];

/// The canonical name of a well-known organisation, given a name or abbreviation.
pub fn known(name: &str) -> Option<&'static str> {
    KNOWN
        .binary_search_by(|(k, _)| k.cmp(&name))
        .ok()
        .map(|i| KNOWN[i].1)
}

/// Last words that make a capitalised phrase an organisation ("Finance Ministry",
/// "Acme Holdings").
pub fn is_org_suffix(word: &str) -> bool {
    matches!(
        word,
        "Ministry"
            | "Department"
            | "Party"
            | "Council"
            | "Committee"
            | "Commission"
            | "Agency"
            | "Authority"
            | "Association"
            | "Union"
            | "Bank"
            | "University"
            | "College"
            | "School"
            | "Hospital"
            | "Institute"
            | "Foundation"
            | "Trust"
            | "Corporation"
            | "Corp"
            | "Corp."
            | "Inc"
            | "Inc."
            | "Ltd"
            | "Ltd."
            | "plc"
            | "PLC"
            | "Group"
            | "Company"
            | "Co"
            | "Co."
            | "Club"
            | "FC"
            | "Police"
            | "Service"
            | "Office"
            | "Court"
            | "Army"
            | "Navy"
            | "Force"
            | "Forces"
            | "Guard"
            | "Board"
            | "Federation"
            | "League"
            | "Society"
            | "Network"
            | "Times"
            | "Post"
            | "News"
            | "Journal"
            | "Press"
            | "Airlines"
            | "Airways"
            | "Motors"
            | "Holdings"
            | "Capital"
            | "Partners"
            | "Fund"
            | "Organisation"
            | "Organization"
            | "Alliance"
            | "Coalition"
            | "Movement"
            | "Brigade"
            | "Brigades"
            | "Regiment"
            | "Assembly"
            | "Parliament"
            | "Senate"
            | "Congress"
            | "Cabinet"
            | "Treasury"
            | "Exchange"
            | "Reserve"
            | "Institution"
            | "Industries"
            | "Technologies"
            | "Systems"
            | "Energy"
            | "Media"
            | "Labs"
            | "Rovers"
            | "Athletic"
            | "Wanderers"
            | "Albion"
            | "Hotspur"
            | "Villa"
            | "Utd"
            | "Tribunal"
            | "Inquiry"
            | "Charity"
            | "Church"
            | "United"
            | "Secretariat"
            | "Aerospace"
            | "Engineering"
            | "Pharmaceuticals"
            | "Pharma"
            | "Logistics"
            | "Electronics"
            | "Software"
            | "Solutions"
            | "Robotics"
            | "Mining"
            | "Petroleum"
            | "Insurance"
            | "Investments"
            | "Securities"
            | "Ventures"
            | "Studios"
            | "Entertainment"
            | "Records"
            | "Biotech"
            | "Therapeutics"
            | "Telecom"
            | "Foods"
            | "Brewery"
            | "Railways"
            | "Railway"
            | "Hospitals"
            | "Centre"
            | "Center"
            | "Directorate"
            | "Bureau"
            | "Collective"
            | "Consortium"
            | "Hospice"
            | "Anonymous"
            | "Government"
            | "Administration"
            | "Executive"
    )
}

/// First words that make a capitalised phrase an organisation ("Ministry of Defence",
/// "University of Oxford", "Bank of England").
pub fn is_org_prefix(word: &str) -> bool {
    matches!(
        word,
        "Ministry"
            | "Department"
            | "University"
            | "Bank"
            | "Office"
            | "Court"
            | "House"
            | "Council"
            | "Royal"
            | "Institute"
            | "National"
            | "Federal"
            | "Supreme"
            | "Commission"
            | "Committee"
            | "Board"
            | "Church"
            | "General"
            | "Secretariat"
            | "Agency"
            | "Centre"
            | "Center"
            | "Society"
            | "Fund"
            | "Campaign"
            | "Coalition"
            | "Alliance"
            | "Foundation"
            | "Association"
            | "Federation"
            | "Union"
            | "Institution"
            | "Directorate"
            | "Bureau"
            | "Authority"
            | "Party"
            | "Organisation"
            | "Organization"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_is_sorted_and_found() {
        assert!(
            KNOWN.windows(2).all(|w| w[0].0 < w[1].0),
            "KNOWN must be sorted by alias"
        );
        assert_eq!(known("NATO"), Some("Nato"));
        assert_eq!(known("Nato"), Some("Nato"));
        assert!(is_org_suffix("Ministry"));
    }
}
