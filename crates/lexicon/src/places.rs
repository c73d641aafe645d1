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

type CountryIndex = std::collections::HashMap<&'static str, &'static Country>;

fn index(names: fn(&'static Country) -> Vec<&'static str>) -> CountryIndex {
    let mut map = CountryIndex::new();
    for c in COUNTRIES {
        for n in names(c) {
            map.entry(n).or_insert(c);
        }
    }
    map
}

/// The country a name or alias denotes ("Britain" → United Kingdom).
pub fn country(name: &str) -> Option<&'static Country> {
    static MAP: std::sync::OnceLock<CountryIndex> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        index(|c| {
            std::iter::once(c.name)
                .chain(c.aliases.iter().copied())
                .collect()
        })
    })
    .get(name)
    .copied()
}

/// The country whose demonym this is ("Ukrainian" → Ukraine).
pub fn demonym(word: &str) -> Option<&'static Country> {
    static MAP: std::sync::OnceLock<CountryIndex> = std::sync::OnceLock::new();
    MAP.get_or_init(|| index(|c| c.demonyms.to_vec()))
        .get(word)
        .copied()
}

/// Well-known cities, capitals, US states, UK nations, counties and regions (sorted).
const PLACES: &[&str] = &[
    "Aarhus",
    "Aberdeen",
    "Abu Dhabi",
    "Abuja",
    "Accra",
    "Adana",
    "Addis Ababa",
    "Aden",
    "Ahmedabad",
    "Akron",
    "Alabama",
    "Alaska",
    "Albany",
    "Alberta",
    "Albuquerque",
    "Aleppo",
    "Alexandria",
    "Algiers",
    "Amman",
    "Amsterdam",
    "Anchorage",
    "Andalusia",
    "Ankara",
    "Antakya",
    "Antalya",
    "Antwerp",
    "Arizona",
    "Arkansas",
    "Asmara",
    "Aswan",
    "Athens",
    "Atlanta",
    "Auckland",
    "Austin",
    "Avdiivka",
    "Baghdad",
    "Bakhmut",
    "Baku",
    "Bali",
    "Balochistan",
    "Baltimore",
    "Bamako",
    "Bangalore",
    "Bangkok",
    "Barcelona",
    "Barnsley",
    "Basel",
    "Basra",
    "Baton Rouge",
    "Bavaria",
    "Beijing",
    "Beirut",
    "Beit Hanoun",
    "Belfast",
    "Belgorod",
    "Belgrade",
    "Bengal",
    "Bengaluru",
    "Benghazi",
    "Bergen",
    "Berkshire",
    "Berlin",
    "Bern",
    "Bilbao",
    "Birmingham",
    "Blackpool",
    "Bogota",
    "Boise",
    "Bologna",
    "Bolton",
    "Bordeaux",
    "Boston",
    "Bournemouth",
    "Bradford",
    "Brasilia",
    "Bratislava",
    "Bremen",
    "Brighton",
    "Bristol",
    "British Columbia",
    "Brittany",
    "Brixton",
    "Brno",
    "Bruges",
    "Brussels",
    "Bucharest",
    "Budapest",
    "Buenos Aires",
    "Buffalo",
    "Burnley",
    "Bursa",
    "Busan",
    "Cairo",
    "California",
    "Cambridge",
    "Camden",
    "Canberra",
    "Canterbury",
    "Cape Town",
    "Caracas",
    "Cardiff",
    "Carlisle",
    "Casablanca",
    "Catalonia",
    "Cebu",
    "Chechnya",
    "Chelmsford",
    "Cheltenham",
    "Chengdu",
    "Chennai",
    "Chernihiv",
    "Chicago",
    "Chisinau",
    "Chongqing",
    "Cincinnati",
    "Cleveland",
    "Cluj",
    "Coimbra",
    "Colchester",
    "Cologne",
    "Colombo",
    "Colorado",
    "Columbus",
    "Connecticut",
    "Copenhagen",
    "Cornwall",
    "Corsica",
    "Coventry",
    "Crete",
    "Croydon",
    "Cumbria",
    "Dagestan",
    "Dakar",
    "Dallas",
    "Damascus",
    "Dammam",
    "Darfur",
    "Davao",
    "Dayton",
    "Deir ez-Zor",
    "Delaware",
    "Delhi",
    "Denver",
    "Derby",
    "Des Moines",
    "Detroit",
    "Devon",
    "Dhaka",
    "Diyarbakir",
    "Djibouti",
    "Dnipro",
    "Doha",
    "Donbas",
    "Doncaster",
    "Donetsk",
    "Dorset",
    "Dover",
    "Dresden",
    "Dubai",
    "Dublin",
    "Dubrovnik",
    "Dundee",
    "Dusseldorf",
    "Edinburgh",
    "Eindhoven",
    "Erbil",
    "Essex",
    "Exeter",
    "Fallujah",
    "Fez",
    "Flanders",
    "Florence",
    "Florida",
    "Frankfurt",
    "Freetown",
    "Fresno",
    "Fukuoka",
    "Gateshead",
    "Gaziantep",
    "Gdansk",
    "Geneva",
    "Genoa",
    "Ghent",
    "Giza",
    "Glasgow",
    "Gloucester",
    "Gloucestershire",
    "Golan Heights",
    "Goma",
    "Gothenburg",
    "Graz",
    "Guangdong",
    "Guangzhou",
    "Guildford",
    "Gujarat",
    "Hackney",
    "Haifa",
    "Hama",
    "Hamburg",
    "Hampshire",
    "Hangzhou",
    "Hanoi",
    "Hanover",
    "Harare",
    "Harrogate",
    "Hartford",
    "Hatay",
    "Havana",
    "Hawaii",
    "Hebron",
    "Helsinki",
    "Heraklion",
    "Hereford",
    "Hertfordshire",
    "Hiroshima",
    "Ho Chi Minh City",
    "Hokkaido",
    "Homs",
    "Hong Kong",
    "Honolulu",
    "Houston",
    "Huddersfield",
    "Hull",
    "Hyderabad",
    "Iasi",
    "Idaho",
    "Idlib",
    "Illinois",
    "Incheon",
    "Indiana",
    "Indianapolis",
    "Innsbruck",
    "Inverness",
    "Iowa",
    "Ipswich",
    "Isfahan",
    "Islamabad",
    "Islington",
    "Istanbul",
    "Izmir",
    "Jacksonville",
    "Jaipur",
    "Jakarta",
    "Jeddah",
    "Jenin",
    "Jerusalem",
    "Johannesburg",
    "Juba",
    "Kabul",
    "Kahramanmaras",
    "Kaliningrad",
    "Kampala",
    "Kano",
    "Kansas",
    "Kansas City",
    "Karachi",
    "Kashmir",
    "Kathmandu",
    "Kazan",
    "Kent",
    "Kentucky",
    "Kerala",
    "Khan Younis",
    "Kharkiv",
    "Khartoum",
    "Kherson",
    "Kiev",
    "Kigali",
    "Kinshasa",
    "Kirkuk",
    "Kolkata",
    "Kosice",
    "Krakow",
    "Kuala Lumpur",
    "Kursk",
    "Kuwait",
    "Kuwait City",
    "Kyiv",
    "Kyoto",
    "Lagos",
    "Lahore",
    "Lambeth",
    "Lancashire",
    "Lancaster",
    "Larissa",
    "Las Vegas",
    "Latakia",
    "Lausanne",
    "Leeds",
    "Leicester",
    "Leipzig",
    "Lille",
    "Lima",
    "Limassol",
    "Lisbon",
    "Little Rock",
    "Liverpool",
    "Ljubljana",
    "Lodz",
    "Lombardy",
    "London",
    "Long Beach",
    "Los Angeles",
    "Louisiana",
    "Louisville",
    "Luanda",
    "Lucknow",
    "Luhansk",
    "Lusaka",
    "Luton",
    "Lutsk",
    "Luxor",
    "Lviv",
    "Lyon",
    "Madrid",
    "Maidstone",
    "Maine",
    "Malaga",
    "Malatya",
    "Malmo",
    "Manama",
    "Manchester",
    "Mandalay",
    "Manila",
    "Manitoba",
    "Maputo",
    "Mariupol",
    "Marrakech",
    "Marseille",
    "Maryland",
    "Mashhad",
    "Massachusetts",
    "Mecca",
    "Medina",
    "Melbourne",
    "Memphis",
    "Merseyside",
    "Mexico City",
    "Miami",
    "Michigan",
    "Middlesbrough",
    "Milan",
    "Milton Keynes",
    "Milwaukee",
    "Minneapolis",
    "Minnesota",
    "Minsk",
    "Misrata",
    "Mississippi",
    "Missouri",
    "Mogadishu",
    "Monrovia",
    "Montana",
    "Montgomery",
    "Montpellier",
    "Montreal",
    "Moscow",
    "Mostar",
    "Mosul",
    "Mumbai",
    "Munich",
    "Murmansk",
    "Muscat",
    "Mykolaiv",
    "Nablus",
    "Nagoya",
    "Nairobi",
    "Nanjing",
    "Nantes",
    "Naples",
    "Nashville",
    "Nebraska",
    "Nevada",
    "New Delhi",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New Orleans",
    "New York",
    "New York City",
    "Newark",
    "Newcastle",
    "Newport",
    "Niamey",
    "Nice",
    "Nicosia",
    "Norfolk",
    "Normandy",
    "North Carolina",
    "North Dakota",
    "Northampton",
    "Norwich",
    "Nottingham",
    "Novosibirsk",
    "Nuremberg",
    "Oakland",
    "Odesa",
    "Odessa",
    "Ohio",
    "Okinawa",
    "Oklahoma",
    "Omaha",
    "Ontario",
    "Oran",
    "Oregon",
    "Orlando",
    "Osaka",
    "Oslo",
    "Ottawa",
    "Ouagadougou",
    "Oxford",
    "Oxfordshire",
    "Palermo",
    "Paris",
    "Patras",
    "Pennsylvania",
    "Perth",
    "Peshawar",
    "Peterborough",
    "Philadelphia",
    "Phnom Penh",
    "Phoenix",
    "Pittsburgh",
    "Plovdiv",
    "Plymouth",
    "Podgorica",
    "Pokrovsk",
    "Poltava",
    "Port Sudan",
    "Portland",
    "Porto",
    "Portsmouth",
    "Poznan",
    "Prague",
    "Pretoria",
    "Pristina",
    "Provence",
    "Providence",
    "Pune",
    "Punjab",
    "Pyongyang",
    "Quebec",
    "Queensland",
    "Quetta",
    "Rabat",
    "Rafah",
    "Raleigh",
    "Ramadi",
    "Ramallah",
    "Raqqa",
    "Rawalpindi",
    "Rennes",
    "Reykjavik",
    "Rhode Island",
    "Riga",
    "Rio de Janeiro",
    "Rivne",
    "Riyadh",
    "Rochester",
    "Rome",
    "Rotherham",
    "Rotterdam",
    "Sacramento",
    "Salford",
    "Salisbury",
    "Salt Lake City",
    "Salzburg",
    "San Diego",
    "San Francisco",
    "San Jose",
    "Sanaa",
    "Santiago",
    "Sao Paulo",
    "Sarajevo",
    "Sardinia",
    "Scarborough",
    "Sderot",
    "Seattle",
    "Seoul",
    "Seville",
    "Sfax",
    "Shanghai",
    "Sheffield",
    "Shenzhen",
    "Shiraz",
    "Shrewsbury",
    "Siberia",
    "Sichuan",
    "Sicily",
    "Silicon Valley",
    "Sinai",
    "Sindh",
    "Singapore",
    "Skopje",
    "Slough",
    "Sochi",
    "Sofia",
    "Somerset",
    "South Carolina",
    "South Dakota",
    "Southampton",
    "Southwark",
    "Spokane",
    "St Petersburg",
    "Stirling",
    "Stockholm",
    "Stockport",
    "Stoke",
    "Strasbourg",
    "Stuttgart",
    "Sudan",
    "Suffolk",
    "Sumy",
    "Sunderland",
    "Surabaya",
    "Surrey",
    "Sussex",
    "Swansea",
    "Swindon",
    "Sydney",
    "Tabriz",
    "Tacoma",
    "Taipei",
    "Tallinn",
    "Tampa",
    "Tampere",
    "Tangier",
    "Tasmania",
    "Tbilisi",
    "Tehran",
    "Tel Aviv",
    "Tennessee",
    "Ternopil",
    "Texas",
    "The Hague",
    "Thessaloniki",
    "Thessaly",
    "Tianjin",
    "Tibet",
    "Tikrit",
    "Timbuktu",
    "Timisoara",
    "Tirana",
    "Tokyo",
    "Toledo",
    "Toronto",
    "Torquay",
    "Toulouse",
    "Tripoli",
    "Truro",
    "Tucson",
    "Tunis",
    "Turin",
    "Turku",
    "Tuscany",
    "Utah",
    "Utrecht",
    "Uzhhorod",
    "Valencia",
    "Valletta",
    "Vancouver",
    "Varna",
    "Venice",
    "Vermont",
    "Verona",
    "Vienna",
    "Vientiane",
    "Vilnius",
    "Vinnytsia",
    "Virginia",
    "Vladivostok",
    "Volos",
    "Wakefield",
    "Wallonia",
    "Walsall",
    "Warsaw",
    "Washington",
    "Watford",
    "Wellington",
    "West Virginia",
    "Westminster",
    "Wigan",
    "Winchester",
    "Wisconsin",
    "Wolverhampton",
    "Worcester",
    "Wrexham",
    "Wroclaw",
    "Wuhan",
    "Wyoming",
    "Xian",
    "Xinjiang",
    "Yangon",
    "Yekaterinburg",
    "Yokohama",
    "York",
    "Yorkshire",
    "Zagreb",
    "Zaporizhzhia",
    "Zaragoza",
    "Zhytomyr",
    "Zurich",
];

