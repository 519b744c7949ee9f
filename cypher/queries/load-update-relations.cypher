// Purpose: rewrites the properties of relations of one type whose content changed, found by their id (per-type
// constraint index); a relation whose ends changed is left alone and its id returned, for the loader to delete and
// create again. __TYPE__ is a relation type checked against the registry.
// Params: $rows (list of {id, from, to, props}; props without nulls, replacing every property). Columns: moved (ids).
UNWIND $rows AS row
MATCH (a)-[r:__TYPE__ {id: row.id}]->(b)
WITH r, row, a.id = row.from AND b.id = row.to AS same
CALL (r, row, same) {
  WITH r, row, same
  WHERE same
  SET r = row.props, r.id = row.id
}
RETURN [x IN collect(CASE WHEN NOT same THEN row.id END) WHERE x IS NOT NULL] AS moved
