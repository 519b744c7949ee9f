// Name: Who is on which side
// Description: Hostile and cooperative relations pointing at one entity, grouped by stance.
// Params: {"id": "russia"}
MATCH (other:Entity)-[r]->(e:Entity {id: $id})
WITH other, r,
  CASE WHEN type(r) IN ['SANCTIONS','THREATENS','WARNS','CRITICIZES','CONDEMNS','ATTACKS','COERCES','OPPOSES',
                        'DEMANDS','ACCUSES','SUES','REJECTS','PROTESTS_AGAINST','MOBILIZES_AGAINST','FIGHTS','OCCUPIES']
         THEN 'hostile'
       WHEN type(r) IN ['PROTECTS','SUPPORTS','ALIGNS_WITH','ALLIED_WITH','COOPERATES_WITH','TRADES_WITH','EXPORTS_TO',
                        'CONSULTS','VISITS','HOSTS','NEGOTIATES_WITH','RECOGNIZES','APOLOGIZES_TO','FORGIVES',
                        'SIGNS_AGREEMENT_WITH','GIVES_AID_TO','YIELDS_TO','EASES_SANCTIONS_ON']
         THEN 'cooperative'
       ELSE 'neutral or structural' END AS stance
RETURN stance, collect(DISTINCT other.name) AS actors, count(r) AS relations
ORDER BY stance
