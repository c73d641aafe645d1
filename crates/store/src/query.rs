//! Queries.

use crate::*;

pub(crate) fn stats(_s: &Store) -> Result<StoreStats> {
    todo!()
}
pub(crate) fn search(_s: &Store, _p: &SearchParams) -> Result<SearchResults> {
    todo!()
}
pub(crate) fn quotes(_s: &Store, _p: &QuoteParams) -> Result<QuoteResults> {
    todo!()
}
pub(crate) fn entities(_s: &Store, _p: &EntityListParams) -> Result<EntityList> {
    todo!()
}
pub(crate) fn entity(_s: &Store, _p: &EntityParams) -> Result<EntityPage> {
    todo!()
}
pub(crate) fn timeline(_s: &Store, _p: &TimelineParams) -> Result<Timeline> {
    todo!()
}
pub(crate) fn graph(_s: &Store, _p: &GraphParams) -> Result<Graph> {
    todo!()
}
pub(crate) fn article(_s: &Store, _id: &str) -> Result<ArticleView> {
    todo!()
}
pub(crate) fn record(_s: &Store, _id: &str) -> Result<byline_record::Record> {
    todo!()
}
