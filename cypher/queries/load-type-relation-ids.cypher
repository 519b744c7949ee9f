// Purpose: the id and dataset of every relationship of one type, for the loader's ownership check when the type
// holds fewer relationships than the load names ids (reading them all is then cheaper than one lookup per id).
// __TYPE__ is a relation type checked against the registry. Params: none. Columns: id, dataset.
MATCH ()-[r:__TYPE__]->()
RETURN r.id AS id, r.dataset AS dataset
