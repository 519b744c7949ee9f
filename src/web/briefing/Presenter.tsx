// Presenter mode: the deck full screen (the Fullscreen API, else a full-window overlay), one scene per slide with
// its title, caption, legend and numbered sources, the camera moving from slide to slide. Arrow keys, PageUp and
// PageDown, Space and clicks step through; "n" shows the speaker notes and the next slide; Escape (or leaving full
// screen) returns to the explorer. Keys are taken before the explorer's shortcuts see them.

import { useEffect, useMemo, useRef, useState } from "react";
import type { Deck } from "../../model/deck.ts";
import type { Marking } from "../../model/marking.ts";
import { SlideFootnotes, SlideLegend } from "./SlideLegend.tsx";
import { SlideStage } from "./SlideStage.tsx";
import { presenterKey } from "./presenter-keys.ts";
import { prepareDeck } from "./slide-view.ts";
import { slideToSvg } from "./svg-export.ts";

export function Presenter({
  deck,
  level,
  index,
  onIndex,
  onExit,
}: {
  deck: Deck;
  level: Marking;
  index: number;
  onIndex: (index: number) => void;
  onExit: () => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const views = useMemo(() => prepareDeck(deck, level), [deck, level]);
  const [notesOpen, setNotesOpen] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const view = views[index];
  const next = views[index + 1];
  const last = views.length - 1;

  const step = (to: number) => onIndex(Math.max(0, Math.min(last, to)));

  // Keys: capture phase on the window, so the explorer's shortcuts never run underneath.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      event.stopPropagation();
      const action = presenterKey(event.key);
      if (!action) return;
      event.preventDefault();
      if (action === "next") step(index + 1);
      else if (action === "previous") step(index - 1);
      else if (action === "first") step(0);
      else if (action === "last") step(last);
      else if (action === "notes") setNotesOpen((open) => !open);
      else onExit();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  });

  // Full screen when the browser allows it; the overlay already covers the window when it does not.
  useEffect(() => {
    const element = root.current;
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement === element) {
        entered = true;
        setFullscreen(true);
      } else if (entered) {
        // Escape in full screen is the browser's: it leaves full screen without a key event for the page.
        entered = false;
        setFullscreen(false);
        onExit();
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    element?.focus();
    if (element && typeof element.requestFullscreen === "function") {
      element.requestFullscreen().catch(() => setFullscreen(false));
    }
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      if (document.fullscreenElement === element) void document.exitFullscreen().catch(() => {});
    };
    // once per presenter; onExit is stable enough for the lifetime of the overlay
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const preview = useMemo(
    () =>
      notesOpen && next ? slideToSvg(next, { width: 640, height: 360, standalone: false, idPrefix: "next-" }) : "",
    [notesOpen, next],
  );

  if (!view) return null;
  return (
    <div
      className={fullscreen ? "presenter fullscreen" : "presenter"}
      ref={root}
      tabIndex={-1}
      role="dialog"
      aria-label={`Presenting ${deck.title}`}
      data-testid="presenter"
      data-index={index}
    >
      <div
        className="presenter-slide"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("button, a, .slide-footnotes")) return;
          step(event.shiftKey ? index - 1 : index + 1);
        }}
      >
        <header className="presenter-head">
          <h1 data-testid="presenter-title">{view.content.title}</h1>
          {view.notices.map((n) => (
            <p key={n} className="presenter-notice" data-testid="presenter-notice">
              {n}
            </p>
          ))}
        </header>
        <div className="presenter-body">
          <SlideStage views={views} index={index} />
          <SlideLegend sections={view.legend} />
        </div>
        {view.content.caption && (
          <p className="presenter-caption" data-testid="presenter-caption">
            {view.content.caption}
          </p>
        )}
        <SlideFootnotes notes={view.footnotes.notes} />
      </div>
      {notesOpen && (
        <aside className="presenter-notes" data-testid="presenter-notes">
          <h2>Speaker notes</h2>
          <div className="notes-text">
            {view.scene.notes || <span className="muted">No notes for this slide.</span>}
          </div>
          <h2>Next</h2>
          {next ? (
            <>
              <div className="next-title">{next.content.title}</div>
              <div className="next-preview" dangerouslySetInnerHTML={{ __html: preview }} />
            </>
          ) : (
            <div className="muted">This is the last slide.</div>
          )}
        </aside>
      )}
      <nav className="presenter-controls" aria-label="Presenter controls">
        <button onClick={() => step(index - 1)} disabled={index === 0} title="Previous (←, PageUp)">
          ‹
        </button>
        <span className="presenter-count" data-testid="presenter-count">
          {index + 1} / {views.length}
        </span>
        <button onClick={() => step(index + 1)} disabled={index === last} title="Next (→, PageDown, Space)">
          ›
        </button>
        <button
          onClick={() => setNotesOpen(!notesOpen)}
          aria-pressed={notesOpen}
          title="Speaker notes and next slide (n)"
        >
          Notes
        </button>
        <button onClick={onExit} title="Back to the explorer (Escape)">
          Exit
        </button>
      </nav>
    </div>
  );
}
