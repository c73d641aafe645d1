//! Countries (with aliases and demonyms), cities and regions.

/// A country: canonical name, other names it goes by, and its demonyms.
pub struct Country {
    /// The canonical name ("United Kingdom").
    pub name: &'static str,
    /// Other names and abbreviations ("UK", "Britain").
    pub aliases: &'static [&'static str],
    /// Demonyms / adjectives ("British").
    pub demonyms: &'static [&'static str],
}

macro_rules! countries {
    ($( $name:literal [$($alias:literal),*] [$($dem:literal),*] ;)*) => {
        /// Countries of the world with their aliases and demonyms.
        pub const COUNTRIES: &[Country] = &[
            $( Country { name: $name, aliases: &[$($alias),*], demonyms: &[$($dem),*] }, )*
        ];
    };
}

countries! {
    "Afghanistan" [] ["Afghan"];
    "Albania" [] ["Albanian"];
    "Algeria" [] ["Algerian"];
    "Angola" [] ["Angolan"];
    "Argentina" [] ["Argentine", "Argentinian"];
    "Armenia" [] ["Armenian"];
    "Australia" [] ["Australian"];
    "Austria" [] ["Austrian"];
    "Azerbaijan" [] ["Azerbaijani"];
    "Bahrain" [] ["Bahraini"];
    "Bangladesh" [] ["Bangladeshi"];
    "Belarus" [] ["Belarusian"];
    "Belgium" [] ["Belgian"];
    "Bolivia" [] ["Bolivian"];
    "Bosnia and Herzegovina" ["Bosnia"] ["Bosnian"];
    "Brazil" [] ["Brazilian"];
    "Bulgaria" [] ["Bulgarian"];
    "Cambodia" [] ["Cambodian"];
    "Cameroon" [] ["Cameroonian"];
    "Canada" [] ["Canadian"];
    "Chile" [] ["Chilean"];
    "China" ["People's Republic of China", "PRC"] ["Chinese"];
    "Colombia" [] ["Colombian"];
    "Congo" ["Democratic Republic of the Congo", "DRC", "DR Congo"] ["Congolese"];
    "Costa Rica" [] ["Costa Rican"];
    "Croatia" [] ["Croatian", "Croat"];
    "Cuba" [] ["Cuban"];
    "Cyprus" [] ["Cypriot"];
    "Czech Republic" ["Czechia"] ["Czech"];
    "Denmark" [] ["Danish", "Dane"];
    "Ecuador" [] ["Ecuadorian"];
    "Egypt" [] ["Egyptian"];
    "El Salvador" [] ["Salvadoran"];
    "Estonia" [] ["Estonian"];
    "Ethiopia" [] ["Ethiopian"];
    "Finland" [] ["Finnish", "Finn"];
    "France" [] ["French"];
    "Georgia" [] ["Georgian"];
    "Germany" [] ["German"];
    "Ghana" [] ["Ghanaian"];
    "Greece" [] ["Greek"];
    "Guatemala" [] ["Guatemalan"];
    "Haiti" [] ["Haitian"];
    "Honduras" [] ["Honduran"];
    "Hungary" [] ["Hungarian"];
    "Iceland" [] ["Icelandic"];
    "India" [] ["Indian"];
    "Indonesia" [] ["Indonesian"];
    "Iran" [] ["Iranian"];
    "Iraq" [] ["Iraqi"];
    "Ireland" ["Republic of Ireland", "Eire"] ["Irish"];
    "Israel" [] ["Israeli"];
    "Italy" [] ["Italian"];
    "Ivory Coast" ["Cote d'Ivoire"] ["Ivorian"];
    "Jamaica" [] ["Jamaican"];
    "Japan" [] ["Japanese"];
    "Jordan" [] ["Jordanian"];
    "Kazakhstan" [] ["Kazakh"];
    "Kenya" [] ["Kenyan"];
    "Kosovo" [] ["Kosovan", "Kosovar"];
    "Kuwait" [] ["Kuwaiti"];
    "Kyrgyzstan" [] ["Kyrgyz"];
    "Latvia" [] ["Latvian"];
    "Lebanon" [] ["Lebanese"];
    "Libya" [] ["Libyan"];
    "Lithuania" [] ["Lithuanian"];
    "Luxembourg" [] ["Luxembourgish"];
    "Malaysia" [] ["Malaysian"];
    "Mali" [] ["Malian"];
    "Malta" [] ["Maltese"];
    "Mexico" [] ["Mexican"];
    "Moldova" [] ["Moldovan"];
    "Mongolia" [] ["Mongolian"];
    "Montenegro" [] ["Montenegrin"];
    "Morocco" [] ["Moroccan"];
    "Mozambique" [] ["Mozambican"];
    "Myanmar" ["Burma"] ["Burmese"];
    "Nepal" [] ["Nepali", "Nepalese"];
    "Netherlands" ["Holland"] ["Dutch"];
    "New Zealand" [] ["New Zealander"];
    "Nicaragua" [] ["Nicaraguan"];
    "Niger" [] ["Nigerien"];
    "Nigeria" [] ["Nigerian"];
    "North Korea" ["DPRK"] ["North Korean"];
    "North Macedonia" ["Macedonia"] ["Macedonian"];
    "Norway" [] ["Norwegian"];
    "Oman" [] ["Omani"];
    "Pakistan" [] ["Pakistani"];
    "Palestine" ["Palestinian territories"] ["Palestinian"];
    "Panama" [] ["Panamanian"];
    "Paraguay" [] ["Paraguayan"];
    "Peru" [] ["Peruvian"];
    "Philippines" [] ["Filipino", "Philippine"];
    "Poland" [] ["Polish", "Pole"];
    "Portugal" [] ["Portuguese"];
    "Qatar" [] ["Qatari"];
    "Romania" [] ["Romanian"];
    "Russia" ["Russian Federation"] ["Russian"];
    "Rwanda" [] ["Rwandan"];
    "Saudi Arabia" [] ["Saudi"];
    "Senegal" [] ["Senegalese"];
    "Serbia" [] ["Serbian", "Serb"];
    "Singapore" [] ["Singaporean"];
    "Slovakia" [] ["Slovak"];
    "Slovenia" [] ["Slovenian", "Slovene"];
    "Somalia" [] ["Somali"];
    "South Africa" [] ["South African"];
    "South Korea" ["Republic of Korea"] ["South Korean"];
    "South Sudan" [] ["South Sudanese"];
    "Spain" [] ["Spanish", "Spaniard"];
    "Sri Lanka" [] ["Sri Lankan"];
    "Sudan" [] ["Sudanese"];
    "Sweden" [] ["Swedish", "Swede"];
    "Switzerland" [] ["Swiss"];
    "Syria" [] ["Syrian"];
    "Taiwan" [] ["Taiwanese"];
    "Tajikistan" [] ["Tajik"];
    "Tanzania" [] ["Tanzanian"];
    "Thailand" [] ["Thai"];
    "Tunisia" [] ["Tunisian"];
    "Turkey" ["Turkiye", "Türkiye"] ["Turkish", "Turk"];
    "Turkmenistan" [] ["Turkmen"];
    "Uganda" [] ["Ugandan"];
    "Ukraine" [] ["Ukrainian"];
    "United Arab Emirates" ["UAE"] ["Emirati"];
    "United Kingdom" ["UK", "U.K.", "Britain", "Great Britain"] ["British", "Briton"];
    "United States" ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"] ["American"];
    "Uruguay" [] ["Uruguayan"];
    "Uzbekistan" [] ["Uzbek"];
    "Venezuela" [] ["Venezuelan"];
    "Vietnam" [] ["Vietnamese"];
    "Yemen" [] ["Yemeni"];
    "Zambia" [] ["Zambian"];
    "Zimbabwe" [] ["Zimbabwean"];
    "England" [] ["English"];
    "Scotland" [] ["Scottish", "Scot"];
    "Wales" [] ["Welsh"];
    "Northern Ireland" [] ["Northern Irish"];
    "Europe" [] ["European"];
    "Africa" [] ["African"];
    "Asia" [] ["Asian"];
    "Latin America" [] ["Latin American"];
    "Middle East" [] ["Middle Eastern"];
    "Gaza" ["Gaza Strip"] ["Gazan"];
    "West Bank" [] [];
    "Crimea" [] ["Crimean"];
    "Arctic" [] [];
    "Antarctica" [] ["Antarctic"];
}

