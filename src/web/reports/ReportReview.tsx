// The review of a report's proposals, over the canvas and the details panel while the Reports tab is open: the
// report's text with the actors and event words of the claims marked (and the sentence of the card pointed at), and a
// card per proposed claim. "Write" sends the accepted ones; the explorer then shows them.

import { useEffect, useRef } from "react";
import { useExplorerState } from "../app/context.ts";
import { ClaimCard } from "./ClaimCard.tsx";
import { piecesOf } from "./report-marks.ts";
import { acceptAllPending, setReviewOpen, type Review } from "./report-state.ts";
import { useReports, useReportState } from "./use-reports.ts";

function MarkedText({ review }: { review: Review }) {
  const hovered = useReportState((s) => s.hovered);
  const box = useRef<HTMLDivElement | null>(null);
  const pieces = piecesOf(review.text, review.cards, hovered, review.names);
  useEffect(() => {
    // The marked sentence may be below the fold of a long report.
    box.current?.querySelector(".hot")?.scrollIntoView?.({ block: "nearest" });
  }, [hovered]);
  return (
    <div
      className="report-marked"
      ref={box}
      data-testid="report-marked"
      aria-label="The report, with the claims' actors and events marked"
    >
      {pieces.map((p) => {
        const classes = [p.mark, p.hovered && "hot", p.claimed && "claimed"].filter(Boolean).join(" ");
        return classes ? (
          <mark key={p.start} className={classes} data-mark={p.mark ?? undefined}>
            {p.text}
          </mark>
        ) : (
          <span key={p.start}>{p.text}</span>
        );
      })}
    </div>
  );
}

export function ReportReview() {
  const reports = useReports();
  const tab = useExplorerState((s) => s.tab);
  const review = useReportState((s) => s.review);
  const open = useReportState((s) => s.reviewOpen);
  const busy = useReportState((s) => s.busy);
  if (tab !== "reports" || !open || !review) return null;
  const accepted = review.cards.filter((c) => c.decision === "accepted").length;
  const rejected = review.cards.filter((c) => c.decision === "rejected").length;
  // The server names a bad claim by its place among those sent (claims[i]): the accepted cards, in order.
  const sentOrder = review.cards.filter((c) => c.decision === "accepted").map((c) => c.key);
  return (
    <section className="report-review" data-testid="report-review" aria-label="Review of the report's proposed claims">
      <header className="review-head">
        <h2>Proposed claims</h2>
        <span className="muted">
          {review.cards.length} proposed · {accepted} accepted · {rejected} rejected
        </span>
        <div className="actions">
          <button onClick={() => reports.store.update(acceptAllPending)}>Accept the undecided</button>
          <button
            className="primary"
            disabled={!!busy || accepted === 0}
            onClick={() => void reports.accept()}
            data-testid="accept-claims"
          >
            Write {accepted} claim{accepted === 1 ? "" : "s"}
          </button>
          <button onClick={() => reports.store.update(setReviewOpen(false))}>Show the explorer</button>
        </div>
      </header>
      <div className="review-body">
        <MarkedText review={review} />
        <ol className="claim-cards" aria-label="Proposed claims">
          {review.cards.map((card) => (
            <ClaimCard key={card.key} card={card} sentAs={sentOrder.indexOf(card.key)} />
          ))}
        </ol>
      </div>
    </section>
  );
}
