// The report coder's public face: build a coder over the store's entities, give it a report, get proposed claims.

export { createCoder, extractClaims, type Coder } from "./extract.ts";
export { CONFIDENCE_FACTORS, claimConfidence } from "./confidence.ts";
