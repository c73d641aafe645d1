//! Export: one file per table, as Parquet (the `parquet` crate's low-level writer, no Arrow)
//! or JSONL.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use rusqlite::types::ValueRef;
use serde::{Deserialize, Serialize};

use crate::{Result, Store, StoreError};

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

#[derive(Clone, Copy, PartialEq)]
enum Col {
    Int,
    Real,
    Text,
}

struct Table {
    name: &'static str,
    sql: &'static str,
    /// (column, type, nullable)
    cols: &'static [(&'static str, Col, bool)],
}

use Col::{Int, Real, Text};

/// The exported tables. Articles and entities are keyed by the article's `id` string and the
/// corpus entity id, so the tables join without the store's internal row ids.
const TABLES: &[Table] = &[
    Table {
        name: "articles",
        sql: "SELECT id, url, date, title, publisher, language, authors, source_path,
                     source_format, text_hash, text, ingested_at
              FROM articles ORDER BY rowid",
        cols: &[
            ("id", Text, false),
            ("url", Text, true),
            ("date", Text, true),
            ("title", Text, true),
            ("publisher", Text, true),
            ("language", Text, true),
            ("authors", Text, false),
            ("source_path", Text, true),
            ("source_format", Text, false),
            ("text_hash", Text, false),
            ("text", Text, false),
            ("ingested_at", Text, false),
        ],
    },
    Table {
        name: "entities",
        sql: "SELECT id, name, type, norm, articles, mentions, quotes,
                     CASE WHEN articles > 0 THEN confidence_sum / articles ELSE 1.0 END
              FROM entities ORDER BY id",
        cols: &[
            ("entity_id", Int, false),
            ("name", Text, false),
            ("type", Text, false),
            ("norm", Text, false),
            ("articles", Int, false),
            ("mentions", Int, false),
            ("quotes", Int, false),
            ("confidence", Real, false),
        ],
    },
    Table {
        name: "aliases",
        sql: "SELECT entity_id, name, norm, count FROM aliases ORDER BY entity_id, norm",
        cols: &[
            ("entity_id", Int, false),
            ("name", Text, false),
            ("norm", Text, false),
            ("count", Int, false),
        ],
    },
    Table {
        name: "article_entities",
        sql: "SELECT a.id, x.local_id, x.entity_id, x.name, x.type, x.mentions, x.rule,
                     x.confidence
              FROM article_entities x JOIN articles a ON a.rowid = x.article
              ORDER BY x.article, x.local_id",
        cols: &[
            ("article_id", Text, false),
            ("local_id", Text, false),
            ("entity_id", Int, false),
            ("name", Text, false),
            ("type", Text, false),
            ("mentions", Int, false),
            ("link_rule", Text, false),
            ("link_confidence", Real, false),
        ],
    },
    Table {
        name: "mentions",
        sql: "SELECT a.id, m.local_id, m.entity_id, m.start, m.end, m.text, m.kind
              FROM mentions m JOIN articles a ON a.rowid = m.article ORDER BY m.rowid",
        cols: &[
            ("article_id", Text, false),
            ("local_id", Text, false),
            ("entity_id", Int, false),
            ("start", Int, false),
            ("end", Int, false),
            ("text", Text, false),
            ("kind", Text, false),
        ],
    },
    Table {
        name: "quotes",
        sql: "SELECT q.id, a.id, q.idx, q.start, q.end, q.text, q.kind, q.speaker_local,
                     q.speaker_id, q.speaker_name, q.speaker_mention, q.cue, q.confidence,
                     q.continues, q.date
              FROM quotes q JOIN articles a ON a.rowid = q.article ORDER BY q.id",
        cols: &[
            ("quote_id", Int, false),
            ("article_id", Text, false),
            ("idx", Int, false),
            ("start", Int, false),
            ("end", Int, false),
            ("text", Text, false),
            ("kind", Text, false),
            ("speaker_local_id", Text, true),
            ("speaker_id", Int, true),
            ("speaker_name", Text, true),
            ("speaker_mention", Text, true),
            ("cue", Text, true),
            ("confidence", Real, false),
            ("continues", Int, true),
            ("date", Text, true),
        ],
    },
    Table {
        name: "times",
        sql: "SELECT a.id, t.idx, t.start, t.end, t.text, t.type, t.value
              FROM times t JOIN articles a ON a.rowid = t.article ORDER BY t.article, t.idx",
        cols: &[
            ("article_id", Text, false),
            ("idx", Int, false),
            ("start", Int, false),
            ("end", Int, false),
            ("text", Text, false),
            ("type", Text, false),
            ("value", Text, true),
        ],
    },
    Table {
        name: "quantities",
        sql: "SELECT a.id, q.idx, q.start, q.end, q.text, q.value, q.unit, q.qualifier
              FROM quantities q JOIN articles a ON a.rowid = q.article
              ORDER BY q.article, q.idx",
        cols: &[
            ("article_id", Text, false),
            ("idx", Int, false),
            ("start", Int, false),
            ("end", Int, false),
            ("text", Text, false),
            ("value", Real, false),
            ("unit", Text, true),
            ("qualifier", Text, true),
        ],
    },
    Table {
        name: "events",
        sql: "SELECT e.id, a.id, e.idx, e.type, e.trigger_start, e.trigger_end,
                     e.trigger_text, e.place_id, e.time_idx, e.date, e.confidence, e.sentence
              FROM events e JOIN articles a ON a.rowid = e.article ORDER BY e.id",
        cols: &[
            ("event_id", Int, false),
            ("article_id", Text, false),
            ("idx", Int, false),
            ("type", Text, false),
            ("trigger_start", Int, false),
            ("trigger_end", Int, false),
            ("trigger_text", Text, false),
            ("place_id", Int, true),
            ("time_idx", Int, true),
            ("date", Text, true),
            ("confidence", Real, false),
            ("sentence", Text, false),
        ],
    },
    Table {
        name: "event_participants",
        sql: "SELECT event, entity_id, local_id FROM event_participants ORDER BY event, entity_id",
        cols: &[
            ("event_id", Int, false),
            ("entity_id", Int, false),
            ("local_id", Text, false),
        ],
    },
];

