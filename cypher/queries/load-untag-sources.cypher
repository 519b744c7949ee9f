// Purpose: removes a dataset's tag from sources its file no longer lists; deletes those no dataset lists.
// Params: $ids, $dataset. Columns: deleted.
UNWIND $ids AS id
MATCH (s:Source {id: id})
SET s.datasets = [d IN s.datasets WHERE d <> $dataset]
WITH s
WHERE size(s.datasets) = 0
DELETE s
RETURN count(*) AS deleted
