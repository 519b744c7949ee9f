// Purpose: the schema every Statecraft database needs, applied by the loader (and the server) before any write.
// Params: none. Columns: none. Every statement is idempotent (IF NOT EXISTS); statements are separated by ';'.
// Relationship id constraints, one per relation type, come from cypher/relationship-id-constraint.cypher and the
// relation registry.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
// Lookups by name are what analysts type first in the Cypher console (MATCH (e:Entity {name: 'China'})).
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_datasets IF NOT EXISTS FOR (e:Entity) ON (e.datasets);
CREATE INDEX source_datasets IF NOT EXISTS FOR (s:Source) ON (s.datasets);
// Search (store-search.cypher) asks `searchText CONTAINS $folded`: a text index answers that from its trigrams
// instead of reading every entity. The full-text index of earlier versions served no query and is dropped.
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (e:Entity) ON (e.searchText);
DROP INDEX entity_search IF EXISTS;
// The loader's bookkeeping (src/store/neo4j/load-ledger.ts): one node per dataset and one for the generation token.
CREATE CONSTRAINT statecraft_load_key IF NOT EXISTS FOR (l:StatecraftLoad) REQUIRE l.key IS UNIQUE;
