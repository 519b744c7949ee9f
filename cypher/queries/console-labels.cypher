// Purpose: the graph's node labels, for the Cypher console's completion (sent through the guarded POST /api/cypher);
// not the loader's bookkeeping label (StatecraftLoad), which no analyst query needs.
// Params: none. Columns: label (string), one row per label.
CALL db.labels() YIELD label
WHERE label <> 'StatecraftLoad'
RETURN label
