// Name: Who is on which side
// Description: Hostile and cooperative relations pointing at one entity, grouped by stance.
// Params: {"id": "russia"}
MATCH (other:Entity)-[r]->(e:Entity {id: $id})
WITH other, r,
  CASE WHEN type(r) IN ['SANCTIONS','THREATENS','WARNS','CRITICIZES','CONDEMNS','ATTACKS','COERCES','OPPOSES'] THEN 'hostile'
       WHEN type(r) IN ['PROTECTS','SUPPORTS','ALIGNS_WITH','ALLIED_WITH','COOPERATES_WITH','TRADES_WITH','EXPORTS_TO'] THEN 'cooperative'
       ELSE 'neutral or structural' END AS stance
RETURN stance, collect(DISTINCT other.name) AS actors, count(r) AS relations
ORDER BY stance
