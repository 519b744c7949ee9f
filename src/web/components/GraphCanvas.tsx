// The WebGL canvas: creates the sigma renderer over the data graph once the container is in the page, provides it
// to the controllers given as children, keeps it sized to its container, and kills it on unmount.

import { useEffect, useRef, useState, type ReactNode } from "react";
import { RendererContext, useExplorer } from "../app/context.ts";
import { createRenderer, type Renderer } from "../graph/sigma-setup.ts";

export function GraphCanvas({ children }: { children: ReactNode }) {
  const { graph } = useExplorer();
  const container = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<Renderer | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const instance = createRenderer(graph, container.current);
    setRenderer(instance);
    // Sigma follows window resizes only; the canvas also changes size when a side panel widens (the Cypher tab).
    const observer = new ResizeObserver(() => instance.scheduleRender());
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      setRenderer(null);
      instance.kill();
    };
  }, [graph]);

  return (
    <div className="graph-canvas" ref={container} data-testid="graph-canvas" aria-label="Graph">
      {renderer && <RendererContext.Provider value={renderer}>{children}</RendererContext.Provider>}
    </div>
  );
}