/// True for a well-known city, state, county or region name.
pub fn is_place(name: &str) -> bool {
    PLACES.binary_search(&name).is_ok()
}

/// The fifty US states.
pub fn is_us_state(name: &str) -> bool {
    matches!(
        name,
        "Alabama"
            | "Alaska"
            | "Arizona"
            | "Arkansas"
            | "California"
            | "Colorado"
            | "Connecticut"
            | "Delaware"
            | "Florida"
            | "Georgia"
            | "Hawaii"
            | "Idaho"
            | "Illinois"
            | "Indiana"
            | "Iowa"
            | "Kansas"
            | "Kentucky"
            | "Louisiana"
            | "Maine"
            | "Maryland"
            | "Massachusetts"
            | "Michigan"
            | "Minnesota"
            | "Mississippi"
            | "Missouri"
            | "Montana"
            | "Nebraska"
            | "Nevada"
            | "New Hampshire"
            | "New Jersey"
            | "New Mexico"
            | "New York"
            | "North Carolina"
            | "North Dakota"
            | "Ohio"
            | "Oklahoma"
            | "Oregon"
            | "Pennsylvania"
            | "Rhode Island"
            | "South Carolina"
            | "South Dakota"
            | "Tennessee"
            | "Texas"
            | "Utah"
            | "Vermont"
            | "Virginia"
            | "Washington"
            | "West Virginia"
            | "Wisconsin"
            | "Wyoming"
    )
}

