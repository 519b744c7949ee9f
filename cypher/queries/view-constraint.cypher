// Purpose: one :StatecraftView node per view id, applied by the Neo4j deck store before its first view write.
// Params: none. Columns: none. Idempotent (IF NOT EXISTS).
CREATE CONSTRAINT statecraft_view_id IF NOT EXISTS FOR (v:StatecraftView) REQUIRE v.id IS UNIQUE
