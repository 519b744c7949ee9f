// Purpose: what the graph holds, for GraphStore.summary: counts by kind and type, the span of relation dates and
// the datasets (any id an entity or a relation is tagged with) with their entities and relations.
// Params: none.
// Columns: entities, relations, sources (counts); byKind (list of {kind, count}); byType (list of {type, count});
// minDate, maxDate (Neo4j Dates over every date, validFrom and validTo, or null); datasets (list of
// {id, entities, relations}).
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () {
  MATCH (e:Entity)
  WITH e.kind AS kind, count(*) AS n
  RETURN collect({kind: kind, count: n}) AS byKind
}
CALL () {
  MATCH ()-[r]->()
  WITH type(r) AS type, count(*) AS n
  RETURN collect({type: type, count: n}) AS byType
}
CALL () {
  MATCH ()-[r]->()
  UNWIND [r.date, r.validFrom, r.validTo] AS d
  RETURN min(d) AS minDate, max(d) AS maxDate
}
CALL () {
  CALL () {
    MATCH (e:Entity)
    UNWIND e.datasets AS id
    RETURN id, count(*) AS entities, 0 AS relations
    UNION ALL
    MATCH ()-[r]->()
    WHERE r.dataset IS NOT NULL
    RETURN r.dataset AS id, 0 AS entities, count(*) AS relations
  }
  WITH id, sum(entities) AS entities, sum(relations) AS relations
  ORDER BY id
  RETURN collect({id: id, entities: entities, relations: relations}) AS datasets
}
RETURN entities, relations, sources, byKind, byType, minDate, maxDate, datasets