/// Last words that make a capitalised phrase a place ("Downing Street", "Windsor Castle").
pub fn is_place_suffix(word: &str) -> bool {
    matches!(
        word,
        "Street"
            | "Road"
            | "Avenue"
            | "Lane"
            | "Square"
            | "Bridge"
            | "Castle"
            | "Palace"
            | "Park"
            | "River"
            | "Lake"
            | "Mountain"
            | "Mountains"
            | "Island"
            | "Islands"
            | "Airport"
            | "Station"
            | "Stadium"
            | "Arena"
            | "Cathedral"
            | "Abbey"
            | "Tower"
            | "Valley"
            | "Sea"
            | "Ocean"
            | "Bay"
            | "Coast"
            | "Province"
            | "County"
            | "Region"
            | "District"
            | "Hill"
            | "Hills"
            | "Heights"
            | "Harbour"
            | "Harbor"
            | "Beach"
            | "Boulevard"
            | "Way"
            | "Gardens"
            | "Common"
            | "Estate"
            | "Peninsula"
            | "Strait"
            | "Gulf"
            | "Desert"
            | "Forest"
            | "Canal"
            | "Prison"
            | "Field"
            | "Stadion"
            | "Mall"
            | "Crescent"
            | "Terrace"
            | "Place"
            | "Quay"
            | "Wharf"
            | "Dam"
            | "Theatre"
            | "Theater"
            | "Statehouse"
            | "Capitol"
            | "Plaza"
            | "Pier"
            | "Motorway"
    )
}

