//! Table-driven tests of trigger detection, participants, place and time on small documents.

mod common;

use byline_doc::EntityType::{Loc, Misc, Org, Per};
use byline_doc::Stage;
use byline_events::Events;
use common::{build, doc, run, shown, M};

/// (text, mentions, expected events shown as `kind 'trigger' [participants] @place`).
type Case<'a> = (&'a str, &'a [M<'a>], &'a [&'a str]);

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for (text, mentions, want) in cases {
        let mut d = doc(text, mentions);
        let got = shown(&mut d);
        if got != *want {
            failures.push(format!("{text}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

const ZS: &[M] = &[
    ("Zelensky", "Volodymyr Zelensky", Per),
    ("Starmer", "Keir Starmer", Per),
];

#[test]
fn stage_contract() {
    let s = Events::default();
    assert_eq!(s.name(), "events");
    assert_eq!(s.produces(), &[byline_doc::Layer::Events]);
    assert!(s.requires().contains(&byline_doc::Layer::Entities));
    assert!(!s.rewrites_text());
    let mut empty = byline_doc::Document::default();
    assert!(run(&mut empty).is_empty());
}

#[test]
fn triggers_of_each_type() {
    check(&[
        (
            "Zelensky met Starmer in London.",
            &[ZS[0], ZS[1], ("London", "London", Loc)],
            &["meet 'met' [Volodymyr Zelensky, Keir Starmer] @London"],
        ),
        (
            "Zelensky held talks with Macron at the Elysee Palace.",
            &[
                ZS[0],
                ("Macron", "Emmanuel Macron", Per),
                ("Elysee Palace", "Elysee Palace", Loc),
            ],
            &["meet 'held talks' [Volodymyr Zelensky, Emmanuel Macron] @Elysee Palace"],
        ),
        (
            "Meeting in Paris, Macron and Scholz discussed tariffs.",
            &[
                ("Paris", "Paris", Loc),
                ("Macron", "Macron", Per),
                ("Scholz", "Scholz", Per),
            ],
            &["meet 'Meeting' [Macron, Scholz] @Paris"],
        ),
        (
            "The King welcomed Zelensky to Windsor Castle.",
            &[
                ("The King", "Charles III", Per),
                ZS[0],
                ("Windsor Castle", "Windsor Castle", Loc),
            ],
            &["meet 'welcomed' [Charles III, Volodymyr Zelensky] @Windsor Castle"],
        ),
        (
            "Britain and Ukraine agreed a defence pact.",
            &[
                ("Britain", "United Kingdom", Loc),
                ("Ukraine", "Ukraine", Loc),
            ],
            &["agree 'agreed' [United Kingdom, Ukraine]"],
        ),
        (
            "The UK and France signed a treaty in London.",
            &[
                ("UK", "United Kingdom", Loc),
                ("France", "France", Loc),
                ("London", "London", Loc),
            ],
            &["agree 'signed' [United Kingdom, France] @London"],
        ),
        (
            "Boeing struck a deal with Airbus.",
            &[("Boeing", "Boeing", Org), ("Airbus", "Airbus", Org)],
            &["agree 'struck' [Boeing, Airbus]"],
        ),
        (
            "Russia fired 40 missiles at Ukraine overnight.",
            &[("Russia", "Russia", Loc), ("Ukraine", "Ukraine", Loc)],
            &["attack 'fired' [Russia, Ukraine]"],
        ),
        (
            "Russia attacked Kyiv.",
            &[("Russia", "Russia", Loc), ("Kyiv", "Kyiv", Loc)],
            &["attack 'attacked' [Russia, Kyiv]"],
        ),
        (
            "Israel launched air strikes on Gaza.",
            &[("Israel", "Israel", Loc), ("Gaza", "Gaza", Loc)],
            &["attack 'launched' [Israel, Gaza]"],
        ),
        (
            "Russia launched a massive drone attack on Kyiv.",
            &[("Russia", "Russia", Loc), ("Kyiv", "Kyiv", Loc)],
            &["attack 'launched' [Russia, Kyiv]"],
        ),
        (
            "Nato leaders gathered for a summit in Vilnius.",
            &[("Nato", "Nato", Org), ("Vilnius", "Vilnius", Loc)],
            &["summit 'summit' [Nato] @Vilnius"],
        ),
        (
            "Biden visited Kyiv on Monday.",
            &[("Biden", "Joe Biden", Per), ("Kyiv", "Kyiv", Loc)],
            &["visit 'visited' [Joe Biden] @Kyiv"],
        ),
        (
            "Macron arrived in Beijing for a state visit.",
            &[
                ("Macron", "Emmanuel Macron", Per),
                ("Beijing", "Beijing", Loc),
            ],
            &["visit 'arrived' [Emmanuel Macron] @Beijing"],
        ),
        (
            "Apple unveiled a new iPhone.",
            &[("Apple", "Apple", Org), ("iPhone", "iPhone", Misc)],
            &["announce 'unveiled' [Apple]"],
        ),
        (
            "The council launched a campaign against litter.",
            &[("The council", "Leeds City Council", Org)],
            &["announce 'launched' [Leeds City Council]"],
        ),
        (
            "Hamas killed two soldiers near Gaza.",
            &[("Hamas", "Hamas", Org), ("Gaza", "Gaza", Loc)],
            &["kill 'killed' [Hamas] @Gaza"],
        ),
        (
            "The minister resigned on Friday.",
            &[("The minister", "Jane Smith", Per)],
            &["resign 'resigned' [Jane Smith]"],
        ),
        (
            "Smith stepped down as chairman.",
            &[("Smith", "John Smith", Per)],
            &["resign 'stepped down' [John Smith]"],
        ),
        (
            "Ramaphosa was elected president by parliament.",
            &[("Ramaphosa", "Cyril Ramaphosa", Per)],
            &["elect 'elected' [Cyril Ramaphosa]"],
        ),
        (
            "Police arrested Tommy Robinson in Luton.",
            &[
                ("Tommy Robinson", "Tommy Robinson", Per),
                ("Luton", "Luton", Loc),
            ],
            &["arrest 'arrested' [Tommy Robinson] @Luton"],
        ),
        (
            "A judge jailed Smith for six years.",
            &[("Smith", "John Smith", Per)],
            &["sentence 'jailed' [John Smith]"],
        ),
        (
            "Greenpeace protested outside the Shell offices in London.",
            &[("Greenpeace", "Greenpeace", Org), ("London", "London", Loc)],
            &["protest 'protested' [Greenpeace] @London"],
        ),
        (
            "Castleford agreed to acquire Redline Precision, based in Wichita.",
            &[
                ("Castleford", "Castleford Aerospace", Org),
                ("Redline Precision", "Redline Precision", Org),
                ("Wichita", "Wichita", Loc),
            ],
            &["acquire 'acquire' [Castleford Aerospace, Redline Precision] @Wichita"],
        ),
        (
            "Doherty, who was the treasurer, pleaded guilty to fraud.",
            &[("Doherty", "Liam Doherty", Per)],
            &["plead 'pleaded' [Liam Doherty]"],
        ),
        (
            "Sentencing him, Judge Caroline Penrose said it was a breach of trust.",
            &[
                ("him", "Liam Doherty", Per),
                ("Judge Caroline Penrose", "Caroline Penrose", Per),
            ],
            &["sentence 'Sentencing' [Caroline Penrose, Liam Doherty]"],
        ),
        (
            "Gov. Linda Harrow signed a $4.2 billion transportation package in Dayton.",
            &[
                ("Gov. Linda Harrow", "Linda Harrow", Per),
                ("Dayton", "Dayton", Loc),
            ],
            &["sign 'signed' [Linda Harrow] @Dayton"],
        ),
        (
            "The measure, which passed the General Assembly last week, raises the gas tax.",
            &[("General Assembly", "Ohio General Assembly", Org)],
            &["pass 'passed' [Ohio General Assembly]"],
        ),
        (
            "Greece declared a state of emergency across Thessaly.",
            &[("Greece", "Greece", Loc), ("Thessaly", "Thessaly", Loc)],
            &["declare 'declared' [Greece] @Thessaly"],
        ),
        (
            "She has already reached a settlement with the Ministry of Defence.",
            &[
                ("She", "Miriam Okafor", Per),
                ("the Ministry of Defence", "Ministry of Defence", Org),
            ],
            &["agree 'settlement' [Miriam Okafor, Ministry of Defence]"],
        ),
        (
            "Macron paid a visit to Kyiv.",
            &[("Macron", "Emmanuel Macron", Per), ("Kyiv", "Kyiv", Loc)],
            &["visit 'visit' [Emmanuel Macron] @Kyiv"],
        ),
        (
            "A blast injured Smith in Leeds.",
            &[("Smith", "John Smith", Per), ("Leeds", "Leeds", Loc)],
            &["injure 'injured' [John Smith] @Leeds"],
        ),
    ]);
}

#[test]
fn negative_triggers() {
    check(&[
        (
            "Acme will meet the target set by Ofgem.",
            &[("Acme", "Acme", Org), ("Ofgem", "Ofgem", Org)],
            &[],
        ),
        (
            "Smith did not meet Jones.",
            &[("Smith", "Smith", Per), ("Jones", "Jones", Per)],
            &[],
        ),
        (
            "Acme’s attacking midfielder Smith scored.",
            &[("Acme", "Acme", Org), ("Smith", "Smith", Per)],
            &[],
        ),
        (
            "Smith suffered a heart attack in Leeds.",
            &[("Smith", "Smith", Per), ("Leeds", "Leeds", Loc)],
            &[],
        ),
        (
            "Labour attacked the plans.",
            &[("Labour", "Labour", Org)],
            &[],
        ),
        (
            "Smith visited our website.",
            &[("Smith", "Smith", Per)],
            &[],
        ),
        (
            "Jones struck a balance with Smith.",
            &[("Jones", "Jones", Per), ("Smith", "Smith", Per)],
            &[],
        ),
        ("Smith refused to resign.", &[("Smith", "Smith", Per)], &[]),
        (
            "We need to deal with Russia.",
            &[("Russia", "Russia", Loc)],
            &[],
        ),
        (
            "Hillary reached the summit of Everest.",
            &[
                ("Hillary", "Edmund Hillary", Per),
                ("Everest", "Everest", Loc),
            ],
            &[],
        ),
        (
            "The summit of Everest was busy.",
            &[("Everest", "Everest", Loc)],
            &[],
        ),
        (
            "Smith had a cardiac arrest in Leeds.",
            &[("Smith", "Smith", Per), ("Leeds", "Leeds", Loc)],
            &[],
        ),
        (
            "The elected officials of Leeds gathered.",
            &[("Leeds", "Leeds", Loc)],
            &[],
        ),
        (
            "Smith signed a letter to Jones.",
            &[("Smith", "Smith", Per), ("Jones", "Jones", Per)],
            &[],
        ),
        (
            "Smith received a letter from Jones.",
            &[("Smith", "Smith", Per), ("Jones", "Jones", Per)],
            &[],
        ),
        (
            "Smith welcomed the decision by Acme.",
            &[("Smith", "Smith", Per), ("Acme", "Acme", Org)],
            &[],
        ),
        (
            "Smith was fired from Acme.",
            &[("Smith", "Smith", Per), ("Acme", "Acme", Org)],
            &[],
        ),
        // "meet" with a thing, not a person
        (
            "Okafor told ministers to meet her fiscal rules.",
            &[("Okafor", "Miriam Okafor", Per)],
            &[],
        ),
        (
            "Okoro rose to meet Brandt’s corner.",
            &[
                ("Okoro", "Jamie Okoro", Per),
                ("Brandt", "Ellis Brandt", Per),
            ],
            &[],
        ),
        // "agreed to" + another trigger: that trigger is the event
        (
            "Acme agreed to buy Widgets Ltd.",
            &[("Acme", "Acme", Org), ("Widgets Ltd", "Widgets Ltd", Org)],
            &["acquire 'buy' [Acme, Widgets Ltd]"],
        ),
        // a clause with its own (unnamed) subject does not borrow the main one
        (
            "Aid agencies said the government declared an emergency in Thessaly.",
            &[("Thessaly", "Thessaly", Loc)],
            &[],
        ),
        // capitalised only at a sentence start
        (
            "Smith joined Summit Partners.",
            &[("Smith", "Smith", Per)],
            &[],
        ),
        // a trigger inside a mention
        (
            "Smith read the Treaty of Rome.",
            &[
                ("Smith", "Smith", Per),
                ("the Treaty of Rome", "Treaty of Rome", Misc),
            ],
            &[],
        ),
        // nationalities are never participants
        (
            "Ukrainian forces attacked.",
            &[("Ukrainian", "Ukrainian", Misc)],
            &[],
        ),
    ]);
}

#[test]
fn quoted_words_count_only_in_quote_sentences() {
    let zm: &[M] = &[
        ZS[1],
        ("Macron", "Emmanuel Macron", Per),
        ("Paris", "Paris", Loc),
    ];
    check(&[
        ("Starmer said: “I will meet Macron in Paris.”", zm, &[]),
        ("Starmer called it a “summit with Macron”.", zm, &[]),
        (
            "“Starmer met Macron in Paris.”",
            zm,
            &["meet 'met' [Keir Starmer, Emmanuel Macron] @Paris"],
        ),
    ]);
}

#[test]
fn participants_and_places() {
    check(&[
        // a relative clause between subject and verb is skipped
        (
            "Mr Zelensky, who is usually seen with Biden, met Starmer.",
            &[("Mr Zelensky", "Volodymyr Zelensky", Per), ("Biden", "Joe Biden", Per), ZS[1]],
            &["meet 'met' [Volodymyr Zelensky, Keir Starmer]"],
        ),
        // the object side ends at "as", "which", "being"
        (
            "Zelensky met Starmer as Biden watched.",
            &[ZS[0], ZS[1], ("Biden", "Joe Biden", Per)],
            &["meet 'met' [Volodymyr Zelensky, Keir Starmer]"],
        ),
        (
            "Zelensky met with troops being trained by Britain.",
            &[ZS[0], ("Britain", "United Kingdom", Loc)],
            &["meet 'met' [Volodymyr Zelensky]"],
        ),
        // "the pair" takes the persons named before it
        (
            "Zelensky and Starmer agreed closer ties, as the pair met in London.",
            &[ZS[0], ZS[1], ("London", "London", Loc)],
            &[
                "agree 'agreed' [Volodymyr Zelensky, Keir Starmer]",
                "meet 'met' [Volodymyr Zelensky, Keir Starmer] @London",
            ],
        ),
        // ... or those of the previous sentence
        (
            "Zelensky and Starmer embraced. The two leaders met at Chequers.",
            &[ZS[0], ZS[1], ("Chequers", "Chequers", Loc)],
            &["meet 'met' [Volodymyr Zelensky, Keir Starmer] @Chequers"],
        ),
        // countries are parties, except after a locative preposition
        (
            "Starmer agreed closer ties between the UK and Ukraine.",
            &[ZS[1], ("UK", "United Kingdom", Loc), ("Ukraine", "Ukraine", Loc)],
            &["agree 'agreed' [Keir Starmer, United Kingdom, Ukraine]"],
        ),
        (
            "Starmer met with soldiers from Britain and Ukraine.",
            &[ZS[1], ("Britain", "United Kingdom", Loc), ("Ukraine", "Ukraine", Loc)],
            &["meet 'met' [Keir Starmer]"],
        ),
        // attack: "at" marks the target, "in" the place
        (
            "Russia fired drones at Ukraine, killing three people in Kyiv.",
            &[("Russia", "Russia", Loc), ("Ukraine", "Ukraine", Loc), ("Kyiv", "Kyiv", Loc)],
            &["attack 'fired' [Russia, Ukraine] @Kyiv"],
        ),
        // a reported clause starts after the speech verb
        (
            "Kyiv said Russia attacked Odesa.",
            &[("Kyiv", "Kyiv", Loc), ("Russia", "Russia", Loc), ("Odesa", "Odesa", Loc)],
            &["attack 'attacked' [Russia, Odesa]"],
        ),
        // "and" + past-tense verb starts a new clause
        (
            "Russia used missiles to attack Kyiv and described Iran as an ally.",
            &[("Russia", "Russia", Loc), ("Kyiv", "Kyiv", Loc), ("Iran", "Iran", Loc)],
            &["attack 'attack' [Russia, Kyiv]"],
        ),
        // passive welcome: the subject is the guest, "to" gives the place
        (
            "Zelensky was welcomed to Windsor Castle by the King.",
            &[ZS[0], ("Windsor Castle", "Windsor Castle", Loc), ("the King", "Charles III", Per)],
            &["meet 'welcomed' [Volodymyr Zelensky, Charles III] @Windsor Castle"],
        ),
        // a participial clause takes the main clause's subject
        (
            "Zelensky met Starmer in Downing Street, after being welcomed to Windsor Castle by the King.",
            &[ZS[0], ZS[1], ("Downing Street", "Downing Street", Loc), ("Windsor Castle", "Windsor Castle", Loc), ("the King", "Charles III", Per)],
            &[
                "meet 'met' [Volodymyr Zelensky, Keir Starmer] @Downing Street",
                "meet 'welcomed' [Volodymyr Zelensky, Charles III] @Windsor Castle",
            ],
        ),
        // a fronted clause: its subject is the main clause's
        (
            "Zelensky and Starmer embraced. After meeting in Downing Street, the two leaders announced a partnership.",
            &[ZS[0], ZS[1], ("Downing Street", "Downing Street", Loc)],
            &[
                "meet 'meeting' [Volodymyr Zelensky, Keir Starmer] @Downing Street",
                "announce 'announced' [Volodymyr Zelensky, Keir Starmer] @Downing Street",
            ],
        ),
        // noun triggers: modifiers and prepositional phrases
        (
            "Zelensky praised a Nato summit.",
            &[ZS[0], ("Nato", "Nato", Org)],
            &["summit 'summit' [Nato]"],
        ),
        (
            "During his visit to London, Zelensky spoke.",
            &[("his", "Volodymyr Zelensky", Per), ZS[0], ("London", "London", Loc)],
            &["visit 'visit' [Volodymyr Zelensky] @London"],
        ),
        (
            "Officials described talks with Macron and Scholz.",
            &[("Macron", "Emmanuel Macron", Per), ("Scholz", "Olaf Scholz", Per)],
            &["meet 'talks' [Emmanuel Macron, Olaf Scholz]"],
        ),
        (
            "The Geneva summit ended.",
            &[("Geneva", "Geneva", Loc), ("The Geneva summit", "x", Misc)],
            &[],
        ),
        (
            "Leaders praised the Geneva summit between Reagan and Gorbachev.",
            &[("Geneva", "Geneva", Loc), ("Reagan", "Ronald Reagan", Per), ("Gorbachev", "Mikhail Gorbachev", Per)],
            &["summit 'summit' [Ronald Reagan, Mikhail Gorbachev] @Geneva"],
        ),
        // a noun visit needs a place
        (
            "Zelensky wore a blazer throughout his Monday visits.",
            &[ZS[0], ("his", "Volodymyr Zelensky", Per)],
            &[],
        ),
    ]);
}

#[test]
fn repeats_and_back_references() {
    check(&[
        // "the agreement" refers back
        (
            "Britain and Ukraine agreed a pact. Mr Zelensky said the agreement would help.",
            &[("Britain", "United Kingdom", Loc), ("Ukraine", "Ukraine", Loc), ("Mr Zelensky", "Volodymyr Zelensky", Per)],
            &["agree 'agreed' [United Kingdom, Ukraine]"],
        ),
        // the same meeting twice in a paragraph
        (
            "Zelensky met Starmer. Zelensky also met Starmer in London.",
            &[ZS[0], ZS[1], ("London", "London", Loc)],
            &["meet 'met' [Volodymyr Zelensky, Keir Starmer] @London"],
        ),
        // a later noun trigger adds the place
        (
            "Nato leaders prepared for a Nato summit.\n\nLeaders will meet in Vilnius for a two-day Nato summit.",
            &[("Nato", "Nato", Org), ("Vilnius", "Vilnius", Loc)],
            &["summit 'summit' [Nato] @Vilnius"],
        ),
        // the same event at the same place in another paragraph
        (
            "The King welcomed Zelensky at Windsor Castle.\n\nCharles had earlier welcomed Zelensky at Windsor Castle.",
            &[("The King", "Charles III", Per), ("Charles", "Charles III", Per), ZS[0], ("Windsor Castle", "Windsor Castle", Loc)],
            &["meet 'welcomed' [Charles III, Volodymyr Zelensky] @Windsor Castle"],
        ),
        // a summit swallows the meeting of its sentence
        (
            "Nato leaders will meet in The Hague for a summit.",
            &[("Nato", "Nato", Org), ("The Hague", "The Hague", Loc)],
            &["summit 'summit' [Nato] @The Hague"],
        ),
    ]);
}

#[test]
fn time_is_the_nearest_expression_of_the_sentence() {
    let mut d = build(
        "On Friday Smith resigned. Zelensky met Starmer on Monday afternoon, days before the summit this week.",
        &[("Smith", "John Smith", Per), ZS[0], ZS[1]],
        &[("Friday", "2025-06-20"), ("Monday afternoon", "2025-06-23TAF"), ("this week", "2025-W26")],
    );
    let events = run(&mut d);
    assert_eq!(events.len(), 2, "{events:?}");
    assert_eq!(events[0].kind, "resign");
    assert_eq!(events[0].time, Some(0));
    assert_eq!(events[1].kind, "meet");
    assert_eq!(events[1].time, Some(1));
    assert!((events[1].confidence - 0.8).abs() < 1e-6);
    assert!((events[0].confidence - 0.6).abs() < 1e-6);
}

#[test]
fn confidence_grows_with_what_was_found() {
    let mut d = build(
        "Zelensky met Starmer in London on Monday.",
        &[ZS[0], ZS[1], ("London", "London", Loc)],
        &[("Monday", "2025-06-23")],
    );
    let e = &run(&mut d)[0];
    assert!((e.confidence - 0.9).abs() < 1e-6);
    let mut d = doc("Zelensky resigned.", &[ZS[0]]);
    let e = &run(&mut d)[0];
    assert!((e.confidence - 0.5).abs() < 1e-6);
}

#[test]
fn process_appends_to_existing_events() {
    let mut d = doc("Zelensky met Starmer.", ZS);
    run(&mut d);
    run(&mut d);
    assert_eq!(d.events.len(), 2);
    assert_eq!(Events::new().find(&d).len(), 1);
}

#[test]
fn clause_structure() {
    check(&[
        // an owner is not the one acting
        (
            "Yeltsin’s children visited Naina in hospital.",
            &[
                ("Yeltsin", "Boris Yeltsin", Per),
                ("Naina", "Naina Yeltsina", Per),
            ],
            &["visit 'visited' [Naina Yeltsina]"],
        ),
        // the speaker of a trailing attribution is not in the event
        (
            "Hamas attacked Israel, Reuters said.",
            &[
                ("Hamas", "Hamas", Org),
                ("Israel", "Israel", Loc),
                ("Reuters", "Reuters", Org),
            ],
            &["attack 'attacked' [Hamas, Israel]"],
        ),
        // an appositive between subject and verb is skipped
        (
            "Hla Than, a member of parliament for the NLD, died in August.",
            &[
                ("Hla Than", "Hla Than", Per),
                ("NLD", "National League for Democracy", Org),
            ],
            &["kill 'died' [Hla Than]"],
        ),
        // a second verb phrase does not take the first one's object as subject
        (
            "Police found Smith and arrested Jones.",
            &[("Smith", "John Smith", Per), ("Jones", "Mary Jones", Per)],
            &["arrest 'arrested' [Mary Jones]"],
        ),
        // a participle used as an adjective is no event
        (
            "The jailed leader Smith spoke.",
            &[("Smith", "John Smith", Per)],
            &[],
        ),
        // an organisation after a locative preposition is a venue
        (
            "The CGT marched outside Air France headquarters in Paris.",
            &[
                ("The CGT", "CGT", Org),
                ("Air France", "Air France", Org),
                ("Paris", "Paris", Loc),
            ],
            &["protest 'marched' [CGT] @Paris"],
        ),
        // "the city of X": the preposition before the head noun governs
        (
            "Russia attacked the city of Arbil in northern Iraq.",
            &[
                ("Russia", "Russia", Loc),
                ("Arbil", "Arbil", Loc),
                ("Iraq", "Iraq", Loc),
            ],
            &["attack 'attacked' [Russia, Arbil] @Iraq"],
        ),
        // "their meeting" stands for the people just named
        (
            "Levy and Kinkel spoke. It was their fourth meeting.",
            &[("Levy", "David Levy", Per), ("Kinkel", "Klaus Kinkel", Per)],
            &["meet 'meeting' [David Levy, Klaus Kinkel]"],
        ),
        // a noun with no party of its own stays silent
        (
            "Officials feared a possible attack on Kyiv.",
            &[("Kyiv", "Kyiv", Loc)],
            &[],
        ),
        (
            "Norway rules under a treaty.",
            &[("Norway", "Norway", Loc)],
            &[],
        ),
    ]);
}
