// Purpose: creates or replaces a briefing deck, for PUT /api/decks/:id.
// Params: $id (deck id), $json (the validated deck as JSON text), $updatedAt (ISO date-time string).
// Columns: created (true when no deck had that id before).
OPTIONAL MATCH (old:StatecraftDeck {id: $id})
WITH old IS NULL AS created
MERGE (d:StatecraftDeck {id: $id})
SET d.json = $json, d.updatedAt = $updatedAt
RETURN created
