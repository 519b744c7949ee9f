// Purpose: the relationship types the database knows, so the loader's ownership check looks ids up only under types
// that may hold them. Params: none. Columns: type.
CALL db.relationshipTypes() YIELD relationshipType
RETURN relationshipType AS type
