// The viewer inside the HTML export: slide navigation (buttons, arrow keys, PageUp/PageDown, Home/End, the URL
// hash), pan by dragging and zoom with the wheel over each slide's graph, and tooltips that show a relation's
// evidence and sources (or an entity's kind and description) from the deck JSON embedded in the page.
// html-export.ts inlines this function's source text into the file, so it must stay self-contained: no imports, no
// reference to anything outside its body, nothing but the DOM of the page it runs in.

export function statecraftViewer(): void {
  type Source = { id: string; title: string; publisher?: string; published?: string; url?: string; marking?: string };
  type Relation = {
    id: string;
    date?: string;
    validFrom?: string;
    validTo?: string;
    confidence: number;
    inference: boolean;
    note?: string;
    marking?: string;
    evidence: { source: string; text: string }[];
    events?: { count: number; goldstein: number; tone: number; firstSeen: string; lastSeen: string };
  };
  type Entity = { id: string; name: string; kind: string; description?: string };
  type SceneData = { id: string; entities: Entity[]; relations: Relation[]; sources: Source[] };
  type View = { x: number; y: number; k: number };

  const dataElement = document.getElementById("statecraft-deck");
  const deck = JSON.parse(dataElement?.textContent || "{}") as { title?: string; scenes?: SceneData[] };
  const scenes: SceneData[] = deck.scenes || [];
  const slides = Array.prototype.slice.call(document.querySelectorAll(".slide")) as HTMLElement[];
  const counter = document.getElementById("sc-counter");
  const tooltip = document.getElementById("sc-tooltip") as HTMLElement;
  const views: View[] = slides.map(() => ({ x: 0, y: 0, k: 1 }));
  let current = 0;
  let notesShown = false;

  function el(tag: string, className: string, text?: string): HTMLElement {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function formatDate(date?: string): string {
    if (!date) return "";
    const d = new Date(date + "T00:00:00Z");
    if (isNaN(d.getTime())) return date;
    return d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  }

  function when(r: Relation): string {
    if (r.date) return formatDate(r.date);
    if (r.validFrom && r.validTo) return formatDate(r.validFrom) + " – " + formatDate(r.validTo);
    if (r.validFrom) return "since " + formatDate(r.validFrom);
    if (r.validTo) return "until " + formatDate(r.validTo);
    return "undated";
  }

  function graphOf(slide: HTMLElement): SVGGElement | null {
    return slide.querySelector(".sc-graph");
  }

  function apply(index: number): void {
    const g = graphOf(slides[index]!);
    const v = views[index]!;
    if (g) g.setAttribute("transform", "translate(" + v.x + " " + v.y + ") scale(" + v.k + ")");
  }

  function hideTooltip(): void {
    tooltip.hidden = true;
  }

  function show(index: number): void {
    if (slides.length === 0) return;
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach((slide, i) => {
      slide.hidden = i !== current;
      const notes = slide.querySelector(".notes") as HTMLElement | null;
      if (notes) notes.hidden = !notesShown;
    });
    if (counter) counter.textContent = current + 1 + " / " + slides.length;
    hideTooltip();
    if (location.hash !== "#" + (current + 1)) history.replaceState(null, "", "#" + (current + 1));
  }

  /** A point of the page in the coordinates of the slide's graph viewport (before pan and zoom). */
  function localPoint(slide: HTMLElement, clientX: number, clientY: number): { x: number; y: number } | null {
    const viewport = slide.querySelector(".sc-viewport") as SVGGraphicsElement | null;
    const svg = slide.querySelector("svg") as SVGSVGElement | null;
    const matrix = viewport && viewport.getScreenCTM();
    if (!svg || !matrix) return null;
    const point = svg.createSVGPoint();
    point.x = clientX;
    point.y = clientY;
    const p = point.matrixTransform(matrix.inverse());
    return { x: p.x, y: p.y };
  }

  function relationTooltip(scene: SceneData, id: string, sentence: string): HTMLElement {
    const box = el("div", "tip");
    const relation = scene.relations.find((r) => r.id === id);
    box.appendChild(el("div", "tip-title", sentence));
    if (!relation) return box;
    const facts = [when(relation), "confidence " + Math.round(relation.confidence * 100) + "%"];
    if (relation.inference) facts.push("inferred by the analyst");
    if (relation.marking) facts.push(relation.marking);
    const ev = relation.events;
    if (ev) {
      // A feed relation: what its events add up to, worded as state/event-facts.ts words it (this body stands alone).
      const signed = (n: number, d: number) => (n > 0 ? "+" : n < 0 ? "−" : "") + Math.abs(n).toFixed(d);
      facts.push(ev.count + (ev.count === 1 ? " event" : " events"), "Goldstein " + signed(ev.goldstein, 1));
      facts.push("tone " + signed(ev.tone, 2));
      facts.push("seen " + (ev.firstSeen === ev.lastSeen ? ev.firstSeen : ev.firstSeen + " to " + ev.lastSeen));
    }
    box.appendChild(el("div", "tip-facts", facts.join(" · ")));
    if (relation.note) box.appendChild(el("div", "tip-note", relation.note));
    const list = el("ul", "tip-evidence");
    for (const e of relation.evidence) {
      const item = el("li", "");
      item.appendChild(el("blockquote", "", e.text));
      const source = scene.sources.find((s) => s.id === e.source);
      const parts = source ? [source.title] : ["source " + e.source];
      if (source && source.publisher) parts.push(source.publisher);
      if (source && source.published) parts.push(formatDate(source.published));
      if (source && source.marking) parts.push(source.marking);
      item.appendChild(el("div", "tip-source", parts.join(" · ")));
      if (source && source.url) item.appendChild(el("div", "tip-url", source.url));
      list.appendChild(item);
    }
    if (relation.evidence.length === 0) list.appendChild(el("li", "muted", "No evidence shown at this marking."));
    box.appendChild(list);
    return box;
  }

  function entityTooltip(scene: SceneData, id: string, name: string, kind: string): HTMLElement {
    const box = el("div", "tip");
    const entity = scene.entities.find((e) => e.id === id);
    box.appendChild(el("div", "tip-title", name));
    box.appendChild(el("div", "tip-facts", kind));
    if (entity && entity.description) box.appendChild(el("div", "tip-note", entity.description));
    return box;
  }

  function placeTooltip(clientX: number, clientY: number): void {
    const margin = 14;
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    let x = clientX + margin;
    let y = clientY + margin;
    if (x + width > window.innerWidth - 4) x = Math.max(4, clientX - width - margin);
    if (y + height > window.innerHeight - 4) y = Math.max(4, clientY - height - margin);
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  let drag: { slide: number; x: number; y: number; vx: number; vy: number; pointer: number } | null = null;

  slides.forEach((slide, index) => {
    const frame = slide.querySelector(".sc-graph-frame") as SVGGElement | null;
    if (!frame) return;
    frame.addEventListener("pointerdown", (event) => {
      const p = localPoint(slide, event.clientX, event.clientY);
      if (!p) return;
      const v = views[index]!;
      drag = { slide: index, x: p.x, y: p.y, vx: v.x, vy: v.y, pointer: event.pointerId };
      frame.setPointerCapture(event.pointerId);
      frame.classList.add("dragging");
      hideTooltip();
    });
    frame.addEventListener("pointermove", (event) => {
      if (drag && drag.slide === index && drag.pointer === event.pointerId) {
        const p = localPoint(slide, event.clientX, event.clientY);
        if (!p) return;
        const v = views[index]!;
        v.x = drag.vx + (p.x - drag.x);
        v.y = drag.vy + (p.y - drag.y);
        apply(index);
        return;
      }
      const target = event.target as Element;
      const edge = target.closest ? target.closest(".sc-edge") : null;
      const node = target.closest ? target.closest(".sc-node") : null;
      const scene = scenes[index];
      if (!scene || (!edge && !node)) {
        hideTooltip();
        return;
      }
      const key = edge ? "r:" + edge.getAttribute("data-relation") : "e:" + node!.getAttribute("data-entity");
      if (tooltip.hidden || tooltip.getAttribute("data-key") !== key) {
        tooltip.textContent = "";
        tooltip.appendChild(
          edge
            ? relationTooltip(scene, edge.getAttribute("data-relation") || "", edge.getAttribute("data-sentence") || "")
            : entityTooltip(
                scene,
                node!.getAttribute("data-entity") || "",
                node!.getAttribute("data-name") || "",
                node!.getAttribute("data-kind") || "",
              ),
        );
        tooltip.setAttribute("data-key", key);
        tooltip.hidden = false;
      }
      placeTooltip(event.clientX, event.clientY);
    });
    const endDrag = (event: PointerEvent) => {
      if (drag && drag.pointer === event.pointerId) {
        drag = null;
        frame.classList.remove("dragging");
      }
    };
    frame.addEventListener("pointerup", endDrag);
    frame.addEventListener("pointercancel", endDrag);
    frame.addEventListener("pointerleave", () => {
      if (!drag) hideTooltip();
    });
    frame.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const p = localPoint(slide, event.clientX, event.clientY);
        if (!p) return;
        const v = views[index]!;
        const k = Math.min(12, Math.max(0.2, v.k * Math.exp(-event.deltaY * 0.0015)));
        v.x = p.x - ((p.x - v.x) * k) / v.k;
        v.y = p.y - ((p.y - v.y) * k) / v.k;
        v.k = k;
        apply(index);
        hideTooltip();
      },
      { passive: false },
    );
    frame.addEventListener("dblclick", () => {
      views[index] = { x: 0, y: 0, k: 1 };
      apply(index);
    });
  });

  function reset(): void {
    views[current] = { x: 0, y: 0, k: 1 };
    apply(current);
  }

  function toggleNotes(): void {
    notesShown = !notesShown;
    show(current);
  }

  const click = (id: string, action: () => void) => {
    const button = document.getElementById(id);
    if (button) button.addEventListener("click", action);
  };
  click("sc-prev", () => show(current - 1));
  click("sc-next", () => show(current + 1));
  click("sc-reset", reset);
  click("sc-notes-toggle", toggleNotes);

  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " ") show(current + 1);
    else if (key === "ArrowLeft" || key === "PageUp") show(current - 1);
    else if (key === "Home") show(0);
    else if (key === "End") show(slides.length - 1);
    else if (key === "0") reset();
    else if (key === "n") toggleNotes();
    else if (key === "Escape") hideTooltip();
    else return;
    event.preventDefault();
  });

  window.addEventListener("hashchange", () => {
    const wanted = parseInt(location.hash.slice(1), 10);
    if (wanted >= 1 && wanted - 1 !== current) show(wanted - 1);
  });

  const start = parseInt(location.hash.slice(1), 10);
  show(start >= 1 ? start - 1 : 0);
  document.body.setAttribute("data-viewer", "ready");
}
