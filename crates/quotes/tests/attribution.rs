//! Attribution patterns on short invented texts, through segmentation, NER and coreference.

use byline_doc::{Document, QuoteKind, Stage};

fn quotes_of(text: &str) -> Document {
    let mut doc = Document::from_text("t", "");
    doc.text = text.into();
    byline_segment::Segment.process(&mut doc).unwrap();
    byline_ner::Ner::default().process(&mut doc).unwrap();
    byline_coref::Coref.process(&mut doc).unwrap();
    byline_quotes::Quotes::default().process(&mut doc).unwrap();
    doc
}

fn speaker_mention(doc: &Document, quote_start: &str) -> Option<String> {
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with(quote_start))?;
    q.speaker_mention.map(|m| doc.slice(m).to_string())
}

/// The speaker mention of the quote starting with `quote_start` holds `name`.
fn assert_speaker(doc: &Document, quote_start: &str, name: &str) {
    let m = speaker_mention(doc, quote_start).unwrap_or_default();
    assert!(
        m.contains(name),
        "{quote_start:?}: speaker {m:?}, want {name:?}"
    );
}

/// Every text of `wants` is one of the document's reported clauses.
fn assert_reports(doc: &Document, wants: &[&str]) {
    let texts = indirect_texts(doc);
    for want in wants {
        assert!(texts.iter().any(|t| t == want), "{want:?} not in {texts:?}");
    }
}

#[test]
fn speaker_across_a_parenthesis_and_an_apposition() {
    let doc = quotes_of(
        "The vote was close.\n\n“We cannot wait,” Rep. Dana Whitfield (D-Ore.), a member of the panel, said on Tuesday.",
    );
    assert_speaker(&doc, "We cannot wait", "Whitfield");
}

#[test]
fn speaker_after_an_age() {
    let doc = quotes_of("The mill closed.\n\n“It was our life,” Mr. Tovey, 82, told reporters.");
    assert_speaker(&doc, "It was our life", "Tovey");
}

#[test]
fn a_paragraph_ending_with_a_colon_introduces_the_quote() {
    let doc = quotes_of(
        "Councillor Amy Brandt spoke last.\n\nShe said:\n\n“The bridge must be rebuilt before winter.”",
    );
    let m = speaker_mention(&doc, "The bridge must").unwrap();
    assert_eq!(m, "She");
}

#[test]
fn a_partial_quote_comes_with_its_reported_clause() {
    let doc = quotes_of(
        "Mayor Ruth Okafor said the plan would bring “real relief for commuters” within a year.",
    );
    let partial = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .unwrap();
    let clause = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap();
    assert!(clause.span.start <= partial.span.start && partial.span.end <= clause.span.end);
    assert_eq!(clause.cue, partial.cue);
    assert_eq!(clause.speaker_mention, partial.speaker_mention);
}

#[test]
fn an_interview_location_is_not_a_reported_clause() {
    let doc = quotes_of(
        "The tide is turning.\n\n“And it is terrifying,” he said in a recent interview in Halifax.",
    );
    assert!(doc.quotes.iter().all(|q| q.kind != QuoteKind::Indirect));
}

fn indirect_texts(doc: &Document) -> Vec<String> {
    doc.quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| doc.slice(q.span).to_string())
        .collect()
}

#[test]
fn a_reported_clause_ends_before_an_appended_participle_or_relative_clause() {
    let doc =
        quotes_of("The union said the council had failed its members, citing two years of delays.");
    // (what the union cites is a report of its own, PolNeAR's convention)
    assert_eq!(
        indirect_texts(&doc),
        ["the council had failed its members", "two years of delays"]
    );
    assert_speaker(&doc, "two years", "The union");
    let doc = quotes_of(
        "Ms Hale said she had read the report, which found serious faults in the design.",
    );
    assert_eq!(indirect_texts(&doc), ["she had read the report"]);
    // a relative clause closed by a comma belongs to the subject
    let doc =
        quotes_of("Ms Hale said the deal, which is expected to close in May, would add 200 jobs.");
    assert_eq!(
        indirect_texts(&doc),
        ["the deal, which is expected to close in May, would add 200 jobs"]
    );
}

#[test]
fn partial_quotes_inside_one_clause_share_its_attribution() {
    let doc = quotes_of(
        "Speaker Tom Reyes said the shootings demand that all residents engage in “more listening” and “more learning.”",
    );
    let partials: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Partial)
        .collect();
    assert_eq!(partials.len(), 2);
    assert!(partials[0].cue.is_some());
    assert_eq!(partials[0].cue, partials[1].cue);
    assert_eq!(partials[0].speaker_mention, partials[1].speaker_mention);
}

