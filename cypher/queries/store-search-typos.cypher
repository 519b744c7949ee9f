// Purpose: typo candidates for GraphStore.search, asked only when the exact matches (store-search.cypher) leave room
// in the answer: every entity whose searchText (folded name and aliases, one a line) contains one of the pieces of
// the folded query (model/text.ts typoPieces). A name within the typo budget of the query holds one piece unchanged,
// so none is missed; the store scores them with scoreMatch as the memory store does. Each piece is a CONTAINS the
// text index entity_search_text answers.
// Params: $pieces (list of strings, 2 or 3). Columns: id, kind, name, aliases (flat list, as stored).
UNWIND $pieces AS piece
MATCH (e:Entity)
WHERE e.searchText CONTAINS piece
WITH DISTINCT e
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases
