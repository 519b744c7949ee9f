// Exporting a slide as a PNG of any size up to 3840x2160: the scene's graph is rendered by an offscreen sigma of
// its own at the size of the slide's graph area (over the world map for a scene captured on it), then the slide is
// composed on a 2D canvas around it (title, what was left out, legend, caption, sources, footer) following
// slide-layout.ts. The PDF export uses the graph image without node labels (it sets them as text).

import type { Scene } from "../../model/deck.ts";
import { CANVAS_BACKGROUND } from "../graph/style.ts";
import type { LegendItem } from "../state/legend.ts";
import { DEFAULT_CAMERA, bboxOfFrame } from "./frame.ts";
import { sceneFrame, shapePath } from "./slide-drawing.ts";
import { sceneGraph } from "./slide-graph.ts";
import { layoutSlide, type SlideLayout, type TextBlock, type TextMeasure } from "./slide-layout.ts";
import { createSlideRenderer, showScene } from "./slide-renderer.ts";
import type { SlideView } from "./slide-view.ts";
import { SVG_FONT, widthWedge } from "./svg-export.ts";
import { checkExportSize } from "./png-sizes.ts";
import { affineOf, paintWorld } from "../map/map-paint.ts";

export { PNG_SIZES } from "./png-sizes.ts";

const font = (size: number, bold?: boolean) => `${bold ? "700 " : ""}${size}px ${SVG_FONT}`;

export function canvasMeasure(ctx: CanvasRenderingContext2D): TextMeasure {
  return (text, size, bold) => {
    ctx.font = font(size, bold);
    return ctx.measureText(text).width;
  };
}

/**
 * The scene's graph drawn by an offscreen sigma into a canvas of width x height pixels; without the entities' names
 * when `nodeLabels` is false (the PDF sets them as text over the image).
 */
export async function renderSceneGraph(
  scene: Scene,
  width: number,
  height: number,
  scale: number,
  { nodeLabels = true }: { nodeLabels?: boolean } = {},
): Promise<HTMLCanvasElement> {
  // Loaded before rendering (a lazy chunk): the WebGL buffers must be read in the same task as the render.
  const art = scene.layout === "map" ? (await import("../map/map-view.ts")).mapArt() : undefined;
  const ratio = window.devicePixelRatio || 1;
  const container = document.createElement("div");
  Object.assign(container.style, {
    position: "fixed",
    left: "-100000px",
    top: "0",
    width: `${width / ratio}px`,
    height: `${height / ratio}px`,
    pointerEvents: "none",
  });
  document.body.appendChild(container);
  const graph = sceneGraph(scene);
  const cssScale = scale / ratio;
  const renderer = createSlideRenderer(graph, container, cssScale);
  try {
    showScene(renderer, scene, graph, cssScale);
    if (!nodeLabels) renderer.setSetting("renderLabels", false);
    renderer.setCustomBBox(bboxOfFrame(sceneFrame(scene)));
    renderer.getCamera().setState(DEFAULT_CAMERA);
    // A synchronous render, read back at once (the WebGL buffers are not preserved past this task).
    renderer.refresh();
    const out = document.createElement("canvas");
    out.width = width;
    out.height = height;
    const ctx = out.getContext("2d");
    if (!ctx) throw new Error("statecraft/export: this browser gives no 2D canvas");
    ctx.fillStyle = CANVAS_BACKGROUND;
    ctx.fillRect(0, 0, width, height);
    if (art) {
      // The world map under the graph, through the same renderer's projection.
      paintWorld(
        ctx,
        art.world,
        affineOf((p) => renderer.graphToViewport(p)),
        {
          pixelRatio: ratio,
          shown: art.shown(scene.entities),
        },
      );
    }
    for (const layer of container.querySelectorAll("canvas")) {
      if (layer.classList.contains("sigma-mouse")) continue;
      ctx.drawImage(layer, 0, 0, width, height);
    }
    return out;
  } finally {
    renderer.kill();
    container.remove();
  }
}

function paintText(ctx: CanvasRenderingContext2D, b: TextBlock): void {
  ctx.font = font(b.size, b.bold);
  ctx.fillStyle = b.color;
  ctx.textAlign = b.align;
  ctx.textBaseline = "alphabetic";
  b.lines.forEach((line, i) => ctx.fillText(line, b.x, b.y + i * b.lineHeight));
  ctx.textAlign = "left";
}

