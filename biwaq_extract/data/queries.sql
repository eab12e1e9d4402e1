-- Researchers' questions, one DuckDB query each, over the views of a biwaq dataset.
-- docs/querying.md shows them and tests/test_query.py runs them, both from this file.
-- Each query starts with "-- name:" and "-- question:" lines; run one with `biwaq query --named NAME`.

-- name: events_per_year_and_place
-- question: How many events took place per year and place?
SELECT year(e.start_date) AS year, coalesce(p.name, e.location) AS place, count(*) AS events
FROM events AS e
LEFT JOIN places AS p USING (place_id)
GROUP BY ALL
ORDER BY year, place;

-- name: participants_per_programme
-- question: How many participants were counted in articles about each programme?
SELECT pr.name AS programme,
       count(DISTINCT pc.document_id) AS documents,
       sum(pc.count) FILTER (WHERE pc.event_id IS NOT NULL)::BIGINT AS at_events,
       sum(pc.count)::BIGINT AS participants
FROM programmes AS pr
JOIN (SELECT DISTINCT programme_id, document_id FROM programme_mentions) AS pm USING (programme_id)
JOIN participant_counts AS pc USING (document_id)
GROUP BY ALL
ORDER BY participants DESC, programme;

-- name: people_per_ministry
-- question: Which people appeared for which ministry, in which roles?
SELECT o.name AS ministry,
       pe.name AS person,
       string_agg(DISTINCT pm.role, '; ' ORDER BY pm.role) AS roles,
       count(DISTINCT pm.document_id) AS documents
FROM person_mentions AS pm
JOIN people AS pe USING (person_id)
JOIN organisations AS o USING (org_id)
WHERE o.org_type = 'ministry' OR o.name ILIKE '%ministerium%'
GROUP BY ALL
ORDER BY ministry, person;

-- name: documents_mentioning_bbsr
-- question: Which documents mention the BBSR (under any of its names)?
SELECT d.document_id, d.published, d.title, count(*) AS mentions
FROM documents AS d
JOIN org_mentions AS m USING (document_id)
JOIN organisations AS o USING (org_id)
WHERE o.acronym = 'BBSR' OR list_contains(string_split(o.known_names, ' | '), 'BBSR')
GROUP BY ALL
ORDER BY d.published, d.document_id;

-- name: document_versions
-- question: Which documents changed since they were first extracted, and what did earlier versions say?
SELECT h.document_id, h.version, h.title, h.content_hash, h.superseded_by_run, d.version AS current_version
FROM history_documents AS h
JOIN documents AS d USING (document_id)
ORDER BY h.document_id, h.version;
