//! GraphML output of a [`Graph`].

use std::fmt::Write;

use crate::Graph;

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn to_graphml(g: &Graph) -> String {
    let mut s = String::new();
    s.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n",
        "  <key id=\"articles\" for=\"node\" attr.name=\"articles\" attr.type=\"long\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"long\"/>\n",
        "  <graph id=\"cooccurrence\" edgedefault=\"undirected\">\n",
    ));
    for n in &g.nodes {
        let _ = writeln!(
            s,
            "    <node id=\"e{}\"><data key=\"name\">{}</data><data key=\"type\">{}</data><data key=\"articles\">{}</data></node>",
            n.id,
            xml(&n.name),
            xml(&n.etype),
            n.articles
        );
    }
    for e in &g.edges {
        let _ = writeln!(
            s,
            "    <edge source=\"e{}\" target=\"e{}\"><data key=\"weight\">{}</data></edge>",
            e.source, e.target, e.weight
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

#[cfg(test)]
mod tests {
    use crate::{Graph, GraphEdge, GraphNode};

    #[test]
    fn escapes() {
        let g = Graph {
            nodes: vec![GraphNode {
                id: 1,
                name: "AT&T <\"x\">\u{1}".into(),
                etype: "ORG".into(),
                articles: 2,
            }],
            edges: vec![GraphEdge {
                source: 1,
                target: 2,
                weight: 3,
            }],
        };
        let x = g.to_graphml();
        assert!(x.contains("<data key=\"name\">AT&amp;T &lt;&quot;x&quot;&gt;</data>"));
        assert!(x.contains("<edge source=\"e1\" target=\"e2\"><data key=\"weight\">3</data>"));
    }
}
