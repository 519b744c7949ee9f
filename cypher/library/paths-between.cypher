// Name: Shortest paths between two entities
// Description: Up to five shortest paths of at most four relations, either way along the arrows.
// Params: {"from": "smic", "to": "ukraine"}
MATCH p = SHORTEST 5 (a:Entity {id: $from})-[r]-{1,4}(b:Entity {id: $to})
RETURN p, length(p) AS hops
ORDER BY hops
