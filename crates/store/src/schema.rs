//! The SQLite schema and its migrations (`PRAGMA user_version`).

use std::path::Path;

use crate::{Result, Store};

pub(crate) fn open(_path: &Path, _read_only: bool) -> Result<Store> {
    todo!()
}
