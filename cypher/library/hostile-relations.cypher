// Name: Hostile relations of a country
// Description: Sanctions, threats, warnings, criticism, demands, accusations, rejections, protests, coercion, opposition, mobilization and force by or against one entity.
// Params: {"id": "usa"}
MATCH (e:Entity {id: $id})-[r:SANCTIONS|THREATENS|WARNS|CRITICIZES|CONDEMNS|ATTACKS|COERCES|OPPOSES|DEMANDS|ACCUSES|SUES|REJECTS|PROTESTS_AGAINST|MOBILIZES_AGAINST|FIGHTS|OCCUPIES]-(other:Entity)
RETURN e, r, other, type(r) AS type, r.confidence AS confidence, coalesce(r.date, r.validFrom) AS date
ORDER BY date DESC