#[test]
fn a_partial_quote_after_a_relative_clause_belongs_to_the_reported_clause() {
    // the nearest verb before "real relief" is the relative clause's "called"; the partial
    // quote is the mayor's, inside the clause she reports
    let doc = quotes_of(
        "Mayor Ruth Okafor said the plan, which critics called “a gift to developers,” would bring “real relief” to commuters.",
    );
    let relief = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span) == "real relief")
        .unwrap();
    let m = relief.speaker_mention.map(|m| doc.slice(m).to_string());
    assert_eq!(m.as_deref(), Some("Ruth Okafor"));
}

#[test]
fn a_described_speaker_with_a_prepositional_phrase() {
    let doc = quotes_of(
        "The advert ran on Sunday.\n\n“Why did he not pay?” a narrator in the campaign advert asks.",
    );
    let m = speaker_mention(&doc, "Why did he not pay").unwrap();
    assert_eq!(m, "a narrator in the campaign advert");
}

#[test]
fn a_middle_initial_stays_inside_the_speaker_name() {
    let doc = quotes_of(
        "The senator spoke first.\n\n“He would be a great judge,” Rep. Marcus T. Whitlow (D-Md.) said in a phone interview.",
    );
    let m = speaker_mention(&doc, "He would be a great judge").unwrap();
    assert!(m.ends_with("Marcus T. Whitlow"), "{m}");
}

#[test]
fn office_words_before_a_title_are_left_out_of_the_name() {
    let doc = quotes_of(
        "The committee met.\n\n“Subpoenas are not optional,” panel Chairman Rep. Dale Orcutt (R-Utah) said.",
    );
    let m = speaker_mention(&doc, "Subpoenas are not optional").unwrap();
    assert!(m.ends_with("Dale Orcutt"), "{m}");
    assert!(doc
        .entities
        .iter()
        .any(|e| e.name.ends_with("Dale Orcutt") && e.etype == byline_doc::EntityType::Per));
}

#[test]
fn an_attribution_set_off_by_commas_covers_both_sides() {
    let doc = quotes_of(
        "The museum opened on Saturday.\n\nThe new wing, Mayor Lena Ortiz said, would bring thousands of visitors to the riverside.",
    );
    let parts: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| doc.slice(q.span))
        .collect();
    assert_eq!(
        parts,
        [
            "The new wing",
            "would bring thousands of visitors to the riverside"
        ]
    );
    assert_eq!(doc.quotes[0].speaker_mention, doc.quotes[1].speaker_mention);
    assert_eq!(doc.quotes[0].cue, doc.quotes[1].cue);
}

#[test]
fn a_learned_cue_reports_its_object_but_not_a_noun() {
    // "called for" is a cue in PolNeAR; "states" after a number is a noun
    let doc = quotes_of(
        "The debate ran late.\n\nSenator Ada Fenwick called for a full inquiry into the contract. Two states could decide the vote.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("the call is reported");
    assert_eq!(doc.slice(q.span), "a full inquiry into the contract");
    assert_eq!(doc.slice(q.cue.unwrap()), "called");
    assert!(doc
        .quotes
        .iter()
        .all(|q| !doc.slice(q.span).contains("could decide")));
}

#[test]
fn according_to_opening_a_sentence() {
    let doc = quotes_of(
        "The fire started before dawn.\n\nAccording to police, three families were moved to a school hall overnight.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("the report is attributed");
    assert_eq!(
        doc.slice(q.span),
        "three families were moved to a school hall overnight"
    );
    assert_eq!(doc.slice(q.speaker_mention.unwrap()), "police");
    assert_eq!(doc.slice(q.cue.unwrap()), "According to");
}

#[test]
fn a_time_phrase_after_the_cue_is_not_the_clause() {
    let doc = quotes_of(
        "The bridge is closed.\n\nEngineers found last month that two of the supports had lost a third of their thickness.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .expect("the finding is reported");
    assert_eq!(
        doc.slice(q.span),
        "two of the supports had lost a third of their thickness"
    );
}

#[test]
fn a_titled_speaker_after_an_organisation_word_and_an_abbreviated_state() {
    let doc = quotes_of(
        "The vote was delayed.\n\n“We will have the numbers by Friday,” Senate Majority Leader Ruth Calloway, R-Ky., said Tuesday.",
    );
    let m = speaker_mention(&doc, "We will have").unwrap();
    assert!(m.ends_with("Ruth Calloway"), "{m}");
}

#[test]
fn a_speaker_title_may_open_with_a_number() {
    let doc = quotes_of(
        "The hearing ended.\n\n“Nobody listened to us for years,” said 9/11 widow Marian Okafor.",
    );
    let m = speaker_mention(&doc, "Nobody listened").unwrap();
    assert!(m.ends_with("Marian Okafor"), "{m}");
}

#[test]
fn fillers_between_a_described_speaker_and_the_cue() {
    let doc = quotes_of("The harvest failed again.\n\nShrugging, Chileans often say, ''The rain comes when it comes.''");
    let m = speaker_mention(&doc, "The rain comes").unwrap();
    assert_eq!(m, "Chileans");
}

#[test]
fn a_description_then_a_name_in_commas_after_the_quote() {
    let doc = quotes_of(
        "The budget passed.\n\n''That was the fairer thing to do,'' the council's finance chief, Pedro Almeida, said.",
    );
    assert_eq!(
        speaker_mention(&doc, "That was the fairer").as_deref(),
        Some("Pedro Almeida")
    );
}

#[test]
fn a_manner_adverb_and_a_bare_pronoun_before_the_cue() {
    let doc = quotes_of(
        "Mayor Lena Ortiz arrived late.\n\nOrtiz jokingly said, “I hate to say it, I’m becoming popular.”\n\nLaughing, I said, “I don't believe it.”",
    );
    assert_eq!(
        speaker_mention(&doc, "I hate to say").as_deref(),
        Some("Ortiz")
    );
    assert_eq!(
        speaker_mention(&doc, "I don't believe").as_deref(),
        Some("I")
    );
}

#[test]
fn a_colon_after_a_verb_that_is_no_speech_verb() {
    let doc = quotes_of(
        "Reporters pressed the chairman.\n\nMr. Halvorsen shot back: ''That would be good for everyone.''",
    );
    assert_eq!(
        speaker_mention(&doc, "That would be good").as_deref(),
        Some("Mr. Halvorsen")
    );
}

#[test]
fn a_long_attribution_sentence_after_a_question() {
    let doc = quotes_of(
        "The talks stalled.\n\n“Who knows?” Ortega told the regional television station in a long interview.",
    );
    assert_eq!(
        speaker_mention(&doc, "Who knows").as_deref(),
        Some("Ortega")
    );
}

#[test]
fn a_quote_ending_its_sentence_between_capitals_is_no_nickname() {
    let doc = quotes_of(
        "Veterans gathered.\n\nArturo Reyes said he had served in Korea ''for the country's freedom, knowing we had little at home.'' He left early.",
    );
    assert!(
        doc.quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Partial
                && doc.slice(q.span).starts_with("for the country")),
        "{:?}",
        doc.quotes
            .iter()
            .map(|q| doc.slice(q.span))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_scare_quote_inside_a_report_belongs_to_it() {
    let doc = quotes_of(
        "The fund published its outlook.\n\nThe fund said that \"political tensions\" in rich economies are slowing trade.",
    );
    let partial = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the quoted words are a partial quote");
    assert_eq!(doc.slice(partial.span), "political tensions");
    let clause = doc
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Indirect)
        .unwrap();
    assert_eq!(partial.cue, clause.cue);
    assert_eq!(partial.speaker_mention, clause.speaker_mention);
}

#[test]
fn headings_and_markup_attributes_are_no_quotes() {
    let doc = quotes_of(
        "Mill towns wait.\n\n'A change warrior.'\n\n“EVERY TOWN DESERVES BETTER”\n\n<tweet author=\"@millvoice\">We are still here.</tweet>",
    );
    assert!(
        doc.quotes.is_empty(),
        "{:?}",
        doc.quotes
            .iter()
            .map(|q| doc.slice(q.span))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_title_opening_the_sentence_is_no_quote_but_a_short_answer_is() {
    let doc = quotes_of(
        "The show returns.\n\n“Harbour Lights” star Mina Castell opened up about her next role.\n\n“Absolutely,” she said.",
    );
    let texts: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.span)).collect();
    assert_eq!(texts, ["Absolutely,"]);
}

#[test]
fn said_to_an_audience_is_speech_but_said_to_be_is_not() {
    let doc = quotes_of(
        "The crowd cheered.\n\n“We will win this state,” Governor Lena Marsh said to reporters on Monday.\n\n“I am still here,” Mr. Pell said to Channel 4 News.",
    );
    assert_speaker(&doc, "We will win", "Marsh");
    assert_speaker(&doc, "I am still", "Pell");
    let doc = quotes_of(
        "Officials described the bridge as “unsafe for traffic.” It is said to be closing.",
    );
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.cue.is_none_or(|c| doc.slice(c) != "said")));
}

#[test]
fn a_sentence_quoted_after_a_comma_is_not_a_reported_clause() {
    let doc = quotes_of(
        "The ad closes with footage of Senator Ames saying during the debate last week, “That makes me proud,” when her rival attacked her record.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("That makes me proud"))
        .unwrap();
    // no reported clause reaching back over "during the debate last week, "
    assert!(doc
        .quotes
        .iter()
        .all(|o| o.kind != QuoteKind::Indirect || !doc.slice(o.span).contains("last week")));
    assert!(q.span.end > q.span.start);
}

#[test]
fn manner_and_phrasal_verbs_of_speaking_right_after_a_quote() {
    let doc = quotes_of(
        "The hall filled early.\n\n“This is fantastic!” beamed Donald Hartley of Madison, Alabama.\n\n“Sit down, please,” Mayor Ruth Okafor snapped.\n\n“They are all here for the free lunch,” Mayor Ruth Okafor shot back.\n\n“You know, it happens,” Senator Ames went on, smiling.",
    );
    assert_speaker(&doc, "This is fantastic", "Hartley");
    assert_speaker(&doc, "Sit down", "Okafor");
    assert_speaker(&doc, "They are all here", "Okafor");
    assert_speaker(&doc, "You know", "Ames");
}

#[test]
fn the_subject_of_the_verb_before_and_said() {
    let doc = quotes_of(
        "When my mother asked me about it on the highway, I laughed and said, \"I don't believe in the devil.\"",
    );
    assert_eq!(
        speaker_mention(&doc, "I don't believe").as_deref(),
        Some("I")
    );
}

#[test]
fn reported_clauses_after_a_quantity_a_time_phrase_or_no() {
    let doc = quotes_of(
        "The seat is open.\n\nA lawyer for the council, David Shore, said no decision had been made about an appeal.\n\nGovernor Alan Pike has said about 20 people have asked about the seat.\n\nMayor Ruth Okafor said after the meeting she would not sign the order.\n\nGrowth in the region is being held back by weak exports, the IMF said.",
    );
    assert_reports(
        &doc,
        &[
            "no decision had been made about an appeal",
            "about 20 people have asked about the seat",
            "she would not sign the order",
            "Growth in the region is being held back by weak exports",
        ],
    );
}

#[test]
fn a_relative_pronoun_speaker_and_clause_ends_polnear_stops_at() {
    let doc = quotes_of(
        "The hearing ran late.\n\nThe panel heard from Dana Whitfield, who said the levy was unfair to farmers.\n\nSenator Ames said both parties had been fair to her, despite recent reports in the press.\n\nAxelrod said the quiet race helped Clinton, who does not need to prove her staying power.\n\nMayor Ruth Okafor said the vote would be close — and she noted that turnout was low.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span) == "the levy was unfair to farmers")
        .unwrap();
    assert_eq!(q.speaker_mention.map(|m| doc.slice(m)), Some("who"));
    assert_reports(
        &doc,
        &[
            "both parties had been fair to her",
            "the quiet race helped Clinton",
            "the vote would be close",
        ],
    );
}

#[test]
fn a_poll_share_speaks_and_an_aside_in_commas_stays_in_the_clause() {
    let doc = quotes_of(
        "The poll closed on Friday.\n\nAmong city voters, 74 percent said they would back the levy, while six in 10 said the council had wasted money.\n\nPollster Andy Smith said the mayor, despite his record, is likely to win a second term.",
    );
    assert_reports(
        &doc,
        &[
            "they would back the levy",
            "the council had wasted money",
            "the mayor, despite his record, is likely to win a second term",
        ],
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span) == "they would back the levy")
        .unwrap();
    assert_eq!(q.speaker_mention.map(|m| doc.slice(m)), Some("74 percent"));
}

#[test]
fn a_clause_ending_in_a_name_is_no_titled_speaker_after_the_cue() {
    let doc =
        quotes_of("The row went on.\n\nCouncillor Ames said budgets weren't cut by Ruth Okafor.");
    assert_eq!(indirect_texts(&doc), ["budgets weren't cut by Ruth Okafor"]);
}

#[test]
fn no_clause_before_a_colon_cue_a_coordinated_cue_or_a_relative_speaker() {
    let doc = quotes_of(
        "The debate is on Monday.\n\nAmes will probably use the debate to make some news, Kall said: \"I feel like she has a surprise ready.\"\n\nOnce in my early 20s, when my aunt drove me home from school, I laughed and said, \"I don't believe in ghosts.\"\n\nThe evening featured Nora Bell and Stevie Marsh, who joked of the hall, ''I haven't seen it yet, but I'm going to.''",
    );
    assert_eq!(indirect_texts(&doc), Vec::<String>::new());
}

#[test]
fn the_cue_of_a_direct_quote_reports_no_clause_after_it() {
    let doc = quotes_of(
        "Voters were split.\n\n\"I'm all for the Second Amendment,\" says Jorge Llamas, 31, of Tujunga, Calif., but he was shocked by the \"gun show loophole\" that lets buyers skip checks.",
    );
    assert!(
        indirect_texts(&doc).iter().all(|t| !t.contains("Llamas")),
        "{:?}",
        indirect_texts(&doc)
    );
    // the age-described speaker: "“…?” the 43-year-old asked"
    let doc =
        quotes_of("The video spread fast.\n\n“What if he had lessons?” the 43-year-old asked.");
    assert_eq!(
        speaker_mention(&doc, "What if").as_deref(),
        Some("the 43-year-old")
    );
}

#[test]
fn expectations_with_no_source_are_reports_of_their_whole_clause() {
    let doc = quotes_of(
        "The count went on.\n\nMayor Ruth Okafor is expected to deliver a victory speech later tonight.\n\nHer rivals seemed to be shrinking in stature.\n\nThe council appeared on local television.\n\nVoters seem to like the plan.",
    );
    let texts = indirect_texts(&doc);
    assert!(
        texts.contains(
            &"Mayor Ruth Okafor is expected to deliver a victory speech later tonight".to_string()
        ),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Her rivals seemed to be shrinking in stature".to_string()),
        "{texts:?}"
    );
    assert_eq!(texts.len(), 2, "{texts:?}");
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("Mayor"))
        .unwrap();
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("is expected"));
    assert!(q.speaker.is_none() && q.speaker_mention.is_none());
}

