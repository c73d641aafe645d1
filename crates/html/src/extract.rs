//! Main-content extraction: which part of the page is the story.
//!
//! 1. **Prune**: elements that never hold story text (scripts, forms controls, navigation,
//!    hidden elements) are skipped everywhere.
//! 2. **Measure**: one reverse pass over the nodes (children come after their parent in the
//!    arena, so a reverse scan sees every child before its parent) sums for every element its
//!    text length, the part of it inside links, and the score of its text blocks.
//! 3. **Choose**: text blocks (paragraphs, and `div`s that hold text directly) pass their score
//!    (length, commas) to their parent and, halved, to their grandparent; each candidate's score
//!    is weighted by its tag and `class`/`id` hints and discounted by its link density. The best
//!    candidate is the story container; siblings that look like continuations join it.
//! 4. **Emit**: the container is walked once more; headings, paragraphs, list items and block
//!    quotes become paragraphs. Sub-trees and blocks that look like page furniture (share bars,
//!    captions, related links, newsletter boxes, bylines, link lists) are reported as removed,
//!    with a reason, instead of being written.
//!
//! Every traversal is iterative, so a page nested 100,000 levels deep costs no stack.

use crate::dom::{Data, Dom, NodeId, DOCUMENT, NONE};
use html5ever::{local_name, LocalName};

/// A piece of the page left out of the text, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Its text.
    pub text: String,
    /// "share", "caption", "related-links", "newsletter", "comments", "advert", "navigation",
    /// "byline", "cookie-notice", "link-list", "title" or "boilerplate".
    pub reason: &'static str,
}

/// What the extractor found.
#[derive(Debug, Default)]
pub(crate) struct Content {
    /// Paragraphs of the story.
    pub paragraphs: Vec<String>,
    /// What was left out inside the story container.
    pub removed: Vec<Removed>,
}

/// Per-element measurements.
#[derive(Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of text (outside skipped elements).
    text: u32,
    /// Of which inside `<a>`.
    link: u32,
    /// Commas.
    commas: u32,
    /// Paragraph-like children.
    paras: u32,
}

/// How an element is treated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Never text: dropped with its sub-tree.
    Skip,
    /// Page furniture by its class/id/role/tag: dropped, reported with the reason.
    Furniture(&'static str),
    /// Anything else.
    Normal,
}

