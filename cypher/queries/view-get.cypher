// Purpose: one saved view by id, for GET /api/views/:id (the app database, beside the decks).
// Params: $id (view id). Columns: json (the view as JSON text); no row when no view has that id.
MATCH (v:StatecraftView {id: $id})
RETURN v.json AS json
