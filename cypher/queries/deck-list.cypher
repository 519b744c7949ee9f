// Purpose: every briefing deck, for GET /api/decks. Decks are :StatecraftDeck nodes with no relationships, apart
// from the graph (which only ever matches :Entity and :Source).
// Params: none. Columns: id (string), json (the deck as JSON text), updatedAt (ISO date-time string).
MATCH (d:StatecraftDeck)
RETURN d.id AS id, d.json AS json, d.updatedAt AS updatedAt
ORDER BY d.updatedAt DESC, d.id