#[test]
fn a_colon_after_a_clause_with_a_subject_pronoun() {
    let doc = quotes_of(
        "My aunt drove on.\n\nShe became so upset, and started driving so fast, that I had to change my answer: \"Of course I believe in ghosts.\"",
    );
    assert_eq!(speaker_mention(&doc, "Of course").as_deref(), Some("I"));
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("Of course"))
        .unwrap();
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some(":"));
}

#[test]
fn fillers_between_and_and_the_cue() {
    let doc = quotes_of(
        "The video is short.\n\nMs. Ruth Okafor urges her husband to stay in the car and repeatedly says, \"Don't you do it,\" until the shots.",
    );
    assert_speaker(&doc, "Don't you", "Okafor");
}

#[test]
fn a_question_asked_at_the_sentence_start_has_no_asker() {
    let doc = quotes_of(
        "The poll was taken last week.\n\nAsked whether the council should act, 59 percent said it should not.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span) == "whether the council should act")
        .unwrap();
    assert!(q.speaker_mention.is_none() && q.speaker.is_none());
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("Asked"));
    assert!(indirect_texts(&doc).contains(&"it should not".to_string()));
}

#[test]
fn a_cue_before_a_new_named_clause_does_not_report_a_later_quote() {
    let doc = quotes_of(
        "The rally went late.\n\n“You winning?” Mary Dunn said, but Kevin Pell was drifting off again, and as Mayor Ruth Okafor went on about “how the system is rigged,” the crowd cheered.",
    );
    // the partial quote is either no one's (and so dropped as a scare quote) or not Dunn's
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("how the system"));
    assert!(
        q.is_none_or(|q| q
            .speaker_mention
            .is_none_or(|m| !doc.slice(m).contains("Dunn"))),
        "{:?}",
        q.and_then(|q| q.speaker_mention).map(|m| doc.slice(m))
    );
}