/// The country a name or alias denotes ("Britain" → United Kingdom).
pub fn country(name: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.name == name || c.aliases.contains(&name))
}

/// The country whose demonym this is ("Ukrainian" → Ukraine).
pub fn demonym(word: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.demonyms.contains(&word))
}

/// Well-known cities, capitals, US states, UK nations, counties and regions (sorted).
const PLACES: &[&str] = &[
    "Aberdeen", "Abu Dhabi", "Accra", "Addis Ababa", "Alabama", "Alaska", "Aleppo", "Algiers",
    "Amman", "Amsterdam", "Ankara", "Antakya", "Arizona", "Arkansas", "Athens", "Atlanta",
    "Auckland", "Austin", "Baghdad", "Baku", "Baltimore", "Bangkok", "Barcelona", "Basra",
    "Bavaria", "Beijing", "Beirut", "Belfast", "Belgrade", "Berkshire", "Berlin", "Bern",
    "Birmingham", "Bogota", "Boston", "Bradford", "Brasilia", "Bratislava", "Bristol",
    "Brussels", "Bucharest", "Budapest", "Buenos Aires", "Cairo", "California", "Cambridge",
    "Canberra", "Cape Town", "Caracas", "Cardiff", "Chicago", "Colorado", "Connecticut",
    "Copenhagen", "Cornwall", "Coventry", "Cumbria", "Dakar", "Dallas", "Damascus", "Delaware",
    "Delhi", "Denver", "Derby", "Detroit", "Devon", "Dhaka", "Doha", "Donbas", "Donetsk",
    "Dorset", "Dover", "Dubai", "Dublin", "Dundee", "Durham", "Edinburgh", "Essex", "Florence",
    "Florida", "Frankfurt", "Geneva", "Glasgow", "Gloucestershire", "Hamburg", "Hampshire",
    "Hanoi", "Havana", "Hawaii", "Helsinki", "Hertfordshire", "Hiroshima", "Hong Kong",
    "Houston", "Idaho", "Illinois", "Indiana", "Iowa", "Islamabad", "Istanbul", "Jakarta",
    "Jerusalem", "Johannesburg", "Kabul", "Kansas", "Karachi", "Kent", "Kentucky", "Kharkiv",
    "Khartoum", "Kherson", "Kiev", "Kinshasa", "Kyiv", "Lagos", "Lancashire", "Las Vegas",
    "Leeds", "Leicester", "Lima", "Lisbon", "Liverpool", "Ljubljana", "London", "Los Angeles",
    "Louisiana", "Luhansk", "Lviv", "Lyon", "Madrid", "Maine", "Manchester", "Manila",
    "Mariupol", "Marseille", "Maryland", "Massachusetts", "Mecca", "Melbourne", "Merseyside",
    "Mexico City", "Miami", "Michigan", "Milan", "Minneapolis", "Minnesota", "Minsk",
    "Mississippi", "Missouri", "Montana", "Montreal", "Moscow", "Mosul", "Mumbai", "Munich",
    "Nairobi", "Naples", "Nebraska", "Nevada", "New Delhi", "New Hampshire", "New Jersey",
    "New Mexico", "New Orleans", "New York", "New York City", "Newcastle", "Nice", "Norfolk",
    "North Carolina", "North Dakota", "Nottingham", "Odesa", "Odessa", "Ohio", "Oklahoma",
    "Oregon", "Osaka", "Oslo", "Ottawa", "Oxford", "Oxfordshire", "Paris", "Pennsylvania",
    "Perth", "Philadelphia", "Phoenix", "Plymouth", "Portland", "Prague", "Pretoria",
    "Pyongyang", "Quebec", "Rabat", "Rafah", "Reykjavik", "Rhode Island", "Riga",
    "Rio de Janeiro", "Riyadh", "Rome", "Rotterdam", "San Diego", "San Francisco", "Santiago",
    "Sao Paulo", "Seattle", "Seoul", "Shanghai", "Sheffield", "Shenzhen", "Silicon Valley",
    "Sofia", "Somerset", "South Carolina", "South Dakota", "Southampton", "St Petersburg",
    "Stockholm", "Suffolk", "Surrey", "Sussex", "Sydney", "Taipei", "Tallinn", "Tbilisi",
    "Tehran", "Tel Aviv", "Tennessee", "Texas", "The Hague", "Tokyo", "Toronto", "Tripoli",
    "Tunis", "Utah", "Valencia", "Vancouver", "Venice", "Vermont", "Vienna", "Vilnius",
    "Virginia", "Warsaw", "Washington", "Wellington", "West Virginia", "Westminster",
    "Wisconsin", "Wuhan", "Wyoming", "Yorkshire", "Zagreb", "Zaporizhzhia", "Zurich",
];

