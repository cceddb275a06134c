-- marsad store, schema version 2: the title and text each article was coded from, so that the evidence
-- offsets of its events (contract §2: Python string indices into the original text) can be
-- shown highlighted (`marsad serve`, GET /v1/articles/{id}). A table of its own keeps the
-- articles rows small for the queries that join them. Articles stored before this version
-- have no row here until they are coded again (`marsad ingest --recode`).
CREATE TABLE article_texts (
    article_id TEXT PRIMARY KEY,
    title      TEXT,                          -- as read: offsets with field 'title' index it
    text       TEXT NOT NULL
);
