// Purpose: the country entities the database holds, by ISO alpha-3 code, so a feed reuses them (china stays china)
// instead of making a second entity for the same country. Params: none. Columns: iso3, id (sorted, first id wins).
MATCH (e:Country)
WHERE e.iso3 IS NOT NULL
RETURN e.iso3 AS iso3, e.id AS id
ORDER BY iso3, id
