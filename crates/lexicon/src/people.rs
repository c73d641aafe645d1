//! Honorifics, role nouns, first names and pronouns.

/// Grammatical gender as far as English marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// he/him/his
    Male,
    /// she/her
    Female,
    /// unknown or either
    Unknown,
}

/// Courtesy titles that always introduce a person's name ("Mr", "Sir", "Dr", "Sen.").
/// Returns the gender the title implies.
pub fn honorific(word: &str) -> Option<Gender> {
    use Gender::*;
    Some(match word {
        "Mr" | "Mr." | "Sir" | "Lord" | "Baron" | "Father" | "Brother" | "King" | "Prince"
        | "Duke" | "Earl" | "Sheikh" | "Monsignor" => Male,
        "Mrs" | "Mrs." | "Ms" | "Ms." | "Miss" | "Dame" | "Lady" | "Baroness" | "Sister"
        | "Queen" | "Princess" | "Duchess" | "Countess" | "Madam" => Female,
        "Dr" | "Dr." | "Prof" | "Prof." | "Professor" | "Mx" | "Rev" | "Rev." | "Reverend"
        | "Rabbi" | "Imam" | "Sen." | "Senator" | "Rep." | "Gov." | "Governor" | "Judge"
        | "Justice" | "Gen." | "General" | "Col." | "Colonel" | "Lt" | "Lt." | "Capt."
        | "Captain" | "Sgt" | "Sgt." | "Sergeant" | "Adm." | "Admiral" | "Cardinal"
        | "Archbishop" | "Bishop" | "Pope" | "Commissioner" | "Inspector" | "Detective"
        | "Constable" | "Supt" | "Superintendent" | "DCI" | "DI" | "PC" | "Cllr" | "Councillor"
        | "Ambassador" | "Mayor" | "President" | "Chancellor" | "Minister" | "Secretary"
        | "Speaker" | "Premier" | "Coach" | "Officer" | "Marshal" | "Major" | "Chief" => Unknown,
        _ => return None,
    })
}

/// Titles written abbreviated with a period that does not end a sentence ("Mr.", "Sen.").
pub fn is_abbreviated_title(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Prof"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Gen"
            | "Col"
            | "Lt"
            | "Capt"
            | "Sgt"
            | "Adm"
            | "Rev"
            | "Hon"
            | "Supt"
            | "Insp"
            | "Det"
            | "Cllr"
            | "Pte"
            | "Cpl"
            | "Maj"
            | "Brig"
    )
}

/// Honorifics that are offices ("President", "Senator"): they may also head a role nominal.
pub fn is_office_title(word: &str) -> bool {
    matches!(
        word,
        "President"
            | "Chancellor"
            | "Minister"
            | "Secretary"
            | "Speaker"
            | "Premier"
            | "Mayor"
            | "Governor"
            | "Gov."
            | "Senator"
            | "Sen."
            | "Rep."
            | "Ambassador"
            | "Judge"
            | "Justice"
            | "Commissioner"
            | "Coach"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "General"
            | "Gen."
            | "Chief"
    )
}

/// Multi-word office titles that precede a name ("Prime Minister Keir Starmer").
pub const OFFICE_PHRASES: &[&str] = &[
    "Prime Minister",
    "Foreign Secretary",
    "Home Secretary",
    "Foreign Minister",
    "Defence Secretary",
    "Defense Secretary",
    "Secretary of State",
    "Attorney General",
    "Vice President",
    "Vice-President",
    "First Minister",
    "Chief Executive",
    "Health Secretary",
    "Education Secretary",
    "Justice Secretary",
    "Chief Justice",
    "Crown Prince",
    "Deputy Prime Minister",
    "Chancellor of the Exchequer",
    "Supreme Leader",
    "Labour leader",
    "Tory leader",
    "Conservative leader",
    "Opposition leader",
    "Speaker of the House",
    "House Speaker",
    "Senate Majority Leader",
];

