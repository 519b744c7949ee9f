// Purpose: the schema every Statecraft database needs, applied by the loader (and the server) before any write.
// Params: none. Columns: none. Every statement is idempotent (IF NOT EXISTS); statements are separated by ';'.
// Relationship id constraints, one per relation type, come from cypher/relationship-id-constraint.cypher and the
// relation registry.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_datasets IF NOT EXISTS FOR (e:Entity) ON (e.datasets);
CREATE INDEX source_datasets IF NOT EXISTS FOR (s:Source) ON (s.datasets);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