pub(crate) fn extract(dom: &Dom, title: Option<&str>) -> Content {
    let n = dom.nodes.len();
    let mut role = vec![Role::Normal; n];
    let mut hint = vec![0i32; n];
    // document order: arena order is creation order, and the parser moves nodes (misnested
    // formatting, foster parenting), so a child may have been created before its parent
    let order: Vec<NodeId> = dom.descendants(DOCUMENT).collect();
    // pass 1 (pre-order): roles, inherited skip, furniture above
    let mut skipped = vec![true; n];
    let mut under_furniture = vec![false; n];
    for &id in &order {
        let node = &dom.nodes[id];
        skipped[id] = false;
        if node.parent != NONE {
            under_furniture[id] =
                under_furniture[node.parent] || matches!(role[node.parent], Role::Furniture(_));
            if skipped[node.parent] {
                skipped[id] = true;
                continue;
            }
        }
        if let Data::Element { .. } = node.data {
            let (r, h) = classify(dom, id);
            role[id] = r;
            hint[id] = h;
            if r == Role::Skip {
                skipped[id] = true;
            }
        }
    }
    // pass 2 (reverse document order: children before parents): stats
    let mut stats = vec![Stats::default(); n];
    let mut score = vec![0f32; n];
    for &id in order.iter().rev() {
        if skipped[id] {
            continue;
        }
        let node = &dom.nodes[id];
        match &node.data {
            Data::Text(t) => {
                let mut s = Stats::default();
                for c in t.chars() {
                    if !c.is_whitespace() {
                        s.text += 1;
                        if c == ',' || c == '，' || c == '、' {
                            s.commas += 1;
                        }
                    }
                }
                stats[id] = s;
            }
            Data::Element { name, .. } => {
                let mut s = stats[id];
                let is_link = *name == local_name!("a");
                let mut paras = 0;
                let mut c = node.first_child;
                while c != NONE {
                    if !skipped[c] {
                        let cs = stats[c];
                        s.text += cs.text;
                        s.link += if is_link { cs.text } else { cs.link };
                        s.commas += cs.commas;
                        if is_paragraph(dom, c) && cs.text >= 25 {
                            paras += 1;
                        }
                    }
                    c = dom.nodes[c].next;
                }
                s.paras = paras;
                stats[id] = s;
            }
            _ => {}
        }
    }
    // pass 3: text blocks feed their ancestors' scores. A paragraph feeds its parent (the
    // container) fully, its grandparent by half and the next by a quarter; text written
    // directly in a container (inline runs between its block children) feeds the container
    // itself in the same way.
    for &id in &order {
        if skipped[id] || dom.tag(id).is_none() {
            continue;
        }
        let (s, target) = if is_paragraph_tag(dom, id) {
            (stats[id], dom.nodes[id].parent)
        } else {
            let mut own = Stats::default();
            for c in dom.children(id) {
                if skipped[c] {
                    continue;
                }
                let inline = match &dom.nodes[c].data {
                    Data::Text(_) => true,
                    Data::Element { name, .. } => !is_block_tag(name),
                    _ => false,
                };
                if inline {
                    own.text += stats[c].text;
                    own.link += stats[c].link;
                    own.commas += stats[c].commas;
                }
            }
            (own, id)
        };
        if s.text < 25 || target == NONE {
            continue;
        }
        let ld = s.link as f32 / s.text.max(1) as f32;
        let mut block = 1.0 + s.commas.min(30) as f32 + (s.text as f32 / 100.0).min(3.0);
        block *= 1.0 - ld;
        score[target] += block;
        let p = dom.nodes[target].parent;
        if p != NONE {
            score[p] += block / 2.0;
            let gp = dom.nodes[p].parent;
            if gp != NONE {
                score[gp] += block / 4.0;
            }
        }
    }
    let mut best = NONE;
    let mut best_score = 0.0f32;
    for &id in &order {
        if skipped[id] || score[id] <= 0.0 || matches!(role[id], Role::Furniture(_)) {
            continue;
        }
        let s = stats[id];
        let ld = s.link as f32 / s.text.max(1) as f32;
        let tag_w = match dom.tag(id).map(|t| &**t) {
            // only containers can be the story's container
            Some(
                "span" | "a" | "b" | "i" | "em" | "strong" | "small" | "font" | "p" | "h1" | "h2"
                | "h3" | "h4" | "h5" | "h6" | "li" | "dd" | "dt" | "label" | "time" | "cite" | "q"
                | "u" | "sup" | "sub" | "abbr" | "code",
            ) => continue,
            Some("article") => 8.0,
            Some("main") | Some("section") => 3.0,
            Some("div") => 5.0,
            Some("pre") | Some("td") | Some("blockquote") => 3.0,
            Some("body") => -5.0,
            Some("ol") | Some("ul") | Some("dl") | Some("form") => -3.0,
            Some("th") => -5.0,
            _ => 0.0,
        };
        let total = (score[id] + tag_w + hint[id] as f32) * (1.0 - ld);
        if total > best_score {
            best_score = total;
            best = id;
        }
    }
    if best == NONE {
        best = body(dom).unwrap_or(DOCUMENT);
    }
    // a container with a strong body hint that holds most of the best candidate wins over it
    let mut roots = siblings_to_join(
        dom, best, best_score, &score, &stats, &hint, &skipped, &role,
    );
    add_same_class_chunks(
        dom,
        best,
        &mut roots,
        &stats,
        &skipped,
        &role,
        &under_furniture,
        &order,
    );
    let mut out = Content::default();
    let best_text = stats[best].text;
    for root in roots {
        emit(
            dom, root, &role, &skipped, &stats, best_text, title, &mut out,
        );
    }
    out
}

