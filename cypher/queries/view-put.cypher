// Purpose: creates or replaces a saved view, for PUT /api/views/:id (the app database, beside the decks).
// Params: $id (view id), $json (the validated view as JSON text), $updatedAt (ISO date-time string).
// Columns: created (true when no view had that id before).
OPTIONAL MATCH (old:StatecraftView {id: $id})
WITH old IS NULL AS created
MERGE (v:StatecraftView {id: $id})
SET v.json = $json, v.updatedAt = $updatedAt
RETURN created