#[test]
fn a_scare_quote_with_no_speaker_is_no_quote() {
    let doc = quotes_of(
        "The clinic opened.

Critics have long mocked the remedies as “quack” cures, and the clinic is known as “the Lab.”

“It works,” Dr. Ann Webb said of the “miracle” cream.",
    );
    let texts: Vec<&str> = doc.quotes.iter().map(|q| doc.slice(q.span)).collect();
    assert!(!texts.contains(&"quack"), "{texts:?}");
    assert!(!texts.contains(&"the Lab."), "{texts:?}");
    assert!(texts.contains(&"It works,"), "{texts:?}");
}

#[test]
fn a_quote_whose_sentence_runs_on_to_the_attribution() {
    let doc = quotes_of(
        "The hearing grew tense.\n\n“You squeezed employees to the breaking point” to drive up the stock price, Senator Ann Ruiz said, pointing at the chart.",
    );
    assert_speaker(&doc, "You squeezed", "Ruiz");
    assert!(indirect_texts(&doc).contains(
        &"“You squeezed employees to the breaking point” to drive up the stock price".to_string()
    ));
}

#[test]
fn told_the_named_audience_and_clause_ends_before_and_when_or_a_new_verb() {
    let doc = quotes_of(
        "The project stalled.\n\nThe director, Ina Kirsch, told the BBC her group never worked with the firm.\n\nMayor Ruth Okafor said she had not seen the report, and when asked about it again she left.\n\nGovernor Pike, who says the plan is dead, said voters should decide.",
    );
    assert_reports(
        &doc,
        &[
            "her group never worked with the firm",
            "she had not seen the report",
            "the plan is dead",
        ],
    );
}

