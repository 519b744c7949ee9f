// One slide as every output shows it: the scene with what the chosen marking leaves out removed, the lines saying
// what was left out, the legend of what remains, its numbered sources, and the texts of the layout. The presenter,
// the PNG, SVG, PDF and HTML exports all start here, so they cannot disagree about what a slide holds.

import type { Deck, Scene } from "../../model/deck.ts";
import type { Marking } from "../../model/marking.ts";
import type { LegendSection } from "../state/legend.ts";
import { sceneFootnotes, type SceneFootnotes } from "./footnotes.ts";
import { filterSceneByMarking, type LeftOut } from "./marking-filter.ts";
import { sceneGraph, sceneLegend } from "./slide-graph.ts";
import type { SlideContent } from "./slide-layout.ts";

export interface SlideView {
  /** The scene as shown: filtered by marking. */
  scene: Scene;
  leftOut: LeftOut;
  notices: string[];
  legend: LegendSection[];
  footnotes: SceneFootnotes;
  content: SlideContent;
  index: number;
  count: number;
}

export interface SlideOptions {
  level: Marking;
  index: number;
  count: number;
  deckTitle: string;
}

export function prepareSlide(scene: Scene, options: SlideOptions): SlideView {
  const filtered = filterSceneByMarking(scene, options.level);
  const shown = filtered.scene;
  const legend = sceneLegend(shown, sceneGraph(shown));
  const footnotes = sceneFootnotes(shown);
  const footer = [options.deckTitle, `${options.index + 1} / ${options.count}`].filter(Boolean).join(" · ");
  return {
    scene: shown,
    leftOut: filtered.leftOut,
    notices: filtered.notices,
    legend,
    footnotes,
    content: {
      title: shown.title,
      caption: shown.caption,
      notices: filtered.notices,
      legend,
      footnotes: footnotes.notes,
      footer,
    },
    index: options.index,
    count: options.count,
  };
}

export function prepareDeck(deck: Deck, level: Marking): SlideView[] {
  return deck.scenes.map((scene, index) =>
    prepareSlide(scene, { level, index, count: deck.scenes.length, deckTitle: deck.title }),
  );
}
