// Fetches with the API client whenever the key changes, aborting the previous request: {data, error, loading}.

import { useEffect, useState } from "react";
import { describeError, type ErrorReport } from "../api/errors.ts";

export interface FetchState<T> {
  data: T | null;
  error: ErrorReport | null;
  loading: boolean;
}

export function useFetch<T>(
  key: string | null,
  load: (key: string, signal: AbortSignal) => Promise<T>,
  doing: string,
): FetchState<T> & { reload(): void } {
  const [state, setState] = useState<FetchState<T>>({ data: null, error: null, loading: false });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!key) {
      setState({ data: null, error: null, loading: false });
      return;
    }
    const abort = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    load(key, abort.signal)
      .then((data) => !abort.signal.aborted && setState({ data, error: null, loading: false }))
      .catch((e) => !abort.signal.aborted && setState({ data: null, error: describeError(e, doing), loading: false }));
    return () => abort.abort();
    // `load` and `doing` are stable per call site
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  return { ...state, reload: () => setAttempt((a) => a + 1) };
}