function paintMark(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number, size: number): void {
  const r = size / 2;
  ctx.fillStyle = item.color;
  ctx.strokeStyle = item.color;
  if (item.mark === "node" || item.mark === "dim") {
    if (!item.shape || item.shape === "circle" || item.mark === "dim") {
      ctx.beginPath();
      ctx.arc(x + r, y, r * 0.9, 0, Math.PI * 2);
      ctx.fill();
    } else if (item.shape === "ring") {
      ctx.lineWidth = r * 0.45;
      ctx.beginPath();
      ctx.arc(x + r, y, r * 0.65, 0, Math.PI * 2);
      ctx.stroke();
    } else ctx.fill(new Path2D(shapePath(item.shape, x + r, y, r * 0.9)));
  } else if (item.mark === "size") {
    ctx.beginPath();
    ctx.arc(x + r * 0.5, y, r * 0.45, 0, Math.PI * 2);
    ctx.arc(x + r * 1.9, y, r * 0.85, 0, Math.PI * 2);
    ctx.fill();
  } else if (item.mark === "width") {
    ctx.fill(new Path2D(widthWedge(x, y, size)));
  } else if (item.mark === "dashed") {
    ctx.lineWidth = size * 0.18;
    ctx.setLineDash([size * 0.35, size * 0.2]);
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + size * 1.5, y);
    ctx.stroke();
    ctx.setLineDash([]);
  } else if (item.mark === "curve") {
    ctx.lineWidth = size * 0.14;
    ctx.beginPath();
    ctx.moveTo(x, y + r * 0.5);
    ctx.quadraticCurveTo(x + size * 0.8, y - r * 1.3, x + size * 1.6, y + r * 0.5);
    ctx.moveTo(x, y + r * 0.5);
    ctx.quadraticCurveTo(x + size * 0.8, y + r * 1.3, x + size * 1.6, y + r * 0.5);
    ctx.stroke();
  } else {
    ctx.lineWidth = size * 0.18;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + (item.mark === "arrow" ? size : size * 1.5), y);
    ctx.stroke();
    if (item.mark === "arrow") {
      ctx.beginPath();
      ctx.moveTo(x + size, y - r * 0.65);
      ctx.lineTo(x + size * 1.5, y);
      ctx.lineTo(x + size, y + r * 0.65);
      ctx.fill();
    }
  }
}

/** Paints a laid-out slide around its graph image. */
export function paintSlide(ctx: CanvasRenderingContext2D, layout: SlideLayout, graphImage: CanvasImageSource): void {
  ctx.fillStyle = layout.background;
  ctx.fillRect(0, 0, layout.width, layout.height);
  paintText(ctx, layout.title);
  paintText(ctx, layout.notices);
  const g = layout.graph;
  ctx.drawImage(graphImage, g.x, g.y, g.width, g.height);
  ctx.strokeStyle = "#dcdcd6";
  ctx.lineWidth = Math.max(1, layout.scale);
  ctx.strokeRect(g.x, g.y, g.width, g.height);
  const { rows, size, mark } = layout.legend;
  for (const row of rows) {
    if (row.title) {
      ctx.font = font(size * 0.9, true);
      ctx.fillStyle = "#6b6f78";
      ctx.fillText(row.title.toUpperCase(), row.x, row.y + size * 0.35);
      continue;
    }
    const item = row.item!;
    paintMark(ctx, item, row.x, row.y, mark);
    ctx.font = font(size);
    ctx.fillStyle = "#1d1f23";
    ctx.fillText(
      item.label + (item.count !== undefined ? ` (${item.count})` : ""),
      row.x + mark * 2,
      row.y + size * 0.35,
    );
  }
  paintText(ctx, layout.caption);
  paintText(ctx, layout.sources);
  paintText(ctx, layout.footer);
}

/** The slide as a PNG of width x height pixels. */
export async function exportSlidePng(view: SlideView, width: number, height: number): Promise<Blob> {
  checkExportSize(width, height);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("statecraft/export: this browser gives no 2D canvas");
  const layout = layoutSlide(view.content, width, height, canvasMeasure(ctx));
  const graph = await renderSceneGraph(
    view.scene,
    Math.round(layout.graph.width),
    Math.round(layout.graph.height),
    layout.scale,
  );
  paintSlide(ctx, layout, graph);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("statecraft/export: the browser could not encode the PNG"))),
      "image/png",
    ),
  );
}
