// Purpose: typo candidates for GraphStore.search, asked only when store-search.cypher found no exact match: every entity whose searchText (folded name and aliases, one a line) contains one of the pieces of
// the folded query (model/text.ts typoPieces; each a CONTAINS the text index entity_search_text answers) and at
// least $need of its bigrams (typoBigrams: a cheap test that spares sending rows no typo match can come from). A
// name within the typo budget of the query passes both, so none is missed; the store scores the rows with
// scoreMatch as the memory store does.
// Params: $pieces (list of strings, 2 or 3), $bigrams (list of strings), $need (integer).
// Columns: id, kind, name, aliases (flat list, as stored).
UNWIND $pieces AS piece
MATCH (e:Entity)
WHERE e.searchText CONTAINS piece
WITH DISTINCT e
WHERE size([b IN $bigrams WHERE e.searchText CONTAINS b]) >= $need
RETURN e.id AS id, e.kind AS kind, e.name AS name, e.aliases AS aliases
