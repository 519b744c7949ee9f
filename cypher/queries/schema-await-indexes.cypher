// Purpose: waits until every index the schema created is online (search and the constraints' lookups need them),
// giving up after 300 s. Params: none. Columns: none.
CALL db.awaitIndexes(300)