#[test]
fn a_clause_ends_before_and_with_a_second_reporting_subject() {
    let doc = quotes_of(
        "The count went on.\n\nCouncillor Ann Webb said she would seek a seat on the board next month, and other party leaders said she was the favourite.\n\nThe mayor said the budget was final, but there was no vote.",
    );
    assert_reports(
        &doc,
        &[
            "she would seek a seat on the board next month",
            "she was the favourite",
            "the budget was final",
        ],
    );
}

#[test]
fn a_that_clause_after_an_aside_set_off_by_commas_or_dashes() {
    let doc = quotes_of(
        "The speech drew fire.\n\nTom Reyes said on BBC Radio, where he now works as a pundit, that the minister should resign.\n\nHis deputy, Lia Marsh, said — on Twitter, as it happens — that the party raised $2 million.",
    );
    assert_reports(
        &doc,
        &["the minister should resign", "the party raised $2 million"],
    );
}

#[test]
fn quantified_and_poll_speakers_and_a_phrase_opening_a_that_clause() {
    let doc = quotes_of(
        "The count went on.\n\nDuring the debate on Thursday night, both candidates said the recount was no big deal.\n\nWhile those surveyed said the mayor had the best record.\n\nBut 58 percent of city voters overall said they were less likely to vote.\n\nDiscounting this, Councillor Ann Webb said that with the votes she already had, the motion would pass.",
    );
    assert_reports(
        &doc,
        &[
            "the recount was no big deal",
            "with the votes she already had, the motion would pass",
        ],
    );
    assert_speaker(&doc, "the recount", "both candidates");
    assert_eq!(
        speaker_mention(&doc, "the mayor had").as_deref(),
        Some("those surveyed")
    );
    assert_speaker(&doc, "they were less", "58 percent of city voters overall");
}

#[test]
fn a_report_before_a_main_clause_report_and_no_clause_before_a_quote_cue() {
    let doc = quotes_of(
        "The inquiry went on.\n\nWhile Director Ann Webb has said that she makes recommendations, Tom Reyes said he does not make them in public.\n\nAlthough the council has kept its rules, Councillor Ina Kirsch said about the plan, “I support parents making the best decisions.”",
    );
    assert_reports(
        &doc,
        &[
            "she makes recommendations",
            "he does not make them in public",
        ],
    );
    assert!(
        !doc.quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && doc.slice(q.span).starts_with("Although")),
        "{:?}",
        indirect_texts(&doc)
    );
}

#[test]
fn a_relative_clause_with_its_own_speaker_is_a_report() {
    let doc = quotes_of(
        "The count went on.\n\nThe district drew 30 applicants for delegate slots, which he said were evenly split between the two camps.",
    );
    assert_reports(
        &doc,
        &["which he said were evenly split between the two camps"],
    );
    assert_eq!(
        speaker_mention(&doc, "which he said").as_deref(),
        Some("he")
    );
}

#[test]
fn speakers_before_a_pair_of_dashes_and_quantified_pronouns() {
    let doc = quotes_of(
        "The plant closed.\n\nAnd until the announcement, most of them said they had loved working there.\n\nMany speakers at the service — including teachers, nurses and drivers — said the loss was painful.",
    );
    assert_speaker(&doc, "they had loved", "most of them");
    assert_speaker(&doc, "the loss was", "Many speakers at the service");
}

#[test]
fn an_infinitive_after_a_verb_of_commitment_or_refusal_is_the_content() {
    let doc = quotes_of(
        "The tax stays.\n\nMayor Ruth Okafor vowed to repeal the tax next year.\n\nA spokesman for the council declined to comment.",
    );
    assert_reports(&doc, &["to repeal the tax next year", "to comment"]);
    assert_speaker(&doc, "to comment", "A spokesman for the council");
}

