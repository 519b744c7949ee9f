// The sections of a legend (kinds, stances, marks), drawn with the explorer's swatches: shared by the explorer's
// legend and the presenter's slides so both explain the picture the same way.

import type { LegendItem, LegendSection } from "../state/legend.ts";
import { LineSwatch, ShapeSwatch, type LineMark } from "./Swatch.tsx";

function lineMark(mark: LegendItem["mark"]): LineMark {
  return mark === "node" || mark === "dim" || mark === "size" ? "line" : mark;
}

export function LegendSections({ sections }: { sections: readonly LegendSection[] }) {
  return sections.map((section) => (
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
              <LineSwatch color={item.color} mark={lineMark(item.mark)} />
            )}
            <span>{item.label}</span>
            {item.count !== undefined && <span className="count">{item.count}</span>}
          </li>
        ))}
      </ul>
    </div>
  ));
}
