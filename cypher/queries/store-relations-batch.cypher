// Purpose: relations by id for GraphStore.relations (POST /api/relations:batch), each with its two ends and the
// sources its evidence cites, as store-relation.cypher gives one. __TYPES__ is the alternation of every registry
// type (filled by withRelationTypes), so each id is an index seek per type; should two types share an id, the
// first type wins. Params: $ids (list of distinct ids). Columns: relation (relationship), fromEntity, toEntity
// ({id, kind, name}), sources (source nodes, in no order), sorted by relation id. No row for an unknown id.
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Entity)-[r:__TYPES__ {id: id}]->(b:Entity)
  RETURN a, r, b
  ORDER BY type(r)
  LIMIT 1
}
CALL (r) {
  OPTIONAL MATCH (s:Source)
    WHERE s.id IN r.sourceIds
  RETURN collect(s) AS sources
}
RETURN r AS relation, a {.id, .kind, .name} AS fromEntity, b {.id, .kind, .name} AS toEntity, sources
ORDER BY r.id
