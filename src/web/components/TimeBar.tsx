// The time slider under the canvas: off (all time) or "as of" a day, over a calendar scale (state/time-scale.ts)
// whose ticks are the stops where relations start, happen or end (from /api/summary's date range and the loaded
// relations), each at its real date. Play moves the same number of days per frame and the graph grows and changes
// with it; the counts beside it update live.

import { useEffect, useMemo } from "react";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { setFilters, setPlaying } from "../state/explorer-state.ts";
import { setAsOf } from "../state/filters.ts";
import { dateOfDay, dayNumber, nextPlayDate, positionOf, timeScale } from "../state/time-scale.ts";
import { formatDate, timeStops } from "../state/time-stops.ts";
import { shownLabel } from "../state/status.ts";

/** A play frame: PLAY_FRAMES of them cross the whole range in about 18 s. */
export const PLAY_STEP_MS = 150;

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
  const scale = useMemo(() => timeScale(stops), [stops]);

  useEffect(() => {
    if (!playing || !scale) return;
    const timer = setInterval(() => {
      const next = nextPlayDate(store.get().filters.asOf, scale);
      if (!next) {
        store.update(setPlaying(false));
        return;
      }
      store.update(setFilters(setAsOf(next)));
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, scale, store]);

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

  if (stops.length === 0 || !scale) return <div className="timebar muted">No dated relations.</div>;

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
      <span className="time-track">
        <input
          type="range"
          min={scale.min}
          max={scale.max}
          step={1}
          list="time-stops"
          value={asOf ? Math.max(scale.min, Math.min(scale.max, dayNumber(asOf))) : scale.max}
          disabled={!asOf && !playing}
          aria-label="Date"
          onChange={(e) => store.update(setFilters(setAsOf(dateOfDay(Number(e.target.value)))))}
        />
        {stops.map((s) => (
          <span
            key={s}
            className="time-tick"
            title={formatDate(s)}
            style={{ left: `calc(8px + (100% - 16px) * ${positionOf(s, scale)})` }}
          />
        ))}
      </span>
      <datalist id="time-stops" data-testid="time-stops">
        {stops.map((s) => (
          <option key={s} value={dayNumber(s)} label={s} />
        ))}
      </datalist>
      <span className="time-label">
        {asOf ? formatDate(asOf) : `All time (${formatDate(stops[0])} – ${formatDate(stops[stops.length - 1])})`}
      </span>
      <span className="muted time-counts">{visibility ? shownLabel(visibility.nodes.size, visibility.edges) : ""}</span>
    </div>
  );
}
