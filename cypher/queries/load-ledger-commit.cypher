// Purpose: records datasets whose load completed, under the generation token the load ran with, as the last
// transaction of the load. A token changed meanwhile (another load wrote) leaves them unmatched, so checked next time.
// Params: $token, $datasets (list of {key, dataset, hash, buckets, bucketHashes, bucketCounts}). Columns: recorded.
MERGE (g:StatecraftLoad {key: 'generation'})
  ON CREATE SET g.token = $token
WITH g
UNWIND $datasets AS d
MERGE (l:StatecraftLoad {key: d.key})
SET l.dataset = d.dataset, l.hash = d.hash, l.token = $token, l.buckets = d.buckets, l.bucketHashes = d.bucketHashes,
  l.bucketCounts = d.bucketCounts
RETURN count(l) AS recorded
