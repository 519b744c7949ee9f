// A claim the report coder proposes and the analyst reviews: who did what to whom, when, how sure, and the exact
// sentence it rests on. Accepted claims become relations of a dataset with the report as their source.

import type { EntityKind } from "./kinds.ts";
import type { RelationType } from "./relations.ts";
import type { IsoDate } from "./types.ts";

/** One end of a claim: the store's entity when the actor resolved to one, else a proposed new entity (id null). */
export interface ClaimActor {
  id: string | null;
  name: string;
  kind: EntityKind;
  /** ISO alpha-3 for countries. */
  iso3?: string;
}

export interface ClaimEvidence {
  /** The sentence, exactly as it stands in the input. */
  sentence: string;
  /** Character offsets of the sentence in the input text: text.slice(start, end) === sentence. */
  start: number;
  end: number;
}

export interface ProposedClaim {
  type: RelationType;
  /** The CAMEO code the matched pattern stands for. */
  cameo: string;
  from: ClaimActor;
  to: ClaimActor;
  date?: IsoDate;
  confidence: number;
  /** True when the sentence says it did not happen ("did not condemn"). */
  negated: boolean;
  evidence: ClaimEvidence;
}

/** An entity the coder met that the store does not hold, proposed for creation. */
export interface ProposedEntity {
  name: string;
  kind: EntityKind;
  iso3?: string;
  aliases?: Record<string, string[]>;
}

/** What the coder answers for one report (the CLI's --json and POST /api/extract). */
export interface Extraction {
  claims: ProposedClaim[];
  entities: ProposedEntity[];
}

/** What the coder needs of an entity the store already holds to recognise it in a report. */
export interface KnownEntity {
  id: string;
  name: string;
  kind: EntityKind;
  aliases: Record<string, string[]>;
  iso3?: string;
}

/** What a report is, besides its text: its date dates the claims ("on Wednesday" counts back from it). */
export interface ReportInfo {
  published?: IsoDate;
  sourceUrl?: string;
  title?: string;
}
