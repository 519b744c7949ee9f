// Purpose: creates entities of one kind that the loader's diff read found absent, tagged with the dataset (no MERGE:
// nothing to look up). A row whose id exists after all fails the entity_id constraint and the loader writes that
// batch again with load-merge-entities. __KIND__ is an entity kind from the model, never from input.
// Params: $rows (list of {id, props}), $dataset. Columns: written.
UNWIND $rows AS row
CREATE (e:Entity:__KIND__ {id: row.id})
SET e += row.props, e.datasets = [$dataset]
RETURN count(e) AS written
