// What a feed relation's event tally says, as words for the details panel, the tooltips and the exports: how many
// events, how many mentions, sources and articles, the mean Goldstein score and tone, and when they were seen. Pure.

import type { EventTally } from "../../model/index.ts";

export interface EventFact {
  label: string;
  value: string;
  /** A longer explanation for a title attribute. */
  hint?: string;
}

const count = (n: number) => n.toLocaleString("en");
const signed = (n: number, digits: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(digits)}`;

function seen(events: EventTally): string {
  return events.firstSeen === events.lastSeen ? events.firstSeen : `${events.firstSeen} to ${events.lastSeen}`;
}

export function eventFacts(events: EventTally): EventFact[] {
  return [
    {
      label: "Events",
      value: `${count(events.count)} (${count(events.mentions)} mentions, ${count(events.articles)} articles, ${count(events.sources)} sources)`,
      hint: "Events the feed coded for this pair, type and day; mentions, articles and sources summed over them.",
    },
    {
      label: "Goldstein",
      value: signed(events.goldstein, 1),
      hint: "Mean Goldstein score of the events: −10 most hostile to +10 most cooperative.",
    },
    {
      label: "Tone",
      value: signed(events.tone, 2),
      hint: "Mean tone of the reporting articles: negative is hostile coverage, positive friendly.",
    },
    { label: "Seen", value: seen(events), hint: "The days the feed first and last reported these events." },
  ];
}

/** One line for tooltips: "3 events · Goldstein +1.9 · tone −1.23 · seen 2025-08-07". */
export function eventSummary(events: EventTally): string {
  return [
    `${count(events.count)} event${events.count === 1 ? "" : "s"}`,
    `Goldstein ${signed(events.goldstein, 1)}`,
    `tone ${signed(events.tone, 2)}`,
    `seen ${seen(events)}`,
  ].join(" · ");
}
