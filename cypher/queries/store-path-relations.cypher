// Purpose: the relations of the paths GraphStore.paths keeps, by the element ids store-paths-*.cypher gave in the
// same transaction, with the ids of their two ends.
// Params: $elements (list of distinct element ids).
// Columns: element (element id), relation (relationship), from, to (entity ids). No row for an id that names none.
UNWIND $elements AS element
MATCH (a:Entity)-[r]->(b:Entity)
WHERE elementId(r) = element
RETURN element, r AS relation, a.id AS from, b.id AS to
