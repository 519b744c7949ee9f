// Purpose: search candidates for GraphStore.search: every entity whose folded name or alias contains the folded
// query (searchText holds them one a line, folded by model/text.ts foldText). The store scores and sorts them with
// scoreMatch, so the ranking equals the memory store's; every scored match contains the query, so none is missed.
// The text index entity_search_text (schema.cypher) answers the CONTAINS.
// Params: $folded (the query, folded). Columns: id, kind, name, aliases (flat list, as stored).
MATCH (e:Entity)
WHERE e.searchText CONTAINS $folded
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases
