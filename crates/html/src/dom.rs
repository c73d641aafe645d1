//! A lean arena DOM built by html5ever's tree builder.
//!
//! Nodes live in one `Vec` and link to each other by index (parent, first/last child,
//! previous/next sibling), so building is a push per node, dropping is one deallocation whatever
//! the depth, and every traversal is an iterative walk over indices: no recursion anywhere.

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, parse_document, Attribute, LocalName, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// "No node" in the link fields.
pub(crate) const NONE: NodeId = usize::MAX;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Data {
    /// The document root.
    Document,
    /// An element: its local name, whether it is in the HTML namespace, and its attributes.
    Element {
        name: LocalName,
        html: bool,
        attrs: Vec<(LocalName, StrTendril)>,
    },
    /// A run of text.
    Text(StrTendril),
    /// A comment, processing instruction or doctype: ignored.
    Other,
}

/// One node and its links.
#[derive(Debug)]
pub(crate) struct Node {
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    pub data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom {
    pub nodes: Vec<Node>,
}

/// The document node's index.
pub(crate) const DOCUMENT: NodeId = 0;

impl Dom {
    /// Parses a whole page.
    pub fn parse(html: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document)]),
            errors: Cell::new(0),
        };
        let parser = parse_document(sink, ParseOpts::default());
        parser.one(StrTendril::from_slice(html))
    }

    /// The local name of an HTML element, `None` for other nodes (and foreign elements).
    #[inline]
    pub fn tag(&self, id: NodeId) -> Option<&LocalName> {
        match &self.nodes[id].data {
            Data::Element {
                name, html: true, ..
            } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `name` of element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| &**n == name)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id].first_child,
        }
    }

    /// `id` and all its descendants in document order (pre-order), iteratively.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: id,
        }
    }

    /// The node after `id`'s subtree in document order, stopping at `root`'s subtree's end.
    pub fn next_after_subtree(&self, mut id: NodeId, root: NodeId) -> NodeId {
        loop {
            if id == root {
                return NONE;
            }
            let n = &self.nodes[id];
            if n.next != NONE {
                return n.next;
            }
            id = n.parent;
            if id == NONE {
                return NONE;
            }
        }
    }

    /// The text of `id`'s subtree with whitespace collapsed to single spaces.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        for d in self.descendants(id) {
            match &self.nodes[d].data {
                Data::Text(t) => push_collapsed(&mut out, t),
                // block boundaries separate words ("Related" + "Ohio Senate ...")
                Data::Element { name, .. }
                    if !matches!(
                        &**name,
                        "a" | "b"
                            | "i"
                            | "em"
                            | "strong"
                            | "span"
                            | "small"
                            | "sup"
                            | "sub"
                            | "u"
                            | "abbr"
                            | "code"
                            | "q"
                            | "cite"
                            | "mark"
                            | "s"
                            | "font"
                    ) && !out.is_empty()
                        && !out.ends_with(' ') =>
                {
                    out.push(' ')
                }
                _ => {}
            }
        }
        out.trim_end().to_owned()
    }
}

/// Appends `text` to `out` with whitespace runs collapsed to one space (no leading space on an
/// empty or space-ended `out`).
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    let mut space = out.is_empty() || out.ends_with(' ') || out.ends_with('\n');
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id].next;
        Some(id)
    }
}

/// Pre-order iterator over a subtree.
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        let n = &self.dom.nodes[id];
        self.next = if n.first_child != NONE {
            n.first_child
        } else {
            self.dom.next_after_subtree(id, self.root)
        };
        Some(id)
    }
}

/// A node handle for the tree builder: the index and, for elements, the qualified name (which
/// the builder asks for often; keeping it in the handle avoids borrowing the arena).
#[derive(Clone, Debug)]
pub(crate) struct Handle {
    id: NodeId,
    name: QualName,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    errors: Cell<usize>,
}

impl Sink {
    fn push(&self, data: Data) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        nodes.len() - 1
    }

    fn handle(id: NodeId) -> Handle {
        Handle {
            id,
            name: QualName::new(None, ns!(), local_name!("")),
        }
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = (nodes[id].parent, nodes[id].prev, nodes[id].next);
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev].next = next;
        } else {
            nodes[parent].first_child = next;
        }
        if next != NONE {
            nodes[next].prev = prev;
        } else {
            nodes[parent].last_child = prev;
        }
        let n = &mut nodes[id];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Sink::detach(nodes, child);
        let last = nodes[parent].last_child;
        nodes[child].parent = parent;
        nodes[child].prev = last;
        if last != NONE {
            nodes[last].next = child;
        } else {
            nodes[parent].first_child = child;
        }
        nodes[parent].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Sink::detach(nodes, child);
        let parent = nodes[sibling].parent;
        let prev = nodes[sibling].prev;
        nodes[child].parent = parent;
        nodes[child].prev = prev;
        nodes[child].next = sibling;
        nodes[sibling].prev = child;
        if prev != NONE {
            nodes[prev].next = child;
        } else if parent != NONE {
            nodes[parent].first_child = child;
        }
    }

    fn text_node(&self, text: StrTendril) -> NodeId {
        self.push(Data::Text(text))
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {
        self.errors.set(self.errors.get() + 1);
    }

    fn get_document(&self) -> Handle {
        Sink::handle(DOCUMENT)
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> Handle {
        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
        let id = self.push(Data::Element {
            name: name.local.clone(),
            html: name.ns == ns!(html),
            attrs,
        });
        Handle { id, name }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Sink::handle(self.push(Data::Other))
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Sink::handle(self.push(Data::Other))
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendNode(h) => {
                Sink::append_child(&mut self.nodes.borrow_mut(), parent.id, h.id)
            }
            NodeOrText::AppendText(t) => {
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let last = nodes[parent.id].last_child;
                    if last != NONE {
                        if let Data::Text(prev) = &mut nodes[last].data {
                            prev.push_tendril(&t);
                            return;
                        }
                    }
                }
                let id = self.text_node(t);
                Sink::append_child(&mut self.nodes.borrow_mut(), parent.id, id);
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        let has_parent = self.nodes.borrow()[element.id].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // template content is kept as ordinary children; extraction skips <template> anyway
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let id = match new_node {
            NodeOrText::AppendNode(h) => h.id,
            NodeOrText::AppendText(t) => {
                {
                    let mut nodes = self.nodes.borrow_mut();
                    let prev = nodes[sibling.id].prev;
                    if prev != NONE {
                        if let Data::Text(p) = &mut nodes[prev].data {
                            p.push_tendril(&t);
                            return;
                        }
                    }
                }
                self.text_node(t)
            }
        };
        Sink::insert_before(&mut self.nodes.borrow_mut(), sibling.id, id);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: have, .. } = &mut nodes[target.id].data {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Sink::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[node.id].first_child;
        while child != NONE {
            let next = nodes[child].next;
            Sink::append_child(&mut nodes, new_parent.id, child);
            child = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_tree() {
        let dom = Dom::parse("<p>One <b>two</b><p>three");
        let body = dom
            .descendants(DOCUMENT)
            .find(|&n| dom.tag(n).is_some_and(|t| *t == local_name!("body")))
            .unwrap();
        let ps: Vec<String> = dom.children(body).map(|p| dom.text_of(p)).collect();
        assert_eq!(ps, ["One two", "three"]);
    }

    #[test]
    fn misnested_formatting_is_repaired() {
        let dom = Dom::parse("<p><b>bold <i>both</b> italic</i></p>");
        assert_eq!(dom.text_of(DOCUMENT), "bold both italic");
    }
}
