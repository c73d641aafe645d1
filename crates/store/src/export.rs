//! Export: one file per table, as Parquet or JSONL.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Result, Store};

/// Export file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Apache Parquet, one `TABLE.parquet` per table (Snappy-compressed).
    Parquet,
    /// One `TABLE.jsonl` per table, one JSON object per row.
    Jsonl,
}

/// What an export wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportReport {
    /// One entry per table: the file and its row count.
    pub tables: Vec<ExportedTable>,
}

/// One exported table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedTable {
    /// Table name.
    pub table: String,
    /// The file written.
    pub path: PathBuf,
    /// Rows written.
    pub rows: u64,
}

pub(crate) fn export(_store: &Store, _dir: &Path, _format: ExportFormat) -> Result<ExportReport> {
    todo!()
}
