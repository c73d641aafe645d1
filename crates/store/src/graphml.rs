//! GraphML output of a [`Graph`].

use crate::Graph;

pub(crate) fn to_graphml(_g: &Graph) -> String {
    todo!()
}
