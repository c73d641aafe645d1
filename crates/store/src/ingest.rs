//! Ingest: records into the tables, corpus entity linking, replacement of earlier versions.

use byline_record::Record;

use crate::{IngestReport, Result, Store};

pub(crate) fn ingest(_store: &mut Store, _records: &[Record]) -> Result<IngestReport> {
    todo!()
}

pub(crate) fn delete_article(_store: &mut Store, _id: &str) -> Result<bool> {
    todo!()
}
