// Purpose: the server's version and the graph's size, for GraphStore.health (/api/health).
// Params: none. Columns: version (string, e.g. "5.26.0"), entities (count of :Entity), relations (count of all
// relationships; every relationship joins two entities).
CALL dbms.components() YIELD name, versions
WHERE name = 'Neo4j Kernel'
WITH versions[0] AS version
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relations }
RETURN version, entities, relations
