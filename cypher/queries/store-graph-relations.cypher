// Purpose: the relations of GraphStore.graph: between kept entities, of the given types and dataset, inside the
// time filter, sorted by id, capped. The time filter mirrors model/time.ts matchesTime exactly: an event (date)
// lasts one day, a standing fact runs from validFrom to validTo (either end open), a relation with no date is
// always kept.
// Params: $ids (ids of the kept entities), $types (list of relation types, or null for all), $dataset (or null),
// $asOf, $from, $to (ISO dates "YYYY-MM-DD", or null), $limit (integer; one more than the cap).
// Columns: relation (relationship), from, to (ids of its start and end entities).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id IN $ids
  AND b.id IN $ids
  AND ($types IS NULL OR type(r) IN $types)
  AND ($dataset IS NULL OR r.dataset = $dataset)
  AND ($asOf IS NULL OR (
    (coalesce(r.date, r.validFrom) IS NULL OR coalesce(r.date, r.validFrom) <= date($asOf))
    AND (r.date IS NOT NULL OR r.validTo IS NULL OR r.validTo >= date($asOf))
  ))
  AND ($to IS NULL OR coalesce(r.date, r.validFrom) IS NULL OR coalesce(r.date, r.validFrom) <= date($to))
  AND ($from IS NULL OR coalesce(r.date, r.validTo) IS NULL OR coalesce(r.date, r.validTo) >= date($from))
WITH r, a, b
ORDER BY r.id
LIMIT $limit
RETURN r AS relation, a.id AS from, b.id AS to
