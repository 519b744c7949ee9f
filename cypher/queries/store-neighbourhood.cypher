// Purpose: one entity and the relations touching it that match a type list and a direction, for
// GraphStore.neighbours (and, with every type and both directions, GraphStore.entity): how many match in all, and
// the first $limit by relation id with the entity at the other end of each (the entity itself for a self-loop).
// Params: $id (entity id), $types (list of relation types, or null for all), $direction ('out': it is the start,
// 'in': it is the end, 'both'), $limit (integer).
// Columns: entity (node), degree (relations touching it), total (matching relations), rows (list of
// {relation, from, to, other, otherDegree}, sorted by relation id). No row when no entity has the id.
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)-[r]-(:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = e) OR ($direction = 'in' AND endNode(r) = e))
WITH e, r
ORDER BY r.id
WITH e, collect(DISTINCT r) AS matching
CALL (e, matching) {
  UNWIND matching[0..$limit] AS r
  WITH r, startNode(r) AS a, endNode(r) AS b
  WITH r, a, b, CASE WHEN a = e THEN b ELSE a END AS other
  RETURN collect({relation: r, from: a.id, to: b.id, other: other, otherDegree: COUNT { (other)--() }}) AS rows
}
RETURN e AS entity, COUNT { (e)--() } AS degree, size(matching) AS total, rows
