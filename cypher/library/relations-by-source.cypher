// Name: Relations resting on a source
// Description: Every relation whose evidence cites one source, with its confidence.
// Params: {"source": "report-2022-03-09"}
MATCH (s:Source {id: $source})
MATCH (a:Entity)-[r]->(b:Entity)
WHERE s.id IN r.sourceIds
RETURN a, r, b, type(r) AS type, r.confidence AS confidence, s.title AS source
ORDER BY confidence DESC
