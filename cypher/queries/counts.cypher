// Purpose: how much the database holds, for the loader's summary and the health check.
// Params: none. Columns: entities, sources, relations.
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
RETURN entities, sources, relations
