// Purpose: one :StatecraftDeck node per deck id, applied by the Neo4j deck store before its first write.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT statecraft_deck_id IF NOT EXISTS FOR (d:StatecraftDeck) REQUIRE d.id IS UNIQUE
