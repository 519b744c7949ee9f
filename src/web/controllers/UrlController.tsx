// Renders nothing: keeps the URL in step with the view. Meaningful changes (filters, selection, paths, tab, view
// content, layout, folded groups) push a history entry so back/forward walk through them; camera moves and playback replace the entry.
// Back/forward re-apply the URL's view. The first URL written drops what the link held that could not be used (named
// in the notice, see explorer.start).

import { useEffect } from "react";
import { useExplorer } from "../app/context.ts";
import { analysisStore } from "../analysis/analysis-state.ts";
import { reportUrlProblems, toUrlView } from "../state/explorer-state.ts";
import { differsOnlyByCamera, encodeUrlView, parseUrlView } from "../state/url-state.ts";

export function UrlController() {
  const explorer = useExplorer();

  useEffect(() => {
    const { store } = explorer;
    // The folded groups are the analysis store's (which takes a link's from the explorer's state).
    const analysis = analysisStore(explorer);
    const current = () => encodeUrlView({ ...toUrlView(store.get()), fold: analysis.get().collapsed });
    let last = window.location.search.replace(/^\?/, "");
    let settled = false;
    let applying = false;
    const sync = () => {
      const s = store.get();
      if (s.load.phase !== "ready" || applying) return;
      const next = current();
      if (next === last) return;
      const replace = !settled || differsOnlyByCamera(last, next) || s.playing || s.path.status === "loading";
      const url = next ? `?${next}` : window.location.pathname;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
      last = next;
    };
    const unsubscribe = store.subscribe(sync);
    const unsubscribeAnalysis = analysis.subscribe(sync);
    // The first URL written after loading only normalises the one we were opened with.
    const settle = setInterval(() => {
      if (store.get().load.phase === "ready") {
        sync();
        settled = true;
        clearInterval(settle);
      }
    }, 100);
    const onPop = () => {
      last = window.location.search.replace(/^\?/, "");
      applying = true;
      const { view, problems } = parseUrlView(window.location.search);
      store.update(reportUrlProblems(problems));
      void explorer.applyUrl(view).finally(() => {
        applying = false;
        last = current();
      });
    };
    window.addEventListener("popstate", onPop);
    return () => {
      unsubscribe();
      unsubscribeAnalysis();
      clearInterval(settle);
      window.removeEventListener("popstate", onPop);
    };
  }, [explorer]);

  return null;
}
