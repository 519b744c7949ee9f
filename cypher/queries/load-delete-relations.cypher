// Purpose: deletes relations of one type by id (removed from their dataset, or about to be rewritten because their
// ends or type changed). __TYPE__ is checked against the registry. Params: $ids. Columns: deleted.
UNWIND $ids AS id
MATCH ()-[r:__TYPE__ {id: id}]->()
DELETE r
RETURN count(*) AS deleted
