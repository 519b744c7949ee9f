// What the analyst has added to or pruned from the view, as two small sets over the data graph: `extra` holds the
// entities brought in beyond the initial load (expand, search, paths), `hidden` the ones hidden. An entity is in
// view when it was loaded initially or is extra, and is not hidden. Producers are pure: (args) => (view) => view.

export interface ViewContent {
  readonly extra: ReadonlySet<string>;
  readonly hidden: ReadonlySet<string>;
}

export const EMPTY_VIEW: ViewContent = { extra: new Set(), hidden: new Set() };

export function isInView(view: ViewContent, id: string, base: boolean): boolean {
  return (base || view.extra.has(id)) && !view.hidden.has(id);
}

function union(a: ReadonlySet<string>, ids: Iterable<string>): ReadonlySet<string> {
  const out = new Set(a);
  for (const id of ids) out.add(id);
  return out.size === a.size ? a : out;
}

function minus(a: ReadonlySet<string>, ids: Iterable<string>): ReadonlySet<string> {
  const out = new Set(a);
  for (const id of ids) out.delete(id);
  return out.size === a.size ? a : out;
}

function same(view: ViewContent, extra: ReadonlySet<string>, hidden: ReadonlySet<string>): ViewContent {
  return extra === view.extra && hidden === view.hidden ? view : { extra, hidden };
}

/** Brings entities into view (unhides them, and keeps them when they were not in the initial load). */
export const showNodes =
  (ids: readonly string[]) =>
  (view: ViewContent): ViewContent =>
    same(view, union(view.extra, ids), minus(view.hidden, ids));

/** Unhides entities (without making them extra: for ones that came with the initial load). */
export const unhideNodes =
  (ids: readonly string[]) =>
  (view: ViewContent): ViewContent =>
    same(view, view.extra, minus(view.hidden, ids));

export const hideNodes =
  (ids: readonly string[]) =>
  (view: ViewContent): ViewContent =>
    same(view, view.extra, union(view.hidden, ids));

/** Hides every entity in `visible` but those in `keep`, and makes sure `keep` is shown. */
export const hideOthers =
  (keep: readonly string[], visible: Iterable<string>) =>
  (view: ViewContent): ViewContent => {
    const keepSet = new Set(keep);
    const others: string[] = [];
    for (const id of visible) if (!keepSet.has(id)) others.push(id);
    return hideNodes(others)(showNodes(keep)(view));
  };

export const unhideAll =
  () =>
  (view: ViewContent): ViewContent =>
    view.hidden.size === 0 ? view : { extra: view.extra, hidden: new Set() };
