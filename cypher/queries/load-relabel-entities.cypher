// Purpose: removes every kind label from entities whose kind changed, before load-merge-entities sets the new one.
// __KINDS__ is ":A:B…" of every kind of the model, never from input.
// Params: $ids. Columns: relabelled.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
REMOVE e__KINDS__
RETURN count(e) AS relabelled
