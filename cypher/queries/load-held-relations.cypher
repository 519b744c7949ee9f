// Purpose: the relations of one type whose ids a load names, with the dataset that wrote each, so the loader can
// refuse a relation id another dataset owns, under any type, before writing anything (dataset-ownership).
// __TYPE__ is a relation type checked against the registry; the per-type id constraint answers each id.
// Params: $ids (list of relation ids). Columns: id, type, from, to, dataset.
UNWIND $ids AS id
MATCH (a)-[r:__TYPE__ {id: id}]->(b)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.dataset AS dataset
