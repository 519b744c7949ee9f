// The Briefings tab: pick or create a deck, capture the explorer's view as scenes, order and edit them (title,
// caption, speaker notes), refresh a scene from the database, present the deck, and export it (PNG, SVG, PDF, HTML,
// JSON) at a chosen marking level, or import a deck file; when the server wants its editor token for a save, ask for
// it. The work happens in briefing-actions.ts.

import { useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { MARKINGS, isMarking } from "../../model/marking.ts";
import { EditorTokenPrompt } from "../components/EditorTokenPrompt.tsx";
import { formatDate } from "../state/time-stops.ts";
import { PNG_SIZES } from "./png-sizes.ts";
import { Presenter } from "./Presenter.tsx";
import { RefreshDialog } from "./RefreshDialog.tsx";
import { editorTokenGiven, selectScene, setIncludeNotes, setLevel, setPngSize } from "./briefing-state.ts";
import { useBriefing, useBriefingState } from "./use-briefing.ts";
import "./briefing.css";

const SAVE_LABEL = {
  clean: "Saved",
  saved: "Saved",
  dirty: "Unsaved changes…",
  saving: "Saving…",
  error: "Not saved",
} as const;

function DeckPicker() {
  const briefing = useBriefing();
  const decks = useBriefingState((s) => s.decks);
  const deckStore = useBriefingState((s) => s.deckStore);
  const listError = useBriefingState((s) => s.listError);
  const deck = useBriefingState((s) => s.deck);
  const busy = useBriefingState((s) => s.busy);
  return (
    <div className="deck-picker">
      <div className="panel-row">
        <select
          aria-label="Deck"
          data-testid="deck-select"
          value={deck?.id ?? ""}
          disabled={!!busy}
          onChange={(e) => e.target.value && void briefing.open(e.target.value)}
        >
          <option value="">{decks?.length ? "Choose a deck…" : "No deck yet"}</option>
          {deck && !decks?.some((d) => d.id === deck.id) && <option value={deck.id}>{deck.title}</option>}
          {decks?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title} ({d.scenes} scene{d.scenes === 1 ? "" : "s"})
            </option>
          ))}
        </select>
        <button onClick={() => void briefing.create()} disabled={!!busy} data-testid="new-deck">
          New deck
        </button>
      </div>
      {listError && <p className="error-text">{listError}</p>}
      {deckStore && (
        <p className="muted small">Decks are kept {deckStore === "neo4j" ? "in Neo4j" : "in files on the server"}.</p>
      )}
    </div>
  );
}

