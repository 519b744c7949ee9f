// A slide's legend and numbered sources for the presenter, in the explorer's swatches (components/Swatch.tsx).

import { LineSwatch, ShapeSwatch } from "../components/Swatch.tsx";
import type { LegendSection } from "../state/legend.ts";
import type { Footnote } from "./footnotes.ts";

export function SlideLegend({ sections }: { sections: readonly LegendSection[] }) {
  return (
    <div className="slide-legend" aria-label="Legend" data-testid="slide-legend">
      {sections.map((section) => (
        <div key={section.title} className="legend-section">
          <h3>{section.title}</h3>
          <ul>
            {section.items.map((item) => (
              <li key={item.key} title={item.description}>
                {item.mark === "node" && item.shape ? (
                  <ShapeSwatch shape={item.shape} color={item.color} />
                ) : item.mark === "size" ? (
                  <span className="size-swatch">
                    <ShapeSwatch shape="circle" color={item.color} size={8} />
                    <ShapeSwatch shape="circle" color={item.color} size={14} />
                  </span>
                ) : item.mark === "dim" ? (
                  <ShapeSwatch shape="circle" color={item.color} />
                ) : (
                  <LineSwatch
                    color={item.color}
                    mark={item.mark === "arrow" || item.mark === "curve" ? item.mark : "line"}
                  />
                )}
                <span>{item.label}</span>
                {item.count !== undefined && <span className="count">{item.count}</span>}
              </li>
            ))}
          </ul>
        </div>
      ))}
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
