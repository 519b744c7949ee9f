// Purpose: creates or updates entities of one kind in a batch and tags them with the dataset.
// __KIND__ is an entity kind from the model, __OTHER_KINDS__ the other kind labels (removed when a kind changes);
// both are filled from the model, never from input.
// Params: $rows (list of {id, props}), $dataset. Columns: created (count of new nodes).
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.createdAt = datetime()
WITH e, row, e.hash IS NULL AS isNew
SET e += row.props, e:__KIND__
REMOVE e__OTHER_KINDS__
SET e.datasets = CASE WHEN $dataset IN coalesce(e.datasets, []) THEN e.datasets ELSE coalesce(e.datasets, []) + $dataset END
RETURN count(CASE WHEN isNew THEN 1 END) AS created