/// The `<body>` element.
fn body(dom: &Dom) -> Option<NodeId> {
    dom.descendants(DOCUMENT)
        .find(|&id| dom.tag(id).is_some_and(|t| *t == local_name!("body")))
}

/// The chosen container and those of its siblings that continue the story.
#[allow(clippy::too_many_arguments)]
fn siblings_to_join(
    dom: &Dom,
    best: NodeId,
    best_score: f32,
    score: &[f32],
    stats: &[Stats],
    hint: &[i32],
    skipped: &[bool],
    role: &[Role],
) -> Vec<NodeId> {
    let parent = dom.nodes[best].parent;
    if parent == NONE {
        return vec![best];
    }
    let threshold = (best_score * 0.2).max(10.0);
    let best_class = dom.attr(best, "class").unwrap_or("");
    let mut roots = Vec::new();
    for sib in dom.children(parent) {
        if sib == best {
            roots.push(sib);
            continue;
        }
        if skipped[sib] || matches!(role[sib], Role::Furniture(_)) || dom.tag(sib).is_none() {
            continue;
        }
        let s = stats[sib];
        let ld = s.link as f32 / s.text.max(1) as f32;
        let mut bonus = 0.0;
        if !best_class.is_empty() && dom.attr(sib, "class") == Some(best_class) {
            bonus += best_score * 0.2;
        }
        let sib_score = (score[sib] + hint[sib] as f32) * (1.0 - ld) + bonus;
        let append = sib_score >= threshold
            || (is_paragraph(dom, sib) && {
                let text = s.text;
                (text > 80 && ld < 0.25)
                    || (text > 0 && text <= 80 && s.link == 0 && {
                        let t = dom.text_of(sib);
                        t.ends_with(['.', '!', '?', '"', '”'])
                    })
            });
        if append {
            roots.push(sib);
        }
    }
    roots
}

/// A list of teasers: three or more children of one tag and class (a template's repeated
/// item), each holding a link and little text.
fn is_teaser_list(dom: &Dom, id: NodeId, stats: &[Stats], skipped: &[bool]) -> bool {
    let mut first: Option<(&LocalName, &str)> = None;
    let mut same = 0;
    for c in dom.children(id) {
        if skipped[c] {
            continue;
        }
        let Some(tag) = dom.tag(c) else {
            continue;
        };
        let class = dom.attr(c, "class").unwrap_or("");
        if class.trim().is_empty()
            || !matches!(
                &**tag,
                "div" | "li" | "article" | "section" | "figure" | "aside"
            )
        {
            continue;
        }
        match first {
            None => first = Some((tag, class)),
            Some((t, k)) if t == tag && k == class => {}
            Some(_) => continue,
        }
        let s = stats[c];
        let has_p = dom
            .descendants(c)
            .any(|d| dom.tag(d).is_some_and(|t| *t == local_name!("p")));
        if s.link == 0 || s.text > 300 || has_p {
            return false;
        }
        same += 1;
    }
    same >= 3
}

/// Stories split into several containers of one kind (`<div class="article__body">` repeated
/// between ads): elements elsewhere with the tag and class of the chosen container, not inside
/// another root, with text and few links, join the roots, in document order.
#[allow(clippy::too_many_arguments)]
fn add_same_class_chunks(
    dom: &Dom,
    best: NodeId,
    roots: &mut Vec<NodeId>,
    stats: &[Stats],
    skipped: &[bool],
    role: &[Role],
    under_furniture: &[bool],
    order: &[NodeId],
) {
    let Some(class) = dom.attr(best, "class").filter(|c| !c.trim().is_empty()) else {
        return;
    };
    let tag = dom.tag(best);
    let mut extra = Vec::new();
    for &id in order {
        if id == best
            || skipped[id]
            || matches!(role[id], Role::Furniture(_))
            || under_furniture[id]
            || dom.tag(id) != tag
            || !similar_class(dom.attr(id, "class").unwrap_or(""), class)
        {
            continue;
        }
        let s = stats[id];
        if s.text < 40 || s.link * 2 > s.text {
            continue;
        }
        let inside = |a: NodeId, b: NodeId| {
            let mut x = a;
            while x != NONE {
                if x == b {
                    return true;
                }
                x = dom.nodes[x].parent;
            }
            false
        };
        if roots
            .iter()
            .chain(&extra)
            .any(|&r| inside(id, r) || inside(r, id))
        {
            continue;
        }
        extra.push(id);
    }
    if extra.is_empty() {
        return;
    }
    roots.extend(extra);
    let mut pos = vec![usize::MAX; dom.nodes.len()];
    for (i, &id) in order.iter().enumerate() {
        pos[id] = i;
    }
    roots.sort_unstable_by_key(|&r| pos[r]);
}

