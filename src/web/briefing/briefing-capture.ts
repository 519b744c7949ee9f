// The Briefings tab and the explorer: capturing the explorer's view as a new scene, refreshing a scene from the
// database (the changes wait for the analyst's decision), and opening a scene back in the explorer.

import type { Explorer } from "../app/explorer.ts";
import { today, type BriefingContext } from "./briefing-context.ts";
import type { DeckPersistence } from "./briefing-persistence.ts";
import { proposeRefresh, setNotice } from "./briefing-state.ts";
import { captureView, fetchFresh, openInExplorer } from "./capture-view.ts";
import { offFrameNames, offFrameNotice } from "./slide-graph.ts";
import { addScene, newId, replaceScene } from "./deck-ops.ts";
import { applyRefresh, diffScene, isEmptyDiff, summarizeDiff } from "./scene-diff.ts";

export interface SceneCapture {
  capture(): Promise<void>;
  startRefresh(index: number): Promise<void>;
  acceptRefresh(): void;
  dismissRefresh(): void;
  openScene(index: number): Promise<void>;
}

type Decks = Pick<DeckPersistence, "create" | "edit">;

async function capture(ctx: BriefingContext, explorer: Explorer, decks: Decks): Promise<void> {
  // With no deck open the capture starts one, and says so (the deck stays open, in the URL, for the next captures).
  const started = !ctx.store.get().deck;
  if (started) await decks.create();
  await ctx.busy("Capturing the view…", async () => {
    try {
      const deck = ctx.current();
      const scene = await captureView(explorer, { id: newId("scene"), index: deck.scenes.length });
      decks.edit(addScene(scene), deck.scenes.length);
      const into = started ? ` into a new deck, “${deck.title}”` : "";
      const captured = `Captured “${scene.title}”${into}: ${scene.entities.length} entities, ${scene.relations.length} relations.`;
      const off = offFrameNames(scene);
      if (off.length === 0) ctx.info(captured);
      else ctx.store.update(setNotice({ text: `${captured} ${offFrameNotice(off)}`, tone: "error" }));
    } catch (e) {
      // A view too big or empty: the capture's own words say what to do.
      if (e instanceof Error && e.name === "CaptureError") {
        ctx.store.update(setNotice({ text: e.message, tone: "error" }));
      } else ctx.fail(e, "capturing the view");
    }
  });
}

async function startRefresh(ctx: BriefingContext, index: number): Promise<void> {
  await ctx.busy("Asking the database what changed…", async () => {
    try {
      const scene = ctx.current().scenes[index];
      if (!scene) return;
      const fresh = await fetchFresh(scene);
      const diff = diffScene(scene, fresh);
      if (isEmptyDiff(diff)) {
        ctx.info(`“${scene.title}”: ${summarizeDiff(diff).toLowerCase()}.`);
        return;
      }
      ctx.store.update(proposeRefresh({ sceneId: scene.id, diff, fresh }));
    } catch (e) {
      ctx.fail(e, "refreshing the scene");
    }
  });
}

function acceptRefresh(ctx: BriefingContext, decks: Decks): void {
  const pending = ctx.store.get().refresh;
  if (!pending) return;
  const index = ctx.current().scenes.findIndex((s) => s.id === pending.sceneId);
  ctx.store.update(proposeRefresh(null));
  if (index < 0) return;
  const scene = ctx.current().scenes[index]!;
  decks.edit(replaceScene(index, applyRefresh(scene, pending.fresh, today())));
  ctx.info(`“${scene.title}” refreshed: ${summarizeDiff(pending.diff).toLowerCase()}.`);
}

async function openScene(ctx: BriefingContext, explorer: Explorer, index: number): Promise<void> {
  const scene = ctx.store.get().deck?.scenes[index];
  if (!scene) return;
  await ctx.busy("Opening the scene in the explorer…", async () => {
    try {
      await openInExplorer(explorer, scene);
    } catch (e) {
      ctx.fail(e, "opening the scene");
    }
  });
}

export function createSceneCapture(ctx: BriefingContext, explorer: Explorer, decks: Decks): SceneCapture {
  return {
    capture: () => capture(ctx, explorer, decks),
    startRefresh: (index) => startRefresh(ctx, index),
    acceptRefresh: () => acceptRefresh(ctx, decks),
    dismissRefresh: () => ctx.store.update(proposeRefresh(null)),
    openScene: (index) => openScene(ctx, explorer, index),
  };
}
