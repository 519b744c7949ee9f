// Name: Claims resting on a single source
// Description: Relations with evidence from one source only, weakest first: what to corroborate next.
// Params: {}
MATCH (a:Entity)-[r]->(b:Entity)
WHERE size(r.sourceIds) = 1 OR all(x IN r.sourceIds WHERE x = r.sourceIds[0])
RETURN a.name AS from, type(r) AS type, b.name AS to, r.confidence AS confidence, r.inference AS inference, r.sourceIds[0] AS source
ORDER BY confidence ASC
