// Purpose: the sources a load names that the database already holds, with the datasets that cite them, so the
// loader can refuse a dataset that would redefine another's source before writing anything (dataset-ownership).
// Params: $ids (list of source ids). Columns: source (node).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s AS source