/// Role nouns that head a nominal mention of a person ("the Prime Minister", "the Ukrainian
/// leader", "the club's manager"). Lower case, singular; multi-word roles first.
pub const ROLE_NOUNS: &[&str] = &[
    "prime minister",
    "foreign secretary",
    "home secretary",
    "foreign minister",
    "defence secretary",
    "defense secretary",
    "health secretary",
    "secretary of state",
    "attorney general",
    "vice president",
    "first minister",
    "chief executive",
    "chief constable",
    "chief inspector",
    "head coach",
    "chief of staff",
    "supreme leader",
    "president",
    "chancellor",
    "minister",
    "secretary",
    "premier",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "monarch",
    "pope",
    "senator",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "judge",
    "prosecutor",
    "defendant",
    "manager",
    "coach",
    "captain",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "founder",
    "ambassador",
    "envoy",
    "commander",
    "general",
    "speaker",
    "counterpart",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "boss",
    "head",
    "chief",
    "executive",
    "economist",
    "analyst",
    "lawyer",
    "barrister",
    "solicitor",
    "mother",
    "father",
    "widow",
    "actor",
    "actress",
    "singer",
    "author",
    "novelist",
    "scientist",
    "professor",
    "researcher",
    "victim",
    "suspect",
    "officer",
    "detective",
    "official",
    "businessman",
    "businesswoman",
    "billionaire",
    "candidate",
    "nominee",
    "incumbent",
    "mp",
    "lawmaker",
    "politician",
    "diplomat",
    "star",
    "player",
    "winger",
    "forward",
    "veteran",
    "teenager",
    "pensioner",
    "mayor",
    "sheriff",
    "witness",
    "accused",
    "volunteer",
    "resident",
    "farmer",
    "teacher",
    "nurse",
    "doctor",
    "student",
    "worker",
    "engineer",
    "owner",
    "member",
    "activist",
    "campaigner",
    "survivor",
    "journalist",
    "reporter",
    "historian",
    "priest",
    "athlete",
    "footballer",
    "pilot",
    "driver",
    "shopkeeper",
    "landlord",
    "director",
];

/// Role nouns that only one person holds at a time within a story ("the King", "the Prime
/// Minister"): such a nominal keeps referring to the same holder.
pub fn is_unique_role(role: &str) -> bool {
    matches!(
        role,
        "prime minister"
            | "president"
            | "chancellor"
            | "king"
            | "queen"
            | "pope"
            | "monarch"
            | "premier"
            | "foreign secretary"
            | "home secretary"
            | "defence secretary"
            | "health secretary"
            | "attorney general"
            | "vice president"
            | "first minister"
            | "supreme leader"
            | "chief executive"
            | "governor"
            | "mayor"
            | "judge"
            | "prosecutor"
            | "defendant"
            | "manager"
            | "head coach"
            | "captain"
            | "speaker"
            | "chairman"
            | "chairwoman"
            | "founder"
    )
}