/// Equal classes, or classes sharing a token that names a story body ("articleBodyText
/// section" and "articleBodyText version-2 section").
fn similar_class(a: &str, b: &str) -> bool {
    a == b
        || a.split_whitespace().any(|t| {
            let lower = t.to_ascii_lowercase();
            let body_word = strong_positive(&lower)
                || lower.contains("bodytext")
                || (positive(&lower)
                    && negative(&lower).is_none()
                    && ![
                        "teaser", "card", "item", "list", "link", "title", "head", "meta",
                    ]
                    .iter()
                    .any(|w| lower.contains(w)));
            body_word && b.split_whitespace().any(|u| u == t)
        })
}

/// A paragraph-like element.
fn is_paragraph(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id).map(|t| &**t),
        Some("p") | Some("pre") | Some("blockquote")
    )
}

/// Elements whose whole text is one paragraph (or a cell) for scoring.
fn is_paragraph_tag(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id).map(|t| &**t),
        Some("p") | Some("pre") | Some("td") | Some("blockquote")
    )
}

fn is_block_tag(name: &LocalName) -> bool {
    matches!(
        &**name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "ul"
            | "ol"
            | "dl"
            | "li"
            | "dd"
            | "dt"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hgroup"
            | "blockquote"
            | "pre"
            | "figure"
            | "figcaption"
            | "address"
            | "details"
            | "summary"
            | "form"
            | "fieldset"
            | "hr"
            | "br"
            | "center"
            | "body"
            | "html"
            | "dialog"
            | "menu"
            | "legend"
            | "picture"
            | "video"
            | "audio"
    )
}

/// Tags dropped with their sub-tree wherever they are.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "button"
            | "select"
            | "input"
            | "textarea"
            | "option"
            | "link"
            | "meta"
            | "video"
            | "audio"
            | "map"
            | "dialog"
    )
}

/// The role of an element and its class/id hint weight.
fn classify(dom: &Dom, id: NodeId) -> (Role, i32) {
    let Data::Element { name, html, attrs } = &dom.nodes[id].data else {
        return (Role::Normal, 0);
    };
    if !*html || is_skipped_tag(name) {
        return (Role::Skip, 0);
    }
    let mut names = String::new();
    for (k, v) in attrs {
        match k.as_ref() {
            "hidden" => return (Role::Skip, 0),
            "aria-hidden" if v.trim().eq_ignore_ascii_case("true") => return (Role::Skip, 0),
            "style" => {
                let s: String = v
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if s.contains("display:none") || s.contains("visibility:hidden") {
                    return (Role::Skip, 0);
                }
            }
            "class" | "id" | "itemprop" | "role" | "data-component" | "data-testid" => {
                names.push_str(&v.to_ascii_lowercase());
                names.push(' ');
            }
            _ => {}
        }
    }
    let furniture_tag = match &**name {
        "nav" => Some("navigation"),
        "aside" => Some("boilerplate"),
        "footer" => Some("boilerplate"),
        "figcaption" => Some("caption"),
        "form" => None,
        _ => None,
    };
    let pos = positive(&names);
    let neg = negative(&names).or_else(|| {
        // "entry-meta", "article__meta", "metadata": date and author lines
        names
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| w == "meta" || w == "metadata" || w == "dateline")
            .then_some("byline")
    });
    let mut weight = 0;
    if pos {
        weight += 25;
    }
    if strong_positive(&names) {
        weight += 25;
    }
    if neg.is_some() {
        weight -= 25;
    }
    if let Some(reason) = furniture_tag {
        return (Role::Furniture(neg.unwrap_or(reason)), weight - 25);
    }
    match neg {
        Some("byline") => (Role::Furniture("byline"), weight),
        Some(reason) if !pos => (Role::Furniture(reason), weight),
        _ => (Role::Normal, weight),
    }
}

