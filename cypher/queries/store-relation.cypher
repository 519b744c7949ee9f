// Purpose: one relation by id, with its two ends and the sources its evidence cites, for GraphStore.relation.
// __TYPES__ is the alternation of every registry type (filled by withRelationTypes), so the planner seeks each
// type's id index instead of scanning every relationship. Should two types share an id, the first type wins.
// Params: $id. Columns: relation (relationship), fromEntity, toEntity ({id, kind, name}), sources (source nodes,
// in no order: the store puts them in evidence order). No row when no relation has the id.
MATCH (a:Entity)-[r:__TYPES__ {id: $id}]->(b:Entity)
WITH a, r, b
ORDER BY type(r)
LIMIT 1
OPTIONAL MATCH (s:Source)
  WHERE s.id IN r.sourceIds
RETURN r AS relation, a {.id, .kind, .name} AS fromEntity, b {.id, .kind, .name} AS toEntity, collect(s) AS sources
