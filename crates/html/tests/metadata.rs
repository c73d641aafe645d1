//! Metadata from pages written for these tests: JSON-LD, OpenGraph and meta tags, `<time>`,
//! byline markup, rel=author, URL dates, and the order in which they are preferred.

use byline_html::{extract, parse_date};

fn date(s: &str) -> Option<String> {
    Some(s.to_owned())
}

#[test]
fn json_ld_news_article_wins() {
    let page = r#"<html lang="en-US"><head>
        <title>Ferry strike ends after pay deal | Coastline Courier</title>
        <meta property="og:title" content="Ferry strike ends (OG)">
        <meta property="article:published_time" content="2024-03-02T08:00:00Z">
        <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Coastline Courier"},
          {"@type": "NewsArticle", "headline": "Ferry strike ends after pay deal",
           "datePublished": "2024-03-01T17:45:00+00:00",
           "author": [{"@type": "Person", "name": "Mara Quinlan"},
                      {"@type": "Person", "name": "Tobias Reyes"}],
           "publisher": {"@type": "Organization", "name": "Coastline Courier"},
           "mainEntityOfPage": "https://courier.example/2024/03/01/ferry-strike-ends"}
        ]}
        </script></head>
        <body><article><p>Ferry crews went back to work on Friday after the union accepted a
        revised pay offer, ending a strike that had stranded islanders for nine days.</p></article>
        </body></html>"#;
    let m = extract(page, None).meta;
    assert_eq!(m.title.as_deref(), Some("Ferry strike ends after pay deal"));
    assert_eq!(m.date.map(|d| d.to_string()), date("2024-03-01"));
    assert_eq!(m.authors, ["Mara Quinlan", "Tobias Reyes"]);
    assert_eq!(m.publisher.as_deref(), Some("Coastline Courier"));
    assert_eq!(m.language.as_deref(), Some("en"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://courier.example/2024/03/01/ferry-strike-ends")
    );
}

#[test]
fn opengraph_and_meta_tags() {
    let page = r#"<html><head>
        <meta property="og:title" content="Library extends opening hours">
        <meta property="og:site_name" content="Valley Gazette">
        <meta property="og:locale" content="de_DE">
        <meta name="author" content="By Petra Lindqvist, Education Reporter">
        <meta property="article:published_time" content="2023-11-14">
        <link rel="canonical" href="https://gazette.example/library-hours">
        </head><body><p>The town library will open until nine on weekdays from January, the
        council said, after a consultation in which most residents asked for later hours.</p>
        </body></html>"#;
    let m = extract(page, None).meta;
    assert_eq!(m.title.as_deref(), Some("Library extends opening hours"));
    assert_eq!(m.publisher.as_deref(), Some("Valley Gazette"));
    assert_eq!(m.language.as_deref(), Some("de"));
    assert_eq!(m.authors, ["Petra Lindqvist"]);
    assert_eq!(m.date.map(|d| d.to_string()), date("2023-11-14"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://gazette.example/library-hours")
    );
}

#[test]
fn time_element_byline_markup_and_title_tag() {
    let page = r#"<html><head><title>Harbour wall repaired - The Quay Post</title></head><body>
        <header><a href="/">The Quay Post</a></header>
        <article>
          <h1>Harbour wall repaired before winter storms</h1>
          <div class="byline">By <a rel="author" href="/staff/ines-marlow">Ines Marlow</a>
            and Dev Okafor, Senior Correspondent</div>
          <time datetime="2022-10-07T10:30:00+01:00">7 October 2022</time>
          <p>Engineers finished rebuilding the eastern harbour wall on Thursday, two weeks ahead
          of schedule, the port authority said, after a storm breached it in the spring.</p>
        </article></body></html>"#;
    let page = extract(page, None);
    let m = &page.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Harbour wall repaired before winter storms")
    );
    assert_eq!(m.date.map(|d| d.to_string()), date("2022-10-07"));
    // rel=author is read before the byline text, so the byline's second name needs that
    // link to be absent: see the next page
    assert_eq!(m.authors, ["Ines Marlow"]);
    assert!(!page.text.contains("Senior Correspondent"));
    assert!(page.removed.iter().any(|r| r.reason == "byline"));

    let no_rel = r#"<html><body><article><h1>Pier reopens</h1>
        <p class="article-byline">By Ines Marlow and Dev Okafor, Senior Correspondent</p>
        <p>The pier reopened to walkers on Saturday after a safety survey, the council said,
        with a ramp added for wheelchair users and a new railing along its length.</p>
        </article></body></html>"#;
    assert_eq!(
        extract(no_rel, None).meta.authors,
        ["Ines Marlow", "Dev Okafor"]
    );
}

#[test]
fn url_dates_as_fallback() {
    let page = "<html><body><p>A short note with no date anywhere in its markup at all, \
        written for a test of dates taken from the address of the page.</p></body></html>";
    let d = |url: &str| extract(page, Some(url)).meta.date.map(|d| d.to_string());
    assert_eq!(
        d("https://news.example/2025/06/23/bridge-talks"),
        date("2025-06-23")
    );
    assert_eq!(
        d("https://news.example/world/2025-06-23-bridge-talks"),
        date("2025-06-23")
    );
    assert_eq!(
        d("https://news.example/archive/20250623/bridge"),
        date("2025-06-23")
    );
    assert_eq!(d("https://news.example/2025/13/45/not-a-date"), None);
    assert_eq!(d("https://news.example/story/12345678"), None);
}

#[test]
fn human_and_machine_date_forms() {
    let p = |s: &str| parse_date(s).map(|d| d.to_string());
    assert_eq!(p("2025-06-23T09:00:00Z"), date("2025-06-23"));
    assert_eq!(p("June 23, 2025"), date("2025-06-23"));
    assert_eq!(p("Mon 23 Jun 2025 10:00 BST"), date("2025-06-23"));
    assert_eq!(p("Sept. 3, 2024"), date("2024-09-03"));
    assert_eq!(p("20250623"), date("2025-06-23"));
    assert_eq!(p("yesterday"), None);
    assert_eq!(p("1066-10-14"), None);
}

#[test]
fn double_encoded_titles_shouting_bylines_and_publisher_authors() {
    let page = r#"<html><head>
        <meta property="og:title" content="&#8216;Light at the end&#8217; &amp; other stories">
        <meta property="og:site_name" content="Harbour Herald">
        <meta property="og:url" content="https://herald.example/culture/light-festival-20191115">
        <script type="application/ld+json">{"@type": "Article",
          "author": [{"name": "HARBOUR HERALD"}, {"name": "TOMASZ WIERZBA"}]}</script>
        </head><body><p>The festival opened on Friday with thirty installations along the
        canals, the organisers said, and runs until the middle of January.</p></body></html>"#;
    let m = extract(page, None).meta;
    assert_eq!(
        m.title.as_deref(),
        Some("‘Light at the end’ & other stories")
    );
    assert_eq!(m.authors, ["Tomasz Wierzba"]);
    assert_eq!(m.date.map(|d| d.to_string()), date("2019-11-15"));
}

#[test]
fn commenters_are_not_authors_and_labels_are_dropped() {
    let page = r#"<html><body><article>
        <span itemprop="author creator" class="article-info__authors">Text: Lidia Brandt</span>
        <p>The museum reopened its east wing on Sunday after a year of repairs to the roof,
        the director said, with two rooms given over to local painters.</p></article>
        <section class="comments"><div class="comment">
        <span itemprop="author" class="comment-author-name">Guest</span><p>Nice.</p></div>
        </section></body></html>"#;
    assert_eq!(extract(page, None).meta.authors, ["Lidia Brandt"]);
}
