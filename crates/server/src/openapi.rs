//! The OpenAPI 3 document served at `/openapi.json`, written by hand.
//!
//! Tests check that every API route is described and that each endpoint's parameters are
//! exactly the fields of the store's parameter struct.

use serde_json::{json, Value};

fn param(name: &str, kind: &str, description: &str) -> Value {
    let schema = match kind {
        "date" => json!({"type": "string", "format": "date", "example": "2025-06-23"}),
        "limit" => json!({"type": "integer", "minimum": 0, "maximum": 1000}),
        "u32" => json!({"type": "integer", "minimum": 0, "maximum": 4294967295_u64}),
        "id" => json!({"type": "integer", "format": "int64"}),
        "conf" => json!({"type": "number", "minimum": 0, "maximum": 1}),
        "etype" => json!({"type": "string", "enum": ["PER", "ORG", "LOC", "MISC"]}),
        "kind" => json!({"type": "string", "enum": ["direct", "partial", "indirect"]}),
        "sort" => json!({"type": "string", "enum": ["relevance", "date"]}),
        "bucket" => json!({"type": "string", "enum": ["day", "month"], "default": "month"}),
        "format" => json!({"type": "string", "enum": ["json", "graphml"], "default": "json"}),
        _ => json!({"type": "string"}),
    };
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn path_param(name: &str, integer: bool, description: &str) -> Value {
    let schema = if integer {
        json!({"type": "integer", "format": "int64"})
    } else {
        json!({"type": "string"})
    };
    json!({"name": name, "in": "path", "required": true, "description": description, "schema": schema})
}

fn op(
    summary: &str,
    description: &str,
    params: Vec<Value>,
    schema: &str,
    not_found: bool,
) -> Value {
    let mut responses = json!({
        "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}},
        "400": {"$ref": "#/components/responses/BadRequest"},
        "503": {"$ref": "#/components/responses/Timeout"},
        "500": {"$ref": "#/components/responses/Internal"}
    });
    if not_found {
        responses["404"] = json!({"$ref": "#/components/responses/NotFound"});
    }
    json!({"get": {"summary": summary, "description": description, "parameters": params, "responses": responses}})
}

fn obj(props: Value, required: &[&str]) -> Value {
    json!({"type": "object", "properties": props, "required": required})
}

fn arr(items: Value) -> Value {
    json!({"type": "array", "items": items})
}

fn r(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn opt(t: &str) -> Value {
    json!({"type": [t, "null"]})
}

/// The OpenAPI document.
pub fn document() -> Value {
    let s = || json!({"type": "string"});
    let int = || json!({"type": "integer"});
    let num = || json!({"type": "number"});
    let pair =
        || json!({"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2});
    let date_words = "`YYYY-MM-DD`, inclusive";
    let limit = || {
        param(
            "limit",
            "limit",
            "At most this many (default 20, max 1000).",
        )
    };
    let offset = || param("offset", "u32", "Skip this many first.");
    let from = || {
        param(
            "from",
            "date",
            &format!("Earliest article date, {date_words}."),
        )
    };
    let to = || param("to", "date", &format!("Latest article date, {date_words}."));

    let paths = json!({
        "/api/search": op("Full-text search over articles",
            "All words of `q` must occur (case and accents ignored; `word*` is a prefix, `\"two words\"` a phrase). Without `q`, articles matching the filters, newest first.",
            vec![
                param("q", "string", "Words to find."), from(), to(),
                param("publisher", "string", "Publisher, exact (case-insensitive)."),
                param("entity_id", "id", "Only articles mentioning this entity."),
                param("entity", "string", "Only articles mentioning an entity of this name or alias."),
                param("sort", "sort", "`relevance` (default with `q`) or `date` (newest first)."),
                limit(), offset(),
            ], "SearchResults", false),
        "/api/quotes": op("The quote bank", "Quotes by speaker, words, date and kind; newest article first.",
            vec![
                param("speaker_id", "id", "Quotes whose speaker is this entity."),
                param("speaker", "string", "Quotes whose speaker has this name or alias (normalised)."),
                param("q", "string", "Words the quote must contain (syntax of /api/search `q`)."),
                from(), to(),
                param("kind", "kind", "`direct`, `partial` or `indirect`."),
                param("min_confidence", "conf", "Only quotes with at least this confidence."),
                limit(), offset(),
            ], "QuoteResults", false),
        "/api/entities": op("Find entities by name", "Name or alias, normalised, as a whole name or a prefix; without `q` the entities in most articles.",
            vec![
                param("q", "string", "Name, alias or its beginning."),
                param("type", "etype", "Entity type."),
                limit(), offset(),
            ], "EntityList", false),
        "/api/entities/{id}": op("An entity page", "Aliases, type, mentions over time, top co-occurring entities, latest quotes.",
            vec![
                path_param("id", true, "Corpus entity id."),
                param("bucket", "bucket", "Period of `mentions_over_time`."),
                param("from", "date", "Only articles from this date on."),
                param("to", "date", "Only articles up to this date."),
                param("cooccurring_limit", "limit", "How many co-occurring entities (default 20, max 1000)."),
                param("quotes_limit", "limit", "How many latest quotes (default 20, max 1000)."),
            ], "EntityPage", true),
        "/api/timeline": op("Events of an entity or at a place", "Oldest first.",
            vec![
                param("entity_id", "id", "Events with this entity as participant or place."),
                param("entity", "string", "Events with an entity of this name or alias."),
                param("place_id", "id", "Events at this place."),
                param("place", "string", "Events at a place of this name or alias."),
                param("type", "string", "Event type (`meet`, `agree`, `attack`, ...)."),
                param("from", "date", "Earliest event date, inclusive."),
                param("to", "date", "Latest event date, inclusive."),
                param("min_confidence", "conf", "Only events with at least this confidence."),
                limit(), offset(),
            ], "Timeline", false),
        "/api/graph": {
            "get": {
                "summary": "The entity co-occurrence graph",
                "description": "Nodes are entities, an edge's weight the number of articles mentioning both. `format=graphml` answers GraphML (node attributes name, type, articles; edge attribute weight).",
                "parameters": [
                    param("format", "format", "`json` (default) or `graphml`."),
                    param("entity_id", "id", "Centre on this entity: its neighbours and the edges among them."),
                    param("type", "etype", "Only nodes of this type."),
                    param("from", "date", "Only articles from this date on."),
                    param("to", "date", "Only articles up to this date."),
                    param("min_weight", "u32", "Only edges seen in at least this many articles (default 1)."),
                    param("limit", "limit", "At most this many nodes, the most mentioned (default 100, max 1000)."),
                ],
                "responses": {
                    "200": {"description": "OK", "content": {
                        "application/json": {"schema": r("Graph")},
                        "application/graphml+xml": {"schema": {"type": "string"}}
                    }},
                    "400": {"$ref": "#/components/responses/BadRequest"},
                    "503": {"$ref": "#/components/responses/Timeout"},
                    "500": {"$ref": "#/components/responses/Internal"}
                }
            }
        },
        "/api/articles/{id}": op("One article for display", "Text, entities with mention offsets, quotes with speakers, times, quantities, events. Offsets are Unicode code points into `text`.",
            vec![path_param("id", false, "The record's `id` (percent-encoded).")], "ArticleView", true),
        "/api/articles/{id}/record": op("One article's byline/1 record", "The record as ingested (schema `byline/1`).",
            vec![path_param("id", false, "The record's `id` (percent-encoded).")], "Record", true),
        "/api/stats": op("Counts over the whole store", "", vec![], "StoreStats", false),
        "/openapi.json": {"get": {"summary": "This document", "parameters": [], "responses": {"200": {"description": "OpenAPI 3 document", "content": {"application/json": {"schema": {"type": "object"}}}}}}}
    });

    let entity_summary = obj(
        json!({"id": int(), "name": s(), "type": s(), "articles": int(), "mentions": int(), "quotes": int(), "confidence": num()}),
        &[
            "id",
            "name",
            "type",
            "articles",
            "mentions",
            "quotes",
            "confidence",
        ],
    );
    let quote_hit = obj(
        json!({"quote_id": int(), "article_id": s(), "article_title": opt("string"), "date": opt("string"),
               "publisher": opt("string"), "text": s(), "kind": s(), "speaker_id": opt("integer"),
               "speaker_name": opt("string"), "confidence": num(), "start": int(), "end": int()}),
        &[
            "quote_id",
            "article_id",
            "text",
            "kind",
            "confidence",
            "start",
            "end",
        ],
    );
    let entity_ref = obj(
        json!({"id": int(), "name": s(), "type": s()}),
        &["id", "name", "type"],
    );
    let span = obj(
        json!({"start": int(), "end": int(), "text": s()}),
        &["start", "end", "text"],
    );
    let schemas = json!({
        "Error": obj(json!({"error": {"type": "string", "enum": ["bad_request", "not_found", "too_large", "timeout", "internal"]},
                            "message": s(), "field": {"type": "string", "description": "The parameter at fault, when known."}}),
                     &["error", "message"]),
        "StoreStats": obj(json!({"articles": int(), "entities": int(), "mentions": int(), "quotes": int(), "times": int(),
                                 "quantities": int(), "events": int(), "first_date": opt("string"), "last_date": opt("string")}),
                          &["articles", "entities", "mentions", "quotes", "times", "quantities", "events"]),
        "SearchResults": obj(json!({"total": int(), "hits": arr(r("SearchHit"))}), &["total", "hits"]),
        "SearchHit": obj(json!({"id": s(), "title": opt("string"), "date": opt("string"), "publisher": opt("string"),
                                "url": opt("string"), "snippet": s(), "highlights": arr(pair()), "score": opt("number")}),
                         &["id", "snippet", "highlights"]),
        "QuoteResults": obj(json!({"total": int(), "quotes": arr(r("QuoteHit"))}), &["total", "quotes"]),
        "QuoteHit": quote_hit,
        "EntityList": obj(json!({"total": int(), "entities": arr(r("EntitySummary"))}), &["total", "entities"]),
        "EntitySummary": entity_summary,
        "EntityPage": obj(json!({
            "entity": r("EntitySummary"),
            "aliases": arr(obj(json!({"name": s(), "count": int()}), &["name", "count"])),
            "mentions_over_time": arr(obj(json!({"period": s(), "mentions": int(), "articles": int()}), &["period", "mentions", "articles"])),
            "cooccurring": arr(obj(json!({"id": int(), "name": s(), "type": s(), "articles": int()}), &["id", "name", "type", "articles"])),
            "latest_quotes": arr(r("QuoteHit"))
        }), &["entity", "aliases", "mentions_over_time", "cooccurring", "latest_quotes"]),
        "EntityRef": entity_ref,
        "Timeline": obj(json!({"total": int(), "events": arr(r("TimelineEvent"))}), &["total", "events"]),
        "TimelineEvent": obj(json!({"event_id": int(), "date": opt("string"), "type": s(), "trigger": s(), "sentence": s(),
                                    "participants": arr(r("EntityRef")), "place": {"oneOf": [r("EntityRef"), {"type": "null"}]},
                                    "time_text": opt("string"), "time_value": opt("string"), "confidence": num(),
                                    "article_id": s(), "article_title": opt("string"), "article_date": opt("string"),
                                    "start": int(), "end": int()}),
                             &["event_id", "type", "trigger", "sentence", "participants", "confidence", "article_id", "start", "end"]),
        "Graph": obj(json!({
            "nodes": arr(obj(json!({"id": int(), "name": s(), "type": s(), "articles": int()}), &["id", "name", "type", "articles"])),
            "edges": arr(obj(json!({"source": int(), "target": int(), "weight": int()}), &["source", "target", "weight"]))
        }), &["nodes", "edges"]),
        "Span": span,
        "ArticleView": obj(json!({
            "id": s(), "url": opt("string"), "title": opt("string"), "date": opt("string"), "publisher": opt("string"),
            "authors": arr(s()), "text": s(), "paragraphs": arr(pair()),
            "entities": arr(obj(json!({"local_id": s(), "entity_id": int(), "name": s(), "type": s(), "link_confidence": num(),
                                       "mentions": arr(obj(json!({"start": int(), "end": int(), "text": s(), "kind": s()}), &["start", "end", "text", "kind"]))}),
                                &["local_id", "entity_id", "name", "type", "link_confidence", "mentions"])),
            "quotes": arr(obj(json!({"quote_id": int(), "start": int(), "end": int(), "text": s(), "kind": s(),
                                     "speaker_id": opt("integer"), "speaker_local_id": opt("string"), "speaker_name": opt("string"),
                                     "speaker_mention": {"oneOf": [r("Span"), {"type": "null"}]}, "cue": {"oneOf": [r("Span"), {"type": "null"}]},
                                     "confidence": num(), "continues": opt("integer")}),
                              &["quote_id", "start", "end", "text", "kind", "confidence"])),
            "times": arr(json!({"type": "object", "description": "A time record of the byline/1 spec."})),
            "quantities": arr(json!({"type": "object", "description": "A quantity record of the byline/1 spec."})),
            "events": arr(obj(json!({"event_id": int(), "type": s(), "trigger": r("Span"), "participants": arr(int()),
                                     "place": opt("integer"), "time": opt("integer"), "confidence": num()}),
                              &["event_id", "type", "trigger", "participants", "confidence"]))
        }), &["id", "text", "paragraphs", "entities", "quotes", "times", "quantities", "events"]),
        "Record": {"type": "object", "description": "A byline/1 record (see the record spec).", "properties": {"schema": {"type": "string", "const": "byline/1"}}}
    });
    let err = |d: &str| json!({"description": d, "content": {"application/json": {"schema": r("Error")}}});
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "byline corpus API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Read-only JSON API over a byline corpus store: full-text search, quote bank, entities, timelines, co-occurrence graph, articles. All offsets are Unicode code points into an article's `text`. Unknown parameters, malformed values (dates must be `YYYY-MM-DD`), and limits over 1000 are answered 400 with an `Error` body naming the parameter."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "responses": {
                "BadRequest": err("A parameter is unknown, malformed or out of range."),
                "NotFound": err("No article or entity with this id."),
                "Timeout": err("The request took longer than the server's timeout."),
                "Internal": err("The store failed.")
            }
        }
    })
}
