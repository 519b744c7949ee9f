// Purpose: marks the start of a load that writes: a new generation token, so that every dataset recorded under the
// old one (including those this load may stop half way through) is checked row by row next time.
// Params: $token (a new random token). Columns: token.
MERGE (g:StatecraftLoad {key: 'generation'})
SET g.token = $token
RETURN g.token AS token
