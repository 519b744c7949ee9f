// The Reports tab: the report to read (pasted, or a .txt/.html file dropped or chosen), what its Source will say
// (title, address, date), the dataset its accepted claims go to, and the buttons that ask the coder for proposals
// and write the accepted ones. The proposals are reviewed in ReportReview, over the canvas.

import { useId, useState, type DragEvent } from "react";
import { editDraft, setReviewOpen, tokenGiven, type ReportDraft } from "./report-state.ts";
import { useReports, useReportState } from "./use-reports.ts";
import { EditorTokenPrompt } from "../components/EditorTokenPrompt.tsx";
import "./reports.css";

function DraftField({ name, label, placeholder }: { name: keyof ReportDraft; label: string; placeholder?: string }) {
  const reports = useReports();
  const value = useReportState((s) => s.draft[name]);
  const bad = useReportState((s) => s.badField === name || s.badField === `source.${name}`);
  return (
    <label className="field">
      <span>{label}</span>
      <input
        value={value}
        placeholder={placeholder}
        aria-invalid={bad || undefined}
        data-testid={`report-${name}`}
        onChange={(e) => reports.store.update(editDraft({ [name]: e.target.value }))}
      />
    </label>
  );
}

function ReportText() {
  const reports = useReports();
  const text = useReportState((s) => s.draft.text);
  const fileName = useReportState((s) => s.draft.fileName);
  const [dragging, setDragging] = useState(false);
  const fileId = useId();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void reports.loadFile(file);
  };
  return (
    <div
      className={dragging ? "report-drop dragging" : "report-drop"}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label className="field">
        <span>Report text {fileName && <span className="muted">({fileName})</span>}</span>
        <textarea
          rows={9}
          value={text}
          data-testid="report-text"
          placeholder="Paste a news report here, or drop a .txt or .html file"
          onChange={(e) => reports.store.update(editDraft({ text: e.target.value }))}
        />
      </label>
      <label className="file-pick" htmlFor={fileId}>
        Open a .txt or .html file…
      </label>
      <input
        id={fileId}
        className="visually-hidden"
        type="file"
        accept=".txt,.text,.html,.htm,text/plain,text/html"
        data-testid="report-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void reports.loadFile(file);
          e.target.value = "";
        }}
      />
    </div>
  );
}

export function ReportsPanel() {
  const reports = useReports();
  const busy = useReportState((s) => s.busy);
  const notice = useReportState((s) => s.notice);
  const review = useReportState((s) => s.review);
  const reviewOpen = useReportState((s) => s.reviewOpen);
  const tokenPrompt = useReportState((s) => s.tokenPrompt);
  const accepted = review?.cards.filter((c) => c.decision === "accepted").length ?? 0;
  return (
    <div className="reports" data-testid="reports">
      <h2>Reports</h2>
      <ReportText />
      <DraftField name="title" label="Title (the source's; else the first line)" />
      <DraftField name="url" label="Address (URL)" placeholder="https://…" />
      <div className="field-row">
        <DraftField name="published" label="Published" placeholder="YYYY-MM-DD" />
        <DraftField name="dataset" label="Dataset" />
      </div>
      <div className="actions">
        <button className="primary" onClick={() => void reports.propose()} disabled={!!busy} data-testid="propose">
          Propose claims
        </button>
        {review && (
          <button onClick={() => reports.store.update(setReviewOpen(!reviewOpen))} data-testid="toggle-review">
            {reviewOpen ? "Show the explorer" : `Review ${review.cards.length} proposals`}
          </button>
        )}
        {review && (
          <button
            className="primary"
            onClick={() => void reports.accept()}
            disabled={!!busy || accepted === 0}
            data-testid="accept-side"
          >
            Write {accepted} accepted
          </button>
        )}
      </div>
      {busy && (
        <p className="busy" role="status">
          {busy}
        </p>
      )}
      {tokenPrompt !== null && (
        <EditorTokenPrompt
          reason={tokenPrompt}
          purpose="write claims"
          testId="report-token-prompt"
          onGive={(token) => void reports.giveEditorToken(token)}
          onDismiss={() => reports.store.update(tokenGiven)}
        />
      )}
      {notice && (
        <p
          className={notice.tone === "error" ? "error-text" : "muted"}
          role={notice.tone === "error" ? "alert" : "status"}
          data-testid="report-notice"
        >
          {notice.text}
        </p>
      )}
      <p className="muted small">
        Accepted claims are written to the dataset named above (a YAML file under the data folder on the embedded store;
        Neo4j otherwise), with the report as their source.
      </p>
    </div>
  );
}