/// True for a well-known city, state, county or region name.
pub fn is_place(name: &str) -> bool {
    PLACES.binary_search(&name).is_ok()
}

/// Last words that make a capitalised phrase a place ("Downing Street", "Windsor Castle").
pub fn is_place_suffix(word: &str) -> bool {
    matches!(
        word,
        "Street" | "Road" | "Avenue" | "Lane" | "Square" | "Bridge" | "Castle" | "Palace"
            | "Park" | "River" | "Lake" | "Mountain" | "Mountains" | "Island" | "Islands"
            | "Airport" | "Station" | "Stadium" | "Arena" | "Cathedral" | "Abbey" | "Tower"
            | "Valley" | "Sea" | "Ocean" | "Bay" | "Coast" | "Province" | "County" | "Region"
            | "District" | "Hill" | "Hills" | "Heights" | "Harbour" | "Harbor" | "Beach"
            | "Boulevard" | "Way" | "Gardens" | "Common" | "Estate" | "Peninsula" | "Strait"
            | "Gulf" | "Desert" | "Forest" | "Canal" | "Prison" | "Field" | "Stadion"
            | "Mall" | "Crescent" | "Terrace" | "Place" | "Quay" | "Wharf" | "Dam"
    )
}

/// Words that begin a place name ("Palace of Westminster", "Mount Everest").
pub fn is_place_prefix(word: &str) -> bool {
    matches!(
        word,
        "Palace" | "Mount" | "Lake" | "Port" | "Fort" | "Cape" | "Gulf" | "Isle" | "Bay"
            | "Houses" | "Tower" | "Strait" | "Sea"
    )
}

/// Aliases of well-known places that are not countries ("No 10" is Downing Street).
pub fn place_alias(name: &str) -> Option<&'static str> {
    Some(match name {
        "No 10" | "No. 10" | "Number 10" | "Number Ten" | "No10" => "Downing Street",
        "Kiev" => "Kyiv",
        "Odessa" => "Odesa",
        "Houses of Parliament" => "Palace of Westminster",
        "NYC" => "New York",
        "LA" => "Los Angeles",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(PLACES.windows(2).all(|w| w[0] < w[1]), "PLACES must be sorted");
        assert_eq!(country("Britain").map(|c| c.name), Some("United Kingdom"));
        assert_eq!(demonym("Ukrainian").map(|c| c.name), Some("Ukraine"));
        assert!(is_place("The Hague") && is_place("Berkshire"));
        assert_eq!(place_alias("No 10"), Some("Downing Street"));
    }
}
