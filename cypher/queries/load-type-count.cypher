// Purpose: how many relationships of one type the database holds (answered from the count store, at once), so the
// loader's ownership check reads a small type whole instead of looking each id up in it.
// __TYPE__ is a relation type checked against the registry. Params: none. Columns: count.
MATCH ()-[r:__TYPE__]->()
RETURN count(r) AS count
