// Purpose: one briefing deck by id, for GET /api/decks/:id.
// Params: $id (deck id). Columns: json (the deck as JSON text); no row when no deck has that id.
MATCH (d:StatecraftDeck {id: $id})
RETURN d.json AS json