/// Class/id words of story containers.
fn positive(names: &str) -> bool {
    const WORDS: &[&str] = &[
        "article",
        "body",
        "content",
        "entry",
        "main",
        "post",
        "story",
        "text",
        "blog",
        "prose",
        "rich-text",
        "richtext",
    ];
    WORDS.iter().any(|w| names.contains(w))
}

/// Names almost only used for the story body itself.
fn strong_positive(names: &str) -> bool {
    const WORDS: &[&str] = &[
        "articlebody",
        "article-body",
        "article_body",
        "article__body",
        "article-content",
        "article_content",
        "article__content",
        "articlecontent",
        "story-body",
        "storybody",
        "story-content",
        "story__body",
        "entry-content",
        "post-content",
        "post-body",
        "postbody",
        "post_content",
        "article-text",
        "articletext",
        "body-text",
        "bodytext",
        "text-body",
        "main-content",
        "article__text",
        "caas-body",
        "paywall",
    ];
    WORDS.iter().any(|w| names.contains(w))
}

/// Class/id words of page furniture, with the reason reported.
fn negative(names: &str) -> Option<&'static str> {
    const WORDS: &[(&str, &str)] = &[
        ("comment", "comments"),
        ("disqus", "comments"),
        ("share", "share"),
        ("sharing", "share"),
        ("social", "share"),
        ("sociable", "share"),
        ("related", "related-links"),
        ("recommend", "related-links"),
        ("more-stories", "related-links"),
        ("read-more", "related-links"),
        ("readmore", "related-links"),
        ("most-popular", "related-links"),
        ("mostpopular", "related-links"),
        ("trending", "related-links"),
        ("outbrain", "related-links"),
        ("taboola", "related-links"),
        ("newsletter", "newsletter"),
        ("subscribe", "newsletter"),
        ("signup", "newsletter"),
        ("sign-up", "newsletter"),
        ("promo", "advert"),
        ("advert", "advert"),
        ("sponsor", "advert"),
        ("ad-slot", "advert"),
        ("adslot", "advert"),
        ("ad-container", "advert"),
        ("dfp", "advert"),
        ("sidebar", "boilerplate"),
        ("widget", "boilerplate"),
        ("footer", "boilerplate"),
        ("masthead", "navigation"),
        ("breadcrumb", "navigation"),
        ("navbar", "navigation"),
        ("menu", "navigation"),
        ("skip-link", "navigation"),
        ("pagination", "navigation"),
        ("cookie", "cookie-notice"),
        ("consent", "cookie-notice"),
        ("gdpr", "cookie-notice"),
        ("popup", "boilerplate"),
        ("modal", "boilerplate"),
        ("byline", "byline"),
        ("author", "byline"),
        ("contributor", "byline"),
        ("caption", "caption"),
        ("credit", "caption"),
        ("tags", "boilerplate"),
        ("tag-list", "boilerplate"),
        ("toolbar", "share"),
        ("print", "share"),
        ("timestamp", "byline"),
        ("dateline", "byline"),
        ("published", "byline"),
        ("login", "boilerplate"),
        ("rating", "boilerplate"),
        ("sr-only", "boilerplate"),
        ("visually-hidden", "boilerplate"),
        ("screen-reader", "boilerplate"),
    ];
    WORDS
        .iter()
        .find(|(w, _)| names.contains(w))
        .map(|&(_, r)| r)
}

