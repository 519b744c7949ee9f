// Purpose: nodes by element id, for the Cypher console to draw relationships whose ends a result did not return
// (sent through POST /api/cypher). Params: $ids (list of element ids, at most MISSING_NODES_LIMIT of
// src/web/console/result-graph.ts). Columns: n (node); no row for an id that names no node.
MATCH (n)
WHERE elementId(n) IN $ids
RETURN n