#[test]
fn the_object_of_an_endorsement_is_the_content() {
    let doc = quotes_of(
        "The race tightened.\n\nThe teachers union has endorsed Mayor Ruth Okafor.\n\nThe nurses union endorsed Tom Reyes last week, and Reyes now holds 270 pledged delegates.",
    );
    assert_reports(&doc, &["Mayor Ruth Okafor", "Tom Reyes"]);
    assert!(
        !doc.quotes
            .iter()
            .any(|q| q.cue.is_some_and(|c| doc.slice(c) == "pledged")),
        "{:?}",
        indirect_texts(&doc)
    );
}

#[test]
fn a_question_after_a_later_asked_has_no_source() {
    let doc = quotes_of(
        "The mayor left early.\n\nShe checks her phone all day, a former aide said when asked how the mayor follows the news.",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span) == "how the mayor follows the news")
        .expect("the question");
    assert!(q.speaker_mention.is_none());
    assert_eq!(q.cue.map(|c| doc.slice(c)), Some("asked"));
}

#[test]
fn according_to_inside_a_sentence_that_goes_on() {
    let doc = quotes_of(
        "The court will rule soon.\n\nAmong the rulings at risk, according to Professor Ann Webb, are 16 cases on business.\n\nThe deficit would grow by $2 billion, according to the budget office, more than twice the forecast.",
    );
    assert_reports(
        &doc,
        &[
            "Among the rulings at risk",
            "are 16 cases on business",
            "The deficit would grow by $2 billion",
        ],
    );
    assert!(!indirect_texts(&doc).contains(&"more than twice the forecast".to_string()));
}

#[test]
fn a_name_given_with_called_is_no_report() {
    let doc = quotes_of(
        "The race tightened.\n\nA new group called Voters First for Change is raising money in the city.\n\nThe fund, which is called the Civic Savings Plan, grew.",
    );
    assert!(
        !doc.quotes
            .iter()
            .any(|q| q.cue.is_some_and(|c| doc.slice(c) == "called")),
        "{:?}",
        indirect_texts(&doc)
    );
}

#[test]
fn poll_shares_and_quantifiers_as_subjects_of_say() {
    let doc = quotes_of(
        "The poll came out.\n\nA mere 9 percent say they only buy local.\n\nSome say they hear echoes of a painful past.",
    );
    assert_speaker(&doc, "they only buy", "9 percent");
    assert_speaker(&doc, "they hear echoes", "Some");
}

#[test]
fn plural_nouns_and_finding_oneself_are_no_cues() {
    let doc = quotes_of(
        "The primaries go on.\n\nWhen a dozen states held contests, the mayor stayed home.\n\nMultiple news reports described the meeting.\n\nHis crude remarks drew an apology from the party.\n\nThe bank has found itself at the center of the crisis, and the senator found ways to press his agenda.\n\nThe ad states that the tax will rise.",
    );
    let cues: Vec<&str> = doc
        .quotes
        .iter()
        .filter_map(|q| q.cue.map(|c| doc.slice(c)))
        .collect();
    for no in ["reports", "remarks", "found"] {
        assert!(!cues.contains(&no), "{no:?} in {:?}", indirect_texts(&doc));
    }
    assert_reports(&doc, &["the tax will rise"]);
    assert!(!indirect_texts(&doc)
        .iter()
        .any(|t| t.starts_with("held contests")));
}

#[test]
fn a_reported_clause_ends_before_a_but_of_the_writer() {
    let doc = quotes_of(
        "The council met.\n\nMayor Ruth Okafor said she had hired the new manager, but the council has not approved the contract.\n\nHer lawyer said she was charged not for what she did, but because of who she is.",
    );
    assert_reports(
        &doc,
        &[
            "she had hired the new manager",
            "she was charged not for what she did, but because of who she is",
        ],
    );
}

#[test]
fn a_name_after_the_verb_opens_the_clause_when_the_subject_precedes() {
    let doc = quotes_of(
        "The crash shocked the town.\n\nOfficials say Omar Haddad, the driver of the bus, held two licences.",
    );
    assert_reports(
        &doc,
        &["Omar Haddad, the driver of the bus, held two licences"],
    );
    assert_speaker(&doc, "Omar Haddad", "Officials");
}

#[test]
fn an_adverb_is_no_learned_cue_of_a_partial_quote() {
    let doc = quotes_of(
        "The plan grows.\n\nMayor Ruth Okafor would also close the “parking credit” loophole that benefits developers.",
    );
    assert!(
        !doc.quotes
            .iter()
            .any(|q| q.cue.is_some_and(|c| doc.slice(c) == "also")),
        "{:?}",
        indirect_texts(&doc)
    );
}