function DeckInfo() {
  const briefing = useBriefing();
  const deck = useBriefingState((s) => s.deck)!;
  const save = useBriefingState((s) => s.save);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="deck-info">
      <label className="field">
        <span>Title</span>
        <input
          data-testid="deck-title"
          value={deck.title}
          maxLength={200}
          onChange={(e) => briefing.setInfo({ title: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Author</span>
          <input value={deck.author} maxLength={200} onChange={(e) => briefing.setInfo({ author: e.target.value })} />
        </label>
        <label className="field">
          <span>Date</span>
          <input
            type="date"
            value={deck.date}
            onChange={(e) => e.target.value && briefing.setInfo({ date: e.target.value })}
          />
        </label>
      </div>
      <div className="panel-row">
        <span
          className={save.status === "error" ? "save-status error-text" : "save-status muted"}
          data-testid="save-status"
          data-status={save.status}
          title={save.message}
        >
          {SAVE_LABEL[save.status]}
        </span>
        {save.status === "error" && <button onClick={() => void briefing.save()}>Retry</button>}
        {confirming ? (
          <span className="confirm">
            <button className="danger" onClick={() => void briefing.deleteDeck()}>
              Delete “{deck.title}”
            </button>
            <button onClick={() => setConfirming(false)}>Keep</button>
          </span>
        ) : (
          <button className="link" onClick={() => setConfirming(true)}>
            Delete deck
          </button>
        )}
      </div>
      {save.status === "error" && save.message && <p className="error-text">{save.message}</p>}
    </div>
  );
}

function SceneEditor({ index }: { index: number }) {
  const briefing = useBriefing();
  const scene = useBriefingState((s) => s.deck?.scenes[index]);
  const busy = useBriefingState((s) => s.busy);
  if (!scene) return null;
  return (
    <div className="scene-editor" data-testid="scene-editor">
      <label className="field">
        <span>Slide title</span>
        <input
          data-testid="scene-title"
          value={scene.title}
          maxLength={200}
          onChange={(e) => briefing.updateScene(index, { title: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Caption</span>
        <textarea
          data-testid="scene-caption"
          rows={3}
          value={scene.caption}
          onChange={(e) => briefing.updateScene(index, { caption: e.target.value })}
        />
      </label>
      <label className="field">
        <span>Speaker notes</span>
        <textarea
          data-testid="scene-notes"
          rows={3}
          value={scene.notes}
          onChange={(e) => briefing.updateScene(index, { notes: e.target.value })}
        />
      </label>
      <p className="muted small">
        {scene.entities.length} entities · {scene.relations.length} relations · {scene.sources.length} sources · frozen{" "}
        {formatDate(scene.capturedAt.slice(0, 10))}
        {scene.refreshedAt && `, refreshed ${formatDate(scene.refreshedAt.slice(0, 10))}`}
      </p>
      <div className="actions">
        <button onClick={() => void briefing.openScene(index)} disabled={!!busy}>
          Open in explorer
        </button>
        <button onClick={() => void briefing.startRefresh(index)} disabled={!!busy} data-testid="refresh-scene">
          Refresh from database
        </button>
      </div>
    </div>
  );
}

function SceneList() {
  const briefing = useBriefing();
  const scenes = useBriefingState((s) => s.deck?.scenes ?? []);
  const selected = useBriefingState((s) => s.selected);
  if (scenes.length === 0) {
    return <p className="muted">No scene yet: set up the explorer's view, then capture it.</p>;
  }
  return (
    <>
      <ol className="scene-list" data-testid="scene-list">
        {scenes.map((scene, i) => (
          <li
            key={scene.id}
            className={i === selected ? "scene-item selected" : "scene-item"}
            data-testid="scene-item"
            aria-current={i === selected}
          >
            <button className="scene-name" onClick={() => briefing.store.update(selectScene(i))} title={scene.caption}>
              <span className="scene-number">{i + 1}</span> {scene.title || "Untitled scene"}
            </button>
            <span className="scene-buttons">
              <button onClick={() => briefing.move(i, i - 1)} disabled={i === 0} aria-label={`Move scene ${i + 1} up`}>
                ↑
              </button>
              <button
                onClick={() => briefing.move(i, i + 1)}
                disabled={i === scenes.length - 1}
                aria-label={`Move scene ${i + 1} down`}
              >
                ↓
              </button>
              <button onClick={() => briefing.duplicate(i)} aria-label={`Duplicate scene ${i + 1}`} title="Duplicate">
                Copy
              </button>
              <button onClick={() => briefing.remove(i)} aria-label={`Delete scene ${i + 1}`} title="Delete">
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <SceneEditor index={selected} />
    </>
  );
}

/** Opens a deck exported as JSON (from this or another Statecraft); offered with or without a deck open. */
function ImportDeck() {
  const briefing = useBriefing();
  const busy = useBriefingState((s) => s.busy);
  return (
    <label className="field import">
      <span>Import a deck (.json)</span>
      <input
        type="file"
        accept="application/json,.json"
        data-testid="import-deck"
        disabled={!!busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void briefing.importFile(file);
        }}
      />
    </label>
  );
}

function Exports() {
  const briefing = useBriefing();
  const { store } = briefing;
  const level = useBriefingState((s) => s.level);
  const includeNotes = useBriefingState((s) => s.includeNotes);
  const pngSize = useBriefingState((s) => s.pngSize);
  const selected = useBriefingState((s) => s.selected);
  const count = useBriefingState((s) => s.deck?.scenes.length ?? 0);
  const busy = useBriefingState((s) => s.busy);
  const none = count === 0 || !!busy;
  return (
    <section className="exports" aria-label="Export">
      <h3>Export</h3>
      <label className="field">
        <span>Leave out anything marked above</span>
        <select
          data-testid="export-level"
          value={level}
          onChange={(e) => isMarking(e.target.value) && store.update(setLevel(e.target.value))}
        >
          {MARKINGS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={includeNotes}
          onChange={(e) => store.update(setIncludeNotes(e.target.checked))}
        />
        <span>Include speaker notes (HTML, JSON)</span>
      </label>
      <div className="panel-row">
        <span className="muted">Slide {count ? selected + 1 : "–"}:</span>
        <select
          aria-label="PNG size"
          data-testid="png-size"
          value={pngSize}
          onChange={(e) => store.update(setPngSize(Number(e.target.value)))}
        >
          {PNG_SIZES.map((size, i) => (
            <option key={size.label} value={i}>
              {size.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button disabled={none} onClick={() => void briefing.exportPng(selected)} data-testid="export-png">
          PNG
        </button>
        <button disabled={none} onClick={() => void briefing.exportSvg(selected)} data-testid="export-svg">
          SVG
        </button>
        <button disabled={none} onClick={() => void briefing.exportPdf()} data-testid="export-pdf">
          PDF
        </button>
        <button disabled={none} onClick={() => void briefing.exportHtml()} data-testid="export-html">
          HTML
        </button>
        <button disabled={none} onClick={() => briefing.exportJson()} data-testid="export-json">
          JSON
        </button>
      </div>
      <ImportDeck />
    </section>
  );
}

export function BriefingsPanel() {
  const briefing = useBriefing();
  const deck = useBriefingState((s) => s.deck);
  const busy = useBriefingState((s) => s.busy);
  const notice = useBriefingState((s) => s.notice);
  const refresh = useBriefingState((s) => s.refresh);
  const presenting = useBriefingState((s) => s.presenting);
  const level = useBriefingState((s) => s.level);
  const selected = useBriefingState((s) => s.selected);
  const decksLoaded = useBriefingState((s) => s.decks !== null);
  const tokenPrompt = useBriefingState((s) => s.tokenPrompt);

  useEffect(() => {
    if (!decksLoaded) void briefing.loadList();
  }, [briefing, decksLoaded]);

  const refreshing = refresh && deck?.scenes.find((s) => s.id === refresh.sceneId);
  return (
    <div className="briefings" data-testid="briefings">
      <h2>Briefings</h2>
      <DeckPicker />
      {tokenPrompt !== null && (
        <EditorTokenPrompt
          reason={tokenPrompt}
          purpose="save or delete decks"
          testId="token-prompt"
          onGive={(token) => void briefing.giveEditorToken(token)}
          onDismiss={() => briefing.store.update(editorTokenGiven)}
        />
      )}
      {deck && <DeckInfo />}
      <div className="actions">
        <button className="primary" onClick={() => void briefing.capture()} disabled={!!busy} data-testid="capture">
          Capture current view
        </button>
        <button
          onClick={() => briefing.present(selected)}
          disabled={!deck?.scenes.length || !!busy}
          data-testid="present"
          title="Present from the selected scene"
        >
          ▶ Present
        </button>
      </div>
      {busy && (
        <p className="busy" role="status">
          {busy}
        </p>
      )}
      {notice && (
        <p
          className={notice.tone === "error" ? "briefing-notice error-text" : "briefing-notice"}
          role="status"
          data-testid="briefing-notice"
        >
          {notice.text}
        </p>
      )}
      {deck && <SceneList />}
      {deck ? <Exports /> : <ImportDeck />}
      {refreshing && refresh && (
        <RefreshDialog
          title={refreshing.title}
          pending={refresh}
          onAccept={() => briefing.acceptRefresh()}
          onDismiss={() => briefing.dismissRefresh()}
        />
      )}
      {deck &&
        presenting !== null &&
        createPortal(
          <Presenter
            deck={deck}
            level={level}
            index={presenting}
            onIndex={(i) => briefing.present(i)}
            onExit={() => briefing.stopPresenting()}
          />,
          document.body,
        )}
    </div>
  );
}
