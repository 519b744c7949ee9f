// Purpose: drops the deck id constraint from the graph database once its :StatecraftDeck nodes have moved to the
// app store (deck-migration.ts); the graph database keeps nothing of the application's own records.
// Params: none. Columns: none. Idempotent (IF EXISTS).
DROP CONSTRAINT statecraft_deck_id IF EXISTS