#[test]
fn the_object_of_referring_to_is_the_content() {
    let doc = quotes_of(
        "The campaign went on.\n\nMayor Ruth Okafor pointed to the nine different times the council had rejected the plan.",
    );
    assert_reports(
        &doc,
        &["the nine different times the council had rejected the plan"],
    );
    assert_speaker(&doc, "the nine different", "Ruth Okafor");
}

#[test]
fn a_naming_ends_with_the_quoted_name() {
    let doc = quotes_of(
        "The debate was rough.\n\nMayor Ruth Okafor called the merger “a terrible deal” and ranked the bank among the worst lenders.",
    );
    assert_reports(&doc, &["the merger “a terrible deal”"]);
}

#[test]
fn opening_questions_with_which_whom_and_a_bare_why() {
    let doc = quotes_of(
        "The fund grew.\n\nWhen asked why, the treasurer responded in a text message.\n\nWhen asked whom she supported, Ms. Sherry smiled.",
    );
    assert_reports(&doc, &["why", "whom she supported"]);
}

#[test]
fn the_question_asked_not_the_person_asked() {
    let doc = quotes_of(
        "The show aired.\n\nThe host asked Mayor Ruth Okafor if the council benefits from a double standard.",
    );
    assert_reports(&doc, &["if the council benefits from a double standard"]);
}

#[test]
fn a_poll_opening_a_sentence_reports_its_finding() {
    let doc = quotes_of(
        "The race for governor has tightened.\n\nIn a Harbour Gazette poll released Tuesday, 46 percent of likely voters backed Ms. Farrow.\n\nIn the county survey, conducted last week, most residents opposed the new levy.\n\nIn a memo sent as polls closed, the campaign asked staff to stay at their posts.\n\nMs. Farrow leads in the polls by four points.",
    );
    assert_reports(
        &doc,
        &[
            "46 percent of likely voters backed Ms. Farrow",
            "most residents opposed the new levy",
        ],
    );
    assert_speaker(
        &doc,
        "46 percent",
        "a Harbour Gazette poll released Tuesday",
    );
    assert_speaker(
        &doc,
        "most residents",
        "the county survey, conducted last week",
    );
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with("46 percent"))
        .unwrap();
    assert_eq!(doc.slice(q.cue.unwrap()), "In");
    // a poll named inside another phrase, or after the clause, is no source
    for q in &doc.quotes {
        let m = q.speaker_mention.map(|m| doc.slice(m)).unwrap_or_default();
        assert!(!m.contains("memo") && !m.contains("the polls"), "{m:?}");
    }
}

#[test]
fn a_subject_of_nouns_joined_by_and_speaks() {
    let doc = quotes_of(
        "The port reopened on Monday.\n\nBut local fishermen and ferry operators say they have yet to see any of the promised repairs.\n\nExperts on shipping and port security said the work would take a year.",
    );
    assert_speaker(&doc, "they have yet", "local fishermen and ferry operators");
    assert_speaker(
        &doc,
        "the work would",
        "Experts on shipping and port security",
    );
}

#[test]
fn a_poll_phrase_cut_off_at_the_end_of_the_text_is_no_report() {
    for text in [
        "Turnout was low.\n\nIn a poll,",
        "Turnout was low.\n\nIn a county poll, conducted last week,",
        "In the survey , taken",
    ] {
        let doc = quotes_of(text);
        assert!(
            doc.quotes
                .iter()
                .all(|q| q.cue.is_none_or(|c| doc.slice(c) != "In")),
            "{text:?}"
        );
    }
}

#[test]
fn an_appended_participle_speaks_for_the_subject_opening_its_sentence() {
    // the subject opening the sentence, not the person named in between, is the one
    // "citing" or "saying" (an organisation, a description, after a dateline or an opening
    // phrase)
    let doc = quotes_of(
        "The Riverside Nurses Union endorsed Maria Delgado on Monday, citing her work on \
         hospital staffing.\n\nA federal judge in Ohio rejected a request from Tom Brennan \
         on Tuesday, saying the courts have no role in the dispute.\n\nCOLUMBUS — The \
         Teamsters backed Maria Delgado, arguing she would protect pensions.\n\nOn Friday, \
         several parents criticised Tom Brennan, saying the plan was rushed.",
    );
    assert_speaker(&doc, "her work on hospital", "Riverside Nurses Union");
    assert_speaker(&doc, "the courts have", "A federal judge");
    assert_speaker(&doc, "she would protect", "Teamsters");
    assert_speaker(&doc, "the plan was rushed", "several parents");
}
