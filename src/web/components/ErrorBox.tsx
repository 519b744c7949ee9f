// An error as the analyst should see it: what went wrong, what to do, and a retry button when one helps.

import type { ErrorReport } from "../api/errors.ts";

export function ErrorBox({ report, onRetry }: { report: ErrorReport; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <p>{report.message}</p>
      <p className="muted">{report.action}</p>
      {onRetry && <button onClick={onRetry}>Retry</button>}
    </div>
  );
}
