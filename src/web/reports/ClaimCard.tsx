// A card per proposed claim: its reading and sentence, accept / reject, and its type (the registry's menu), ends,
// date and confidence to edit. Pointing at it or focusing inside it marks its sentence in the report's text.

import { RELATION_TYPES, type RelationType } from "../../model/relations.ts";
import { EndPicker } from "./EndPicker.tsx";
import { decide, editCard, hover, stillNegated, type ClaimCard as Card } from "./report-state.ts";
import { useReports, useReportState } from "./use-reports.ts";

/** `sentAs`: the card's place among the claims sent (-1 when not accepted), to tell which the server refused. */
export function ClaimCard({ card, sentAs }: { card: Card; sentAs: number }) {
  const reports = useReports();
  const bad = useReportState(
    (s) => s.badField === `card:${card.key}` || (sentAs >= 0 && !!s.badField?.startsWith(`claims[${sentAs}]`)),
  );
  const update = reports.store.update;
  const testId = `card-${card.key}`;
  return (
    <li
      className={`claim-card ${card.decision}${bad ? " bad" : ""}`}
      data-testid={testId}
      data-decision={card.decision}
      onMouseEnter={() => update(hover(card.key))}
      onMouseLeave={() => update(hover(null))}
      onFocus={() => update(hover(card.key))}
      aria-label={`Proposed claim ${card.key + 1}: ${card.from.name} ${card.type} ${card.to.name}`}
    >
      <div className="card-head">
        <span className="card-reading">
          {card.from.name} <strong>{card.type}</strong> {card.to.name}
        </span>
        <span className="muted small">
          {card.type === card.proposed.type ? `CAMEO ${card.proposed.cameo}` : "edited"}
        </span>
      </div>
      <blockquote className="card-sentence">{card.proposed.evidence.sentence}</blockquote>
      {stillNegated(card) && (
        <p className="warn-text small">The report says this did not happen: change the type or reject it.</p>
      )}
      <div className="card-fields">
        <label className="field">
          <span>Type</span>
          <select
            value={card.type}
            data-testid={`${testId}-type`}
            onChange={(e) => update(editCard(card.key, { type: e.target.value as RelationType }))}
          >
            {RELATION_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.type} ({t.reading})
              </option>
            ))}
          </select>
        </label>
        <EndPicker
          label="From"
          end={card.from}
          testId={`${testId}-from`}
          onChange={(from) => update(editCard(card.key, { from }))}
        />
        <EndPicker
          label="To"
          end={card.to}
          testId={`${testId}-to`}
          onChange={(to) => update(editCard(card.key, { to }))}
        />
        <div className="field-row">
          <label className="field">
            <span>Date</span>
            <input
              value={card.date}
              placeholder="YYYY-MM-DD"
              data-testid={`${testId}-date`}
              onChange={(e) => update(editCard(card.key, { date: e.target.value.trim() }))}
            />
          </label>
          <label className="field">
            <span>Confidence</span>
            <input
              type="number"
              min={0}
              max={1}
              step={0.05}
              value={card.confidence}
              data-testid={`${testId}-confidence`}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (e.target.value !== "" && Number.isFinite(value)) update(editCard(card.key, { confidence: value }));
              }}
            />
          </label>
        </div>
      </div>
      <div className="actions">
        <button
          aria-pressed={card.decision === "accepted"}
          className={card.decision === "accepted" ? "primary" : undefined}
          data-testid={`${testId}-accept`}
          onClick={() => update(decide(card.key, card.decision === "accepted" ? "pending" : "accepted"))}
        >
          {card.decision === "accepted" ? "✓ Accepted" : "Accept"}
        </button>
        <button
          aria-pressed={card.decision === "rejected"}
          data-testid={`${testId}-reject`}
          onClick={() => update(decide(card.key, card.decision === "rejected" ? "pending" : "rejected"))}
        >
          {card.decision === "rejected" ? "✗ Rejected" : "Reject"}
        </button>
      </div>
    </li>
  );
}
