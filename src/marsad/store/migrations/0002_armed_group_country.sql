-- marsad store, schema version 2: a non-state armed group is code NSA with its home state in
-- a country of its own (contract, ENTITY `country`): the Houthis NSA with YEM, ISIS NSA with
-- none. Each party of an event keeps the country its record gives (the same dictionary entry,
-- "gunmen", may be of several countries), and the flat view shows the parties' countries
-- beside their codes. A store written before stored armed groups under their home country's
-- code: that code becomes their country and NSA their code, as marsad codes them now.

ALTER TABLE event_entities ADD COLUMN country TEXT;

-- a state entity's country is its code; an armed group coded by country takes it as its home
UPDATE event_entities SET country = (
    SELECT ac.code FROM actors ac
    WHERE ac.actor_id = event_entities.actor_id AND length(ac.code) = 3
      AND ac.code NOT IN ('IGO', 'NGO', 'NSA', 'UNK'));

UPDATE actors SET code = 'NSA', kind = 'non_state_armed'
WHERE (kind = 'non_state_armed' OR sector IN ('REB', 'INS'))
  AND code NOT IN ('NSA', 'IGO', 'NGO', 'UNK');

DROP VIEW events_flat;

CREATE VIEW events_flat AS
WITH parties AS (
    SELECT ee.event_id, ee.role,
           string_agg(ac.actor_id, ';' ORDER BY ee.position) AS ids,
           string_agg(ac.code, ';' ORDER BY ee.position) AS codes,
           -- one place per party, '' where a party has none; NULL where none has one
           CASE WHEN count(ee.country) = 0 THEN NULL
                ELSE string_agg(coalesce(ee.country, ''), ';' ORDER BY ee.position) END AS countries,
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
    act.countries AS actor_countries,
    act.names AS actor_names,
    act.texts AS actor_texts,
    rcp.ids AS recipient_ids,
    rcp.codes AS recipient_codes,
    rcp.countries AS recipient_countries,
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
