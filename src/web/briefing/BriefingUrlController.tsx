// Renders nothing: keeps the briefing work in the URL so a reload or a shared link reopens it. Once the explorer has
// opened its link, the deck the link names is opened, its slide selected and, with `present=1`, presented again;
// from then on the deck open, the slide selected (or presented) and present mode are mirrored into the explorer's
// state, which the URL controller writes (`deck=`, `slide=`, `present=1`).

import { useEffect } from "react";
import { useExplorer } from "../app/context.ts";
import { setBriefingLink, setTab } from "../state/explorer-state.ts";
import type { BriefingLink } from "../state/url-state.ts";
import { selectScene, type BriefingState } from "./briefing-state.ts";
import { useBriefing } from "./use-briefing.ts";

/** The link of the Briefings tab's state: none without a deck. */
export function briefingLinkOf(s: BriefingState): BriefingLink | undefined {
  if (!s.deck) return undefined;
  return { deck: s.deck.id, slide: s.presenting ?? s.selected, present: s.presenting !== null };
}

export function BriefingUrlController() {
  const explorer = useExplorer();
  const briefing = useBriefing();

  useEffect(() => {
    const { store } = explorer;
    let started = false;
    let applied = false;
    let live = true;

    const mirror = () => {
      if (applied) store.update(setBriefingLink(briefingLinkOf(briefing.store.get())));
    };

    const apply = async () => {
      const link = store.get().briefing;
      if (link) {
        await briefing.open(link.deck);
        if (!live) return;
        if (briefing.store.get().deck?.id === link.deck) {
          briefing.store.update(selectScene(link.slide));
          if (link.present) {
            // The presenter lives in the Briefings tab.
            store.update(setTab("briefings"));
            briefing.present(link.slide);
          }
        }
      }
      applied = true;
      mirror();
    };

    const onExplorer = () => {
      if (started || store.get().load.phase !== "ready") return;
      started = true;
      void apply();
    };
    const unsubscribeExplorer = store.subscribe(onExplorer);
    const unsubscribeBriefing = briefing.store.subscribe(mirror);
    onExplorer();
    return () => {
      live = false;
      unsubscribeExplorer();
      unsubscribeBriefing();
    };
  }, [explorer, briefing]);

  return null;
}
