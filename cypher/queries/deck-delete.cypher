// Purpose: deletes a briefing deck, for DELETE /api/decks/:id.
// Params: $id (deck id). Columns: deleted (true when a deck had that id).
OPTIONAL MATCH (d:StatecraftDeck {id: $id})
WITH d, d IS NOT NULL AS deleted
DELETE d
RETURN deleted
