// The time slider under the canvas: off (all time) or "as of" a day, moving over the stops where relations start,
// happen or end (from /api/summary's date range and the loaded relations). Play steps through the stops and the
// graph grows and changes with them; the counts beside it update live.

import { useEffect, useMemo } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { setFilters, setPlaying } from "../state/explorer-state.ts";
import { setAsOf } from "../state/filters.ts";
import { formatDate, nextStop, stopIndex, timeStops } from "../state/time-stops.ts";

export const PLAY_STEP_MS = 900;

export function TimeBar() {
  const { graph, store } = useExplorer();
  const summary = useExplorerState((s) => s.summary);
  const asOf = useExplorerState((s) => s.filters.asOf);
  const playing = useExplorerState((s) => s.playing);
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const visibility = useVisibility();

  const stops = useMemo(() => {
    const dates: (string | undefined)[] = [];
    graph.forEachEdge((_, a) => dates.push(a.date, a.validFrom, a.validTo));
    return timeStops(dates, summary?.dateRange);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, graphVersion, summary]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const current = store.get().filters.asOf;
      const next = nextStop(stops, current);
      if (!next || (current && current >= stops[stops.length - 1]!)) {
        store.update(setPlaying(false));
        return;
      }
      store.update(setFilters(setAsOf(next)));
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, stops, store]);

  const togglePlay = () => {
    const s = store.get();
    if (s.playing) {
      store.update(setPlaying(false));
      return;
    }
    const atEnd = !s.filters.asOf || s.filters.asOf >= stops[stops.length - 1]!;
    if (atEnd && stops.length) store.update(setFilters(setAsOf(stops[0])));
    store.update(setPlaying(true));
  };

  if (stops.length === 0) return <div className="timebar muted">No dated relations.</div>;
  const index = stopIndex(stops, asOf);

  return (
    <div className="timebar" data-testid="timebar">
      <button onClick={togglePlay} title="Play or pause (t)" aria-label={playing ? "Pause" : "Play through time"}>
        {playing ? "❚❚" : "▶"}
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={!!asOf}
          onChange={(e) => store.update(setFilters(setAsOf(e.target.checked ? stops[stops.length - 1] : undefined)))}
        />
        <span>As of</span>
      </label>
      <input
        type="range"
        min={0}
        max={stops.length - 1}
        value={asOf ? index : stops.length - 1}
        disabled={!asOf && !playing}
        aria-label="Date"
        onChange={(e) => store.update(setFilters(setAsOf(stops[Number(e.target.value)])))}
      />
      <span className="time-label">
        {asOf ? formatDate(asOf) : `All time (${formatDate(stops[0])} – ${formatDate(stops[stops.length - 1])})`}
      </span>
      <span className="muted time-counts">
        {visibility ? `${visibility.nodes.size} entities · ${visibility.edges.size} relations` : ""}
      </span>
    </div>
  );
}