/// Rows per Parquet row group.
const ROW_GROUP: usize = 50_000;

pub(crate) fn export(store: &Store, dir: &Path, format: ExportFormat) -> Result<ExportReport> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    // one read transaction: every table from the same snapshot
    store.conn.execute_batch("BEGIN")?;
    let result = (|| {
        let mut tables = Vec::new();
        for t in TABLES {
            let (path, rows) = match format {
                ExportFormat::Jsonl => {
                    let path = dir.join(format!("{}.jsonl", t.name));
                    let rows = write_jsonl(store, t, &path)?;
                    (path, rows)
                }
                ExportFormat::Parquet => {
                    let path = dir.join(format!("{}.parquet", t.name));
                    let rows = write_parquet(store, t, &path)?;
                    (path, rows)
                }
            };
            tables.push(ExportedTable {
                table: t.name.to_string(),
                path,
                rows,
            });
        }
        Ok(ExportReport { tables })
    })();
    store.conn.execute_batch("COMMIT")?;
    result
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn write_jsonl(store: &Store, t: &Table, path: &Path) -> Result<u64> {
    let file = File::create(path).map_err(io_err(path))?;
    let mut out = BufWriter::new(file);
    let mut st = store.conn.prepare(t.sql)?;
    let mut rows = st.query([])?;
    let mut n = 0;
    while let Some(r) = rows.next()? {
        let mut obj = serde_json::Map::new();
        for (i, (name, _, _)) in t.cols.iter().enumerate() {
            let v = match r.get_ref(i)? {
                ValueRef::Null => serde_json::Value::Null,
                ValueRef::Integer(x) => x.into(),
                ValueRef::Real(x) => serde_json::Number::from_f64(x)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number),
                ValueRef::Text(b) | ValueRef::Blob(b) => {
                    String::from_utf8_lossy(b).into_owned().into()
                }
            };
            obj.insert((*name).to_string(), v);
        }
        serde_json::to_writer(&mut out, &obj)?;
        out.write_all(b"\n").map_err(io_err(path))?;
        n += 1;
    }
    out.flush().map_err(io_err(path))?;
    Ok(n)
}

