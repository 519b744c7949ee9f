// Purpose: ends the transactions the client tagged with one key, when it gave up on them (its deadline passed or
// its caller cancelled): the client's answer has gone, so the work on the server must stop too.
// Params: $key (the metaData.key the client gave the transaction). Columns: transactionId, message.
SHOW TRANSACTIONS YIELD transactionId, metaData
WHERE metaData.key = $key
TERMINATE TRANSACTIONS transactionId
YIELD message
RETURN transactionId, message