/// The paragraph being built.
#[derive(Default)]
struct Para {
    text: String,
    /// Non-space characters inside links.
    link: usize,
    /// Depth of `<a>` elements we are in.
    in_link: usize,
    /// Whether it is a heading.
    heading: bool,
}

/// Builds paragraphs from the sub-tree at `root`.
#[allow(clippy::too_many_arguments)]
fn emit(
    dom: &Dom,
    root: NodeId,
    role: &[Role],
    skipped: &[bool],
    stats: &[Stats],
    best_text: u32,
    title: Option<&str>,
    out: &mut Content,
) {
    let mut para = Para::default();
    let mut went_in = vec![false; dom.nodes.len()];
    let mut id = root;
    'outer: loop {
        // enter `id`
        let node = &dom.nodes[id];
        let mut descend = false;
        if !skipped[id] {
            match &node.data {
                Data::Text(t) => {
                    crate::dom::push_collapsed(&mut para.text, t);
                    if para.in_link > 0 {
                        para.link += stats[id].text as usize;
                    }
                }
                Data::Element { name, .. } => {
                    let s = stats[id];
                    let minor = s.text * 2 < best_text.max(1);
                    let furniture = match role[id] {
                        // a wrapper holding most of the story is not furniture
                        Role::Furniture(r) if minor && id != root => Some(r),
                        _ if minor
                            && id != root
                            && matches!(&**name, "ul" | "ol" | "dl" | "table" | "menu")
                            && s.link * 2 > s.text =>
                        {
                            Some("link-list")
                        }
                        _ if minor && id != root && is_teaser_list(dom, id, stats, skipped) => {
                            Some("related-links")
                        }
                        _ => None,
                    };
                    if let Some(reason) = furniture {
                        let text = dom.text_of(id);
                        if !text.is_empty() {
                            out.removed.push(Removed { text, reason });
                        }
                    } else {
                        if is_block_tag(name) {
                            flush(&mut para, title, out);
                        }
                        if *name == local_name!("a") {
                            para.in_link += 1;
                        }
                        if matches!(&**name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                            para.heading = true;
                        }
                        descend = node.first_child != NONE;
                        if !descend && *name == local_name!("a") {
                            para.in_link -= 1;
                        }
                    }
                }
                _ => {}
            }
        }
        if descend {
            went_in[id] = true;
            id = node.first_child;
            continue;
        }
        // leave `id`, then climb while it was the last child
        loop {
            if id != root && went_in[id] {
                if let Some(name) = dom.tag(id) {
                    if *name == local_name!("a") {
                        para.in_link = para.in_link.saturating_sub(1);
                    }
                    if is_block_tag(name) {
                        flush(&mut para, title, out);
                    }
                }
            }
            if id == root {
                flush(&mut para, title, out);
                return;
            }
            let next = dom.nodes[id].next;
            if next != NONE {
                id = next;
                continue 'outer;
            }
            id = dom.nodes[id].parent;
        }
    }
}

/// Ends the current paragraph: keeps it, or reports it as removed.
fn flush(para: &mut Para, title: Option<&str>, out: &mut Content) {
    let text = para.text.trim();
    if !text.is_empty() {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let reason = if title.is_some_and(|t| same_text(text, t))
            && (out.paragraphs.len() < 3 || para.heading)
        {
            Some("title")
        } else if para.link * 10 > chars * 6 && chars - para.link.min(chars) < 40 && !para.heading {
            Some("link-list")
        } else {
            None
        };
        match reason {
            Some(reason) => out.removed.push(Removed {
                text: text.to_owned(),
                reason,
            }),
            None => out.paragraphs.push(text.to_owned()),
        }
    }
    para.text.clear();
    para.link = 0;
    para.heading = false;
}

/// Equal up to case, spaces and punctuation.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty()
        && (a == b || (b.len() > 20 && b.starts_with(&a)) || (a.len() > 20 && b.starts_with(&a)))
}