/// One column's values for a row group, with definition levels for nullable columns.
enum Buf {
    Int(Vec<i64>),
    Real(Vec<f64>),
    Text(Vec<ByteArray>),
}

fn write_parquet(store: &Store, t: &Table, path: &Path) -> Result<u64> {
    let pq = |e: parquet::errors::ParquetError| StoreError::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut msg = format!("message {} {{\n", t.name);
    for (name, ty, nullable) in t.cols {
        let rep = if *nullable { "OPTIONAL" } else { "REQUIRED" };
        let (ty, logical) = match ty {
            Int => ("INT64", ""),
            Real => ("DOUBLE", ""),
            Text => ("BYTE_ARRAY", " (STRING)"),
        };
        msg.push_str(&format!("  {rep} {ty} {name}{logical};\n"));
    }
    msg.push('}');
    let schema = Arc::new(parse_message_type(&msg).map_err(pq)?);
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("byline {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let file = File::create(path).map_err(io_err(path))?;
    let mut writer = SerializedFileWriter::new(BufWriter::new(file), schema, props).map_err(pq)?;

    let mut st = store.conn.prepare(t.sql)?;
    let mut rows = st.query([])?;
    let mut total = 0u64;
    loop {
        let mut bufs: Vec<(Buf, Vec<i16>)> = t
            .cols
            .iter()
            .map(|(_, ty, _)| {
                let b = match ty {
                    Int => Buf::Int(Vec::new()),
                    Real => Buf::Real(Vec::new()),
                    Text => Buf::Text(Vec::new()),
                };
                (b, Vec::new())
            })
            .collect();
        let mut n = 0;
        while n < ROW_GROUP {
            let Some(r) = rows.next()? else { break };
            for (i, (buf, defs)) in bufs.iter_mut().enumerate() {
                let v = r.get_ref(i)?;
                let nullable = t.cols[i].2;
                if matches!(v, ValueRef::Null) {
                    if !nullable {
                        return Err(StoreError::Parquet {
                            path: path.to_path_buf(),
                            message: format!("NULL in required column {}", t.cols[i].0),
                        });
                    }
                    defs.push(0);
                    continue;
                }
                defs.push(1);
                match buf {
                    Buf::Int(vs) => vs.push(match v {
                        ValueRef::Integer(x) => x,
                        ValueRef::Real(x) => x as i64,
                        _ => 0,
                    }),
                    Buf::Real(vs) => vs.push(match v {
                        ValueRef::Integer(x) => x as f64,
                        ValueRef::Real(x) => x,
                        _ => 0.0,
                    }),
                    Buf::Text(vs) => vs.push(match v {
                        ValueRef::Text(b) | ValueRef::Blob(b) => ByteArray::from(b.to_vec()),
                        ValueRef::Integer(x) => ByteArray::from(x.to_string().into_bytes()),
                        ValueRef::Real(x) => ByteArray::from(x.to_string().into_bytes()),
                        ValueRef::Null => unreachable!("handled above"),
                    }),
                }
            }
            n += 1;
        }
        if n == 0 {
            break;
        }
        let mut rg = writer.next_row_group().map_err(pq)?;
        let mut i = 0;
        while let Some(mut col) = rg.next_column().map_err(pq)? {
            let (buf, defs) = &bufs[i];
            let defs = t.cols[i].2.then_some(defs.as_slice());
            match buf {
                Buf::Int(v) => col
                    .typed::<Int64Type>()
                    .write_batch(v, defs, None)
                    .map_err(pq)?,
                Buf::Real(v) => col
                    .typed::<DoubleType>()
                    .write_batch(v, defs, None)
                    .map_err(pq)?,
                Buf::Text(v) => col
                    .typed::<ByteArrayType>()
                    .write_batch(v, defs, None)
                    .map_err(pq)?,
            };
            col.close().map_err(pq)?;
            i += 1;
        }
        rg.close().map_err(pq)?;
        total += n as u64;
        if n < ROW_GROUP {
            break;
        }
    }
    writer.close().map_err(pq)?;
    Ok(total)
}
