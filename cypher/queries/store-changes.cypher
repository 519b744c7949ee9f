// Purpose: the relations that began, ended or changed between two days, for GraphStore.changes (GET /api/changes),
// by the rule of model/changes.ts changeOf: began when coalesce(date, validFrom) is in [$from, $to]; else ended when
// a standing fact's validTo is in it; else changed when it started before $from (or has no start), had not ended
// before $from, and a source its evidence cites was published in the window. Days compare as YYYY-MM-DD text.
// Params: $from, $to (ISO dates), $types (list of relation types, or null for all), $dataset (or null), $limit
// (integer; one more than the cap).
// Columns: relation (relationship), from, to (ids), fromEntity, toEntity ({id, kind, name}), change ("began",
// "ended" or "changed"), day (ISO date), newSources (ids of the sources published in the window, in no order).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  AND ($dataset IS NULL OR r.dataset = $dataset)
WITH a, r, b,
  toString(coalesce(r.date, r.validFrom)) AS startDay,
  CASE WHEN r.date IS NULL THEN toString(r.validTo) END AS endDay
WHERE (startDay IS NOT NULL AND startDay >= $from AND startDay <= $to)
   OR (endDay IS NOT NULL AND endDay >= $from AND endDay <= $to)
   OR ((startDay IS NULL OR startDay < $from) AND (endDay IS NULL OR endDay > $to) AND size(coalesce(r.sourceIds, [])) > 0)
OPTIONAL MATCH (s:Source)
  WHERE s.id IN coalesce(r.sourceIds, []) AND toString(s.published) >= $from AND toString(s.published) <= $to
WITH a, r, b, startDay, endDay, collect(DISTINCT s.id) AS fresh, max(toString(s.published)) AS lastFresh
WITH a, r, b, fresh,
  CASE
    WHEN startDay IS NOT NULL AND startDay >= $from AND startDay <= $to THEN ['began', startDay]
    WHEN endDay IS NOT NULL AND endDay >= $from AND endDay <= $to THEN ['ended', endDay]
    WHEN size(fresh) > 0 THEN ['changed', lastFresh]
  END AS change
WHERE change IS NOT NULL
WITH a, r, b, change[0] AS change, change[1] AS day,
  CASE change[0] WHEN 'changed' THEN fresh ELSE [] END AS newSources
ORDER BY day, r.id
LIMIT $limit
RETURN r AS relation, a.id AS from, b.id AS to, a {.id, .kind, .name} AS fromEntity, b {.id, .kind, .name} AS toEntity,
  change, day, newSources
