-- marsad store, schema version 1: articles, the events coded from them, the entities and
-- places those events name, cross-article clusters, and a flat view for analysts.
-- Written in the SQL that DuckDB and PostgreSQL share. Integrity between tables is kept by
-- the store's own transactions (children are deleted before their parents); DuckDB's foreign
-- keys cannot delete and re-insert a parent in one transaction, which re-coding needs.

CREATE TABLE articles (
    article_id        TEXT PRIMARY KEY,
    content_hash      TEXT NOT NULL,          -- sha256 of title, text and date
    title             TEXT,
    source            TEXT,
    url               TEXT,
    published         DATE,
    language          TEXT,
    n_events          INTEGER NOT NULL,
    coder_version     TEXT NOT NULL,
    resources_version TEXT NOT NULL,
    ingested_at       TIMESTAMP NOT NULL
);

-- dictionary entries that events name as actor, recipient or attribution
CREATE TABLE actors (
    actor_id TEXT PRIMARY KEY,
    name     TEXT,
    code     TEXT,
    sector   TEXT,
    kind     TEXT
);

-- gazetteer entries that events are located at
CREATE TABLE places (
    geonames_id BIGINT PRIMARY KEY,
    name        TEXT,
    country     TEXT,
    admin1      TEXT,                         -- GeoNames admin1 code
    admin1_name TEXT,
    lat         DOUBLE PRECISION,
    lon         DOUBLE PRECISION,
    precision   TEXT
);

CREATE TABLE events (
    event_id           TEXT PRIMARY KEY,
    article_id         TEXT NOT NULL,
    event_type         TEXT NOT NULL,
    mode               TEXT,
    cameo              TEXT,
    modality           TEXT NOT NULL,
    confidence         DOUBLE PRECISION,
    event_date         DATE,                  -- time.start, else the publication date
    time_text          TEXT,
    time_start         DATE,
    time_end           DATE,
    time_precision     TEXT,
    time_anchor        TEXT,
    quantity_count     BIGINT,
    quantity_qualifier TEXT,
    quantity_unit      TEXT,
    quantity_text      TEXT,
    operations         BIGINT NOT NULL,       -- quantity.count of actions, else 1
    killed             BIGINT,
    injured            BIGINT,
    arrested           BIGINT,
    missing            BIGINT,
    geonames_id        BIGINT,
    location_text      TEXT,
    attribution_text   TEXT,
    evidence           TEXT,                  -- the evidence sentences, one line, ' ‖ ' between
    evidence_search    TEXT,                  -- the same, normalized for searching
    record             TEXT NOT NULL          -- the contract record (JSON)
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_date ON events (event_date);

CREATE TABLE event_entities (
    event_id     TEXT NOT NULL,
    role         TEXT NOT NULL,               -- actor | recipient | attribution
    position     INTEGER NOT NULL,
    actor_id     TEXT NOT NULL,
    text         TEXT,
    start_offset INTEGER,
    end_offset   INTEGER,
    field        TEXT,
    PRIMARY KEY (event_id, role, position)
);

CREATE TABLE event_contexts (
    event_id TEXT NOT NULL,
    context  TEXT NOT NULL,
    PRIMARY KEY (event_id, context)
);

-- the same real-world event reported by several articles
CREATE TABLE clusters (
    cluster_id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    modality   TEXT NOT NULL,
    first_date DATE,
    last_date  DATE,
    n_mentions INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    n_sources  INTEGER NOT NULL
);

CREATE TABLE event_clusters (
    event_id   TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL
);

CREATE TABLE store_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE VIEW events_flat AS
WITH parties AS (
    SELECT ee.event_id, ee.role,
           string_agg(ac.actor_id, ';' ORDER BY ee.position) AS ids,
           string_agg(ac.code, ';' ORDER BY ee.position) AS codes,
           string_agg(ac.name, ';' ORDER BY ee.position) AS names,
           string_agg(ee.text, ';' ORDER BY ee.position) AS texts
    FROM event_entities ee JOIN actors ac ON ac.actor_id = ee.actor_id
    GROUP BY ee.event_id, ee.role
)
SELECT
    e.event_id,
    e.article_id,
    COALESCE(ec.cluster_id, e.event_id) AS cluster_id,
    e.event_type,
    e.mode,
    e.modality,
    ctx.contexts AS context,
    e.cameo,
    e.confidence,
    e.event_date,
    e.time_text,
    e.time_start,
    e.time_end,
    e.time_precision,
    act.ids AS actor_ids,
    act.codes AS actor_codes,
    act.names AS actor_names,
    act.texts AS actor_texts,
    rcp.ids AS recipient_ids,
    rcp.codes AS recipient_codes,
    rcp.names AS recipient_names,
    rcp.texts AS recipient_texts,
    e.geonames_id,
    p.name AS location,
    e.location_text,
    p.country,
    p.admin1_name AS admin1,
    p.admin1 AS admin1_code,
    p.lat,
    p.lon,
    p.precision AS location_precision,
    e.quantity_count,
    e.quantity_qualifier,
    e.quantity_unit,
    e.operations,
    e.killed,
    e.injured,
    e.arrested,
    e.missing,
    e.attribution_text,
    e.evidence,
    a.source,
    a.url,
    a.title,
    a.published
FROM events e
JOIN articles a ON a.article_id = e.article_id
LEFT JOIN places p ON p.geonames_id = e.geonames_id
LEFT JOIN event_clusters ec ON ec.event_id = e.event_id
LEFT JOIN (
    SELECT event_id, string_agg(context, ';' ORDER BY context) AS contexts
    FROM event_contexts GROUP BY event_id
) ctx ON ctx.event_id = e.event_id
LEFT JOIN parties act ON act.event_id = e.event_id AND act.role = 'actor'
LEFT JOIN parties rcp ON rcp.event_id = e.event_id AND rcp.role = 'recipient';