/// The gender a role noun implies.
pub fn role_gender(role: &str) -> Gender {
    match role {
        "king" | "prince" | "spokesman" | "chairman" | "congressman" | "father" | "actor"
        | "businessman" => Gender::Male,
        "queen" | "princess" | "spokeswoman" | "chairwoman" | "congresswoman" | "mother"
        | "widow" | "actress" | "businesswoman" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// Personal pronouns: (gender, plural, possessive-or-object form).
pub fn pronoun(word: &str) -> Option<(Gender, bool)> {
    use Gender::*;
    if word.len() > 10 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    Some(match std::str::from_utf8(lower).unwrap_or("") {
        "he" | "him" | "his" | "himself" => (Male, false),
        "she" | "her" | "hers" | "herself" => (Female, false),
        "they" | "them" | "their" | "theirs" | "themselves" => (Unknown, true),
        _ => return None,
    })
}

/// The usual gender of a common first name, if it is one.
pub fn first_name(word: &str) -> Option<Gender> {
    if MALE_NAMES.binary_search(&word).is_ok() {
        Some(Gender::Male)
    } else if FEMALE_NAMES.binary_search(&word).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Common male first names (sorted).
const MALE_NAMES: &[&str] = &[
    "Aaron",
    "Abdul",
    "Abdullah",
    "Adam",
    "Adrian",
    "Ahmed",
    "Alan",
    "Albert",
    "Alejandro",
    "Alex",
    "Alexander",
    "Alexei",
    "Ali",
    "Alistair",
    "Andre",
    "Andrei",
    "Andrew",
    "Andrzej",
    "Andy",
    "Angus",
    "Anthony",
    "Antonio",
    "Arthur",
    "Ashley",
    "Barack",
    "Barry",
    "Ben",
    "Benjamin",
    "Bernard",
    "Bernie",
    "Bill",
    "Bob",
    "Boris",
    "Brandon",
    "Brett",
    "Brian",
    "Bruce",
    "Bruno",
    "Bryan",
    "Callum",
    "Calvin",
    "Carl",
    "Carlos",
    "Charles",
    "Charlie",
    "Chris",
    "Christian",
    "Christopher",
    "Colin",
    "Connor",
    "Conor",
    "Craig",
    "Dan",
    "Daniel",
    "Danny",
    "Darren",
    "Dave",
    "David",
    "Dean",
    "Declan",
    "Dennis",
    "Derek",
    "Diego",
    "Dmitri",
    "Dmitry",
    "Dominic",
    "Donald",
    "Douglas",
    "Duncan",
    "Dylan",
    "Ed",
    "Eddie",
    "Edward",
    "Elon",
    "Emmanuel",
    "Eric",
    "Ethan",
    "Euan",
    "Evan",
    "Ewan",
    "Felix",
    "Fernando",
    "Francis",
    "Francisco",
    "Frank",
    "Fraser",
    "Fred",
    "Gabriel",
    "Gareth",
    "Gary",
    "Gavin",
    "George",
    "Gerald",
    "Giorgio",
    "Giovanni",
    "Glenn",
    "Gordon",
    "Graeme",
    "Graham",
    "Greg",
    "Gregory",
    "Hamish",
    "Hamza",
    "Hans",
    "Harold",
    "Harry",
    "Hassan",
    "Henry",
    "Howard",
    "Hugh",
    "Hugo",
    "Hussein",
    "Iain",
    "Ian",
    "Ibrahim",
    "Igor",
    "Isaac",
    "Ivan",
    "Jack",
    "Jacob",
    "Jake",
    "James",
    "Jamie",
    "Jason",
    "Javier",
    "Jean",
    "Jeff",
    "Jeffrey",
    "Jeremy",
    "Jerome",
    "Jim",
    "Jimmy",
    "Joe",
    "Joel",
    "Johan",
    "John",
    "Johnny",
    "Jon",
    "Jonas",
    "Jonathan",
    "Jordan",
    "Jorge",
    "Jose",
    "Joseph",
    "Josh",
    "Joshua",
    "Juan",
    "Julian",
    "Justin",
    "Karl",
    "Keir",
    "Keith",
    "Ken",
    "Kenneth",
    "Kevin",
    "Kieran",
    "Kofi",
    "Kwame",
    "Kyle",
    "Lars",
    "Lee",
    "Leo",
    "Leon",
    "Lewis",
    "Liam",
    "Lindsay",
    "Lloyd",
    "Louis",
    "Luca",
    "Lucas",
    "Luis",
    "Lukas",
    "Luke",
    "Malcolm",
    "Marco",
    "Marcus",
    "Mario",
    "Mark",
    "Martin",
    "Mateo",
    "Matt",
    "Matteo",
    "Matthew",
    "Max",
    "Michael",
    "Miguel",
    "Mike",
    "Mikhail",
    "Mohamed",
    "Mohammed",
    "Muhammad",
    "Narendra",
    "Nathan",
    "Neil",
    "Niall",
    "Nicholas",
    "Nick",
    "Nicolas",
    "Nigel",
    "Nikolai",
    "Noah",
    "Oliver",
    "Omar",
    "Oscar",
    "Owen",
    "Pablo",
    "Patrick",
    "Paul",
    "Pedro",
    "Peter",
    "Phil",
    "Philip",
    "Pierre",
    "Piotr",
    "Rafael",
    "Rahul",
    "Rajesh",
    "Ralph",
    "Ray",
    "Raymond",
    "Rhys",
    "Richard",
    "Rick",
    "Rishi",
    "Rob",
    "Robert",
    "Roberto",
    "Robin",
    "Rodrigo",
    "Roger",
    "Ron",
    "Ronald",
    "Ross",
    "Roy",
    "Rupert",
    "Russell",
    "Ryan",
    "Sam",
    "Samuel",
    "Scott",
    "Sean",
    "Sebastian",
    "Sergei",
    "Sergey",
    "Simon",
    "Stefan",
    "Stephen",
    "Steve",
    "Steven",
    "Stuart",
    "Tariq",
    "Ted",
    "Terry",
    "Thomas",
    "Tim",
    "Timothy",
    "Tobias",
    "Toby",
    "Todd",
    "Tom",
    "Tomas",
    "Tommy",
    "Tony",
    "Trevor",
    "Tyler",
    "Victor",
    "Vikram",
    "Vincent",
    "Vladimir",
    "Volodymyr",
    "Walter",
    "Wayne",
    "Wes",
    "William",
    "Xi",
    "Yusuf",
    "Zach",
    "Zachary",
];

/// Common female first names (sorted).
const FEMALE_NAMES: &[&str] = &[
    "Abigail",
    "Ada",
    "Aisha",
    "Alice",
    "Alison",
    "Amanda",
    "Amber",
    "Amelia",
    "Amy",
    "Ana",
    "Andrea",
    "Angela",
    "Angelina",
    "Ann",
    "Anna",
    "Anne",
    "Annie",
    "Ashley",
    "Barbara",
    "Beatrice",
    "Becky",
    "Bella",
    "Beth",
    "Betty",
    "Bridget",
    "Camilla",
    "Carla",
    "Carol",
    "Caroline",
    "Catherine",
    "Charlotte",
    "Chloe",
    "Christina",
    "Christine",
    "Claire",
    "Clara",
    "Claudia",
    "Deborah",
    "Denise",
    "Diana",
    "Diane",
    "Donna",
    "Dorothy",
    "Eleanor",
    "Elena",
    "Elizabeth",
    "Ella",
    "Ellen",
    "Emily",
    "Emma",
    "Erin",
    "Eva",
    "Eve",
    "Fatima",
    "Fiona",
    "Florence",
    "Frances",
    "Gemma",
    "Georgia",
    "Giorgia",
    "Grace",
    "Hannah",
    "Harriet",
    "Heather",
    "Helen",
    "Hillary",
    "Holly",
    "Ingrid",
    "Irene",
    "Isabel",
    "Isabella",
    "Jacinda",
    "Jane",
    "Janet",
    "Jennifer",
    "Jess",
    "Jessica",
    "Jill",
    "Joan",
    "Joanna",
    "Josephine",
    "Joyce",
    "Julia",
    "Julie",
    "Kamala",
    "Karen",
    "Kate",
    "Katherine",
    "Kathleen",
    "Kathryn",
    "Katie",
    "Kelly",
    "Kemi",
    "Kim",
    "Laura",
    "Lauren",
    "Leah",
    "Linda",
    "Lisa",
    "Liz",
    "Lucy",
    "Lydia",
    "Maria",
    "Marie",
    "Marine",
    "Martha",
    "Mary",
    "Maya",
    "Megan",
    "Melania",
    "Melanie",
    "Melissa",
    "Mia",
    "Michelle",
    "Miriam",
    "Molly",
    "Nadia",
    "Nancy",
    "Naomi",
    "Natalie",
    "Natasha",
    "Nicola",
    "Nicole",
    "Nina",
    "Olga",
    "Olivia",
    "Pamela",
    "Patricia",
    "Paula",
    "Penny",
    "Priti",
    "Rachael",
    "Rachel",
    "Rebecca",
    "Rosa",
    "Rose",
    "Ruth",
    "Sally",
    "Samantha",
    "Sandra",
    "Sara",
    "Sarah",
    "Sharon",
    "Shirley",
    "Sophia",
    "Sophie",
    "Stephanie",
    "Susan",
    "Suzanne",
    "Tanya",
    "Teresa",
    "Theresa",
    "Tina",
    "Ursula",
    "Valerie",
    "Vanessa",
    "Victoria",
    "Wendy",
    "Yvette",
    "Yvonne",
    "Zoe",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_are_sorted() {
        assert!(MALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(FEMALE_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(first_name("Keir"), Some(Gender::Male));
        assert_eq!(first_name("Rachel"), Some(Gender::Female));
        assert_eq!(honorific("Dame"), Some(Gender::Female));
    }
}
