//! The JSON API: one handler per store query, its query string deserialised into the store's
//! parameter struct (unknown parameters refused), validated by the store.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{header, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, MethodRouter};
use axum::Json;
use byline_store::{
    EntityListParams, EntityParams, GraphParams, QuoteParams, SearchParams, TimelineParams,
};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::error::ApiError;
use crate::AppState;

/// Every API route with its handler; the router and the OpenAPI test both read this table.
pub fn routes() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/api/search", get(search)),
        ("/api/quotes", get(quotes)),
        ("/api/entities", get(entities)),
        ("/api/entities/{id}", get(entity)),
        ("/api/timeline", get(timeline)),
        ("/api/graph", get(graph)),
        ("/api/articles/{id}", get(article)),
        ("/api/articles/{id}/record", get(record)),
        ("/api/stats", get(stats)),
        ("/openapi.json", get(openapi)),
    ]
}

/// No parameters at all (`deny_unknown_fields` turns any parameter into a 400).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NoParams {}

/// The query string as `(name, value)` pairs, percent-decoded.
pub(crate) fn query_pairs(uri: &Uri) -> Result<Vec<(String, String)>, ApiError> {
    serde_urlencoded::from_str(uri.query().unwrap_or(""))
        .map_err(|e| ApiError::bad(None, format!("malformed query string: {e}")))
}

/// Deserialises `pairs` into `T`. On failure, finds the parameter at fault by trying each pair
/// alone (with `base`, the pairs a valid `T` needs), so the 400 names it.
pub(crate) fn parse_pairs<T: DeserializeOwned>(
    pairs: &[(String, String)],
    base: &[(String, String)],
) -> Result<T, ApiError> {
    let encode = |ps: &[(String, String)]| serde_urlencoded::to_string(ps).unwrap_or_default();
    let mut all = pairs.to_vec();
    all.extend(base.iter().cloned());
    match serde_urlencoded::from_str::<T>(&encode(&all)) {
        Ok(t) => Ok(t),
        Err(whole) => {
            let whole = whole.to_string();
            if whole.starts_with("unknown field") || whole.starts_with("duplicate field") {
                let field = whole.split('`').nth(1).map(str::to_string);
                let message = match &field {
                    Some(f) if whole.starts_with("unknown") => {
                        format!("unknown parameter `{f}` ({})", expected_list(&whole))
                    }
                    Some(f) => format!("parameter `{f}` given more than once"),
                    None => whole.clone(),
                };
                return Err(ApiError::BadRequest { field, message });
            }
            for (k, v) in pairs {
                let mut one = vec![(k.clone(), v.clone())];
                one.extend(base.iter().cloned());
                if let Err(e) = serde_urlencoded::from_str::<T>(&encode(&one)) {
                    return Err(ApiError::bad(
                        Some(k),
                        format!("invalid parameter `{k}`: {e} (got {v:?})"),
                    ));
                }
            }
            Err(ApiError::bad(None, whole))
        }
    }
}

fn expected_list(serde_message: &str) -> String {
    match serde_message.split_once("expected ") {
        Some((_, rest)) => format!("expected {rest}"),
        None => "no parameters are accepted here".to_string(),
    }
}

/// The query string of `uri` as `T`.
pub(crate) fn parse_query<T: DeserializeOwned>(uri: &Uri) -> Result<T, ApiError> {
    parse_pairs(&query_pairs(uri)?, &[])
}

fn path_param(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s)
        .map_err(|e| ApiError::bad(Some("id"), format!("bad path: {}", e.body_text())))
}

/// An entity id from the path.
pub(crate) fn entity_id(raw: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>().map_err(|_| {
        ApiError::bad(
            Some("id"),
            format!("entity id must be an integer, got {raw:?}"),
        )
    })
}

/// [`EntityParams`] from the path id and the query string.
pub(crate) fn entity_params(id: i64, uri: &Uri) -> Result<EntityParams, ApiError> {
    let pairs = query_pairs(uri)?;
    if pairs.iter().any(|(k, _)| k == "id") {
        return Err(ApiError::bad(
            Some("id"),
            "the entity id is given in the path, not as a parameter",
        ));
    }
    parse_pairs(&pairs, &[("id".to_string(), id.to_string())])
}

async fn search(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let p: SearchParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.search(&p)).await?).into_response())
}

async fn quotes(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let p: QuoteParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.quotes(&p)).await?).into_response())
}

async fn entities(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let p: EntityListParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.entities(&p)).await?).into_response())
}

async fn entity(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let p = entity_params(entity_id(&path_param(id)?)?, &uri)?;
    Ok(Json(st.pool.run(move |s| s.entity(&p)).await?).into_response())
}

async fn timeline(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let p: TimelineParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.timeline(&p)).await?).into_response())
}

/// `format=json` (default) or `format=graphml`; every other parameter is a [`GraphParams`].
async fn graph(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let (format, rest): (Vec<_>, Vec<_>) = query_pairs(&uri)?
        .into_iter()
        .partition(|(k, _)| k == "format");
    let graphml = match format.as_slice() {
        [] => false,
        [(_, f)] if f == "json" => false,
        [(_, f)] if f == "graphml" => true,
        [(_, f)] => {
            return Err(ApiError::bad(
                Some("format"),
                format!("format must be `json` or `graphml`, got {f:?}"),
            ))
        }
        _ => {
            return Err(ApiError::bad(
                Some("format"),
                "parameter `format` given more than once",
            ))
        }
    };
    let p: GraphParams = parse_pairs(&rest, &[])?;
    let g = st.pool.run(move |s| s.graph(&p)).await?;
    if graphml {
        Ok((
            [(
                header::CONTENT_TYPE,
                "application/graphml+xml; charset=utf-8",
            )],
            g.to_graphml(),
        )
            .into_response())
    } else {
        Ok(Json(g).into_response())
    }
}

async fn article(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let id = path_param(id)?;
    let _: NoParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.article(&id)).await?).into_response())
}

async fn record(
    State(st): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    uri: Uri,
) -> Result<Response, ApiError> {
    let id = path_param(id)?;
    let _: NoParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(move |s| s.record(&id)).await?).into_response())
}

async fn stats(State(st): State<AppState>, uri: Uri) -> Result<Response, ApiError> {
    let _: NoParams = parse_query(&uri)?;
    Ok(Json(st.pool.run(|s| s.stats()).await?).into_response())
}

async fn openapi(uri: Uri) -> Result<Response, ApiError> {
    let _: NoParams = parse_query(&uri)?;
    Ok(Json(crate::openapi::document()).into_response())
}