/// Words that begin a place name ("Palace of Westminster", "Mount Everest").
pub fn is_place_prefix(word: &str) -> bool {
    matches!(
        word,
        "Palace"
            | "Mount"
            | "Lake"
            | "Port"
            | "Fort"
            | "Cape"
            | "Gulf"
            | "Isle"
            | "Bay"
            | "Houses"
            | "Tower"
            | "Strait"
            | "Sea"
            | "River"
            | "Stadium"
            | "Bridge"
            | "Mount."
    )
}

/// First words that name a place on their own ("River Pineios", "Mount Etna"): no "of" needed.
pub fn is_place_head(word: &str) -> bool {
    matches!(
        word,
        "River" | "Mount" | "Lake" | "Cape" | "Isle" | "Port" | "Fort" | "Loch" | "Glen"
    )
}

/// Nouns that name a kind of place, before "of": "the town of Farkadona".
pub fn is_place_kind(word: &str) -> bool {
    matches!(
        word,
        "town"
            | "city"
            | "village"
            | "region"
            | "province"
            | "state"
            | "county"
            | "district"
            | "island"
            | "capital"
            | "port"
            | "suburb"
            | "municipality"
            | "borough"
            | "republic"
            | "kingdom"
            | "valley"
            | "outskirts"
            | "centre"
            | "center"
            | "streets"
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
        assert!(
            PLACES.windows(2).all(|w| w[0] < w[1]),
            "PLACES must be sorted"
        );
        assert_eq!(country("Britain").map(|c| c.name), Some("United Kingdom"));
        assert_eq!(demonym("Ukrainian").map(|c| c.name), Some("Ukraine"));
        assert!(is_place("The Hague") && is_place("Berkshire"));
        assert_eq!(place_alias("No 10"), Some("Downing Street"));
    }
}
