// Purpose: what the loader recorded of earlier loads (the :StatecraftLoad bookkeeping nodes, never :Entity, so no
// graph route, count, search or path sees them): the generation token every write changes, and per dataset the hash
// of its last complete load with the token it was recorded under. A dataset whose hash and token both match is
// unchanged and is not read back.
// Params: $keys (list of dataset keys, "dataset:<id>"). Columns: token (or null), key, hash, datasetToken, buckets,
// bucketHashes, bucketCounts (each null when the dataset was never recorded).
OPTIONAL MATCH (g:StatecraftLoad {key: 'generation'})
WITH g
UNWIND $keys AS key
OPTIONAL MATCH (d:StatecraftLoad {key: key})
RETURN g.token AS token, key, d.hash AS hash, d.token AS datasetToken, d.buckets AS buckets,
  d.bucketHashes AS bucketHashes, d.bucketCounts AS bucketCounts
