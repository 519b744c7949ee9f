// Purpose: makes relation ids unique within one relation type (and indexes them for MERGE), applied once per type
// of the relation registry. __TYPE__ is replaced by a type checked against the registry, never by user input.
// Params: none. Columns: none.
CREATE CONSTRAINT relation_id___TYPE__ IF NOT EXISTS FOR ()-[r:__TYPE__]-() REQUIRE r.id IS UNIQUE
