// Purpose: creates or updates entities of one kind in a batch and tags them with the dataset.
// __KIND__ is an entity kind from the model, never from input. Entities whose kind changed go through
// load-relabel-entities first.
// Params: $rows (list of {id, props}), $dataset. Columns: written.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props, e:__KIND__,
  e.datasets = CASE WHEN $dataset IN coalesce(e.datasets, []) THEN e.datasets ELSE coalesce(e.datasets, []) + $dataset END
RETURN count(e) AS written
