// The confidence rule of a proposed claim (README, "Reports"): start from how plainly the pattern says the relation
// ("imposed sanctions on" 0.9, "echoed" 0.65), then lower it for each reason to doubt the reading. The analyst sees
// the figure on the card and can change it.

export interface ConfidenceFactors {
  /** The pattern's strength, 0..1. */
  strength: number;
  /** "could", "may", "might": a possible act, read as a threat. */
  modal: boolean;
  /** "reportedly", "allegedly", "likely". */
  hedged: boolean;
  /** The sentence says it did not happen. */
  negated: boolean;
  /** Someone else reports it: analysts, sources, "according to", another side's speaker. */
  secondHand: boolean;
  /** An end was found by reference back ("it", "the ministry") or by a verb shared with the one before. */
  inferredEnd: boolean;
}

export const CONFIDENCE_FACTORS = {
  modal: 0.7,
  hedged: 0.8,
  negated: 0.7,
  secondHand: 0.75,
  inferredEnd: 0.9,
} as const;

/** Strength times each factor that applies, rounded to two decimals, kept within 0.05..0.95. */
export function claimConfidence(f: ConfidenceFactors): number {
  let c = f.strength;
  if (f.modal) c *= CONFIDENCE_FACTORS.modal;
  if (f.hedged) c *= CONFIDENCE_FACTORS.hedged;
  if (f.negated) c *= CONFIDENCE_FACTORS.negated;
  if (f.secondHand) c *= CONFIDENCE_FACTORS.secondHand;
  if (f.inferredEnd) c *= CONFIDENCE_FACTORS.inferredEnd;
  return Math.min(0.95, Math.max(0.05, Math.round(c * 100) / 100));
}
