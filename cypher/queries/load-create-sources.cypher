// Purpose: creates sources that the loader's diff read found absent, tagged with the dataset (no MERGE: nothing to
// look up). A row whose id exists after all fails the source_id constraint and the loader writes that batch again
// with load-merge-sources.
// Params: $rows (list of {id, props}), $dataset. Columns: written.
UNWIND $rows AS row
CREATE (s:Source {id: row.id})
SET s += row.props, s.datasets = [$dataset]
RETURN count(s) AS written
