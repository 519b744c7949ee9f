// Sentences from relations: "United States threatens SMIC; United States sanctions Russia; Russia attacks Ukraine".

import { getRelationSpec } from "./relations.ts";

export interface ReadoutEnd {
  id: string;
  name: string;
}

export interface ReadoutStep {
  type: string;
  from: ReadoutEnd;
  to: ReadoutEnd;
}

/** The clause for one relation as stored: "United States sanctions Russia". */
export function readRelation(step: ReadoutStep): string {
  return `${step.from.name} ${getRelationSpec(step.type).reading} ${step.to.name}`;
}

/** The clause for a step walked from entity `atId`: the plain reading, or the inverse when walked against the arrow. */
export function readStep(step: ReadoutStep, atId: string): string {
  if (step.from.id === atId) return readRelation(step);
  return `${step.to.name} ${getRelationSpec(step.type).inverse} ${step.from.name}`;
}

/**
 * A path's sentence: each relation as stored, in path order, so every clause keeps its real subject ("United States
 * threatens SMIC; United States sanctions Russia; Russia attacks Ukraine" for a path from SMIC to Ukraine).
 */
export function readPath(steps: readonly ReadoutStep[], separator = "; "): string {
  return steps.map(readRelation).join(separator);
}
