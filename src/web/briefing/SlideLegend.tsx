// A slide's legend and numbered sources for the presenter, in the explorer's swatches (components/Swatch.tsx).

import { LegendSections } from "../components/LegendSections.tsx";
import type { LegendSection } from "../state/legend.ts";
import type { Footnote } from "./footnotes.ts";

export function SlideLegend({ sections }: { sections: readonly LegendSection[] }) {
  return (
    <div className="slide-legend" aria-label="Legend" data-testid="slide-legend">
      <LegendSections sections={sections} />
    </div>
  );
}

export function SlideFootnotes({ notes }: { notes: readonly Footnote[] }) {
  if (notes.length === 0) return <p className="slide-footnotes muted">No source cited.</p>;
  return (
    <ol className="slide-footnotes" data-testid="slide-footnotes">
      {notes.map((f) => (
        <li key={f.id} value={f.n}>
          {f.text}
          {f.source?.marking && <span className="marking">{f.source.marking}</span>}
        </li>
      ))}
    </ol>
  );
}
