// Over the top of the canvas after opening a link: each value of it that was left out or corrected, by name, until
// the reader dismisses the notice. The URL itself has already been rewritten without them.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { dismissUrlProblems } from "../state/explorer-state.ts";

/** A hand-made link can hold hundreds of bad values: the first few are named, the rest counted. */
const SHOWN = 8;

export function UrlProblemsNotice() {
  const { store } = useExplorer();
  const problems = useExplorerState((s) => s.urlProblems);
  if (problems.length === 0) return null;
  return (
    <div className="url-problems" role="status" data-testid="url-problems">
      <div>
        <p className="url-problems-title">This link held values the explorer cannot use:</p>
        <ul>
          {problems.slice(0, SHOWN).map((p) => (
            <li key={`${p.param}=${p.value}`}>{p.message}</li>
          ))}
          {problems.length > SHOWN && <li>and {problems.length - SHOWN} more</li>}
        </ul>
      </div>
      <button
        className="link"
        aria-label="Dismiss the link's problems"
        onClick={() => store.update(dismissUrlProblems())}
      >
        ×
      </button>
    </div>
  );
}
