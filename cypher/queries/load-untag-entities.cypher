// Purpose: removes a dataset's tag from entities its file no longer lists, and deletes those that no dataset lists
// and no relation uses any more.
// Params: $ids, $dataset. Columns: deleted.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
SET e.datasets = [d IN e.datasets WHERE d <> $dataset]
WITH e
WHERE size(e.datasets) = 0 AND NOT (e)--()
DELETE e
RETURN count(*) AS deleted
