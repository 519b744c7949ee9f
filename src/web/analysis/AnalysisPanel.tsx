// The Analysis tab: size entities by a centrality measure, find blocs (Louvain over cooperative relations) and
// list the unbalanced triads and "enemy of my enemy" pairs of the graph in view, each a sentence that brings its
// entities and relations into focus on the canvas.

import type { BalanceReport } from "../../model/balance.ts";
import { useMemo } from "react";
import { groupMembers } from "../../model/groups.ts";
import { useExplorer, useExplorerState, useVisibility } from "../app/context.ts";
import { foldInput } from "./group-fold.ts";
import { requestCamera, select } from "../state/explorer-state.ts";
import {
  setBalanceOn,
  setBlocsOn,
  setCollapsed,
  setFocus,
  setSizeBy,
  useAnalysis,
  type AnalysisState,
} from "./analysis-state.ts";
import { BETWEENNESS_EXACT_UP_TO, BETWEENNESS_SAMPLE, isMeasure, MEASURE_INFO, MEASURES } from "./centrality.ts";
import { useAnalysisStore } from "./use-views.ts";
import { ChangesSection } from "./ChangesSection.tsx";
import "./analysis.css";

function useName(): (id: string) => string {
  const { graph } = useExplorer();
  return (id) => (graph.hasNode(id) ? graph.getNodeAttribute(id, "label") : id);
}

function CentralitySection() {
  const store = useAnalysisStore();
  const name = useName();
  const sizeBy = useAnalysis(store, (s) => s.sizeBy);
  const scores = useAnalysis(store, (s) => s.scores);
  const top = scores
    ? Object.entries(scores.byId)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, 5)
    : [];
  return (
    <section className="analysis-section" aria-label="Centrality">
      <h3>Centrality</h3>
      <label className="analysis-row">
        Size entities by{" "}
        <select
          data-testid="size-by"
          value={sizeBy ?? ""}
          onChange={(e) => store.update(setSizeBy(isMeasure(e.target.value) ? e.target.value : null))}
        >
          <option value="">Number of relations (whole graph)</option>
          {MEASURES.map((m) => (
            <option key={m} value={m} title={MEASURE_INFO[m].description}>
              {MEASURE_INFO[m].label}
            </option>
          ))}
        </select>
      </label>
      {sizeBy === "betweenness" && (
        <p className="hint">
          Exact up to {BETWEENNESS_EXACT_UP_TO.toLocaleString("en")} entities in view; estimated from{" "}
          {BETWEENNESS_SAMPLE} sources beyond.
        </p>
      )}
      {top.length > 0 && (
        <ol className="analysis-top" data-testid="centrality-top">
          {top.map(([id, v]) => (
            <li key={id}>
              {name(id)} <span className="count">{formatScore(v)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function formatScore(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(3);
}

function BlocsSection() {
  const explorer = useExplorer();
  const store = useAnalysisStore();
  const name = useName();
  const on = useAnalysis(store, (s) => s.blocsOn);
  const result = useAnalysis(store, (s) => s.blocs);
  const show = (id: string) => {
    explorer.store.update(select({ kind: "entity", id }));
    explorer.store.update(requestCamera({ kind: "node", id }));
  };
  return (
    <section className="analysis-section" aria-label="Blocs">
      <h3>Blocs</h3>
      <button data-testid="blocs-toggle" onClick={() => store.update(setBlocsOn(!on))}>
        {on ? "Clear blocs" : "Find blocs"}
      </button>
      {on && result && result.blocs.length === 0 && (
        <p className="hint">No cooperative relations in view: no bloc to find.</p>
      )}
      {on && result && result.blocs.length > 0 && (
        <>
          <p className="hint">
            {result.blocs.length} blocs over cooperative relations (Louvain, modularity{" "}
            {Math.max(0, result.modularity).toFixed(2)})
          </p>
          <ol className="bloc-list" data-testid="bloc-list">
            {result.blocs.map((b) => (
              <li key={b.index}>
                <span className="bloc-swatch" style={{ background: b.color }} />
                <strong>Bloc {b.index}</strong> <span className="count">{b.members.length}</span>
                <div className="bloc-members">
                  {b.members.map((m) => (
                    <button key={m} className="link" onClick={() => show(m)}>
                      {name(m)}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function BalanceItems({
  items,
  focus,
  testId,
  onPick,
}: {
  items: readonly FocusItem[];
  focus: AnalysisState["focus"];
  testId: string;
  onPick: (item: FocusItem) => void;
}) {
  return (
    <ol className="balance-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key}>
          <button
            className={focus?.sentence === item.sentence ? "link active" : "link"}
            onClick={() => onPick(item)}
            title="Show on the canvas"
          >
            {item.sentence}
          </button>
        </li>
      ))}
    </ol>
  );
}

type FocusItem = NonNullable<AnalysisState["focus"]> & { key: string };

function balanceItems(
  report: BalanceReport,
  name: (id: string) => string,
): { triads: FocusItem[]; pairs: FocusItem[] } {
  const triads = report.unbalanced.map((t) => ({
    key: t.nodes.join("|"),
    title: `Unbalanced: ${t.nodes.map(name).join(", ")}`,
    sentence: t.sentence,
    nodes: [...t.nodes],
    relations: t.relations,
  }));
  const pairs = report.enemyOfEnemy.map((p) => ({
    key: `${p.a}|${p.b}`,
    title: `Enemy of my enemy: ${name(p.a)} and ${name(p.b)}`,
    sentence: p.sentence,
    nodes: [p.a, p.b, ...p.enemies],
    relations: p.relations,
  }));
  return { triads, pairs };
}

function BalanceSection() {
  const explorer = useExplorer();
  const store = useAnalysisStore();
  const on = useAnalysis(store, (s) => s.balanceOn);
  const report = useAnalysis(store, (s) => s.balance);
  const focus = useAnalysis(store, (s) => s.focus);
  const name = useName();
  const pick = ({ key: _key, ...item }: FocusItem) => {
    const same = focus?.sentence === item.sentence;
    store.update(setFocus(same ? null : item));
    if (!same) explorer.store.update(requestCamera({ kind: "nodes", ids: item.nodes }));
  };
  const { triads, pairs } = report ? balanceItems(report, name) : { triads: [], pairs: [] };
  return (
    <section className="analysis-section" aria-label="Balance">
      <h3>Structural balance</h3>
      <button data-testid="balance-toggle" onClick={() => store.update(setBalanceOn(!on))}>
        {on ? "Clear balance" : "Check balance"}
      </button>
      {focus && (
        <button className="link" onClick={() => store.update(setFocus(null))}>
          Clear focus
        </button>
      )}
      {on && report && (
        <>
          <p className="hint">
            Cooperative +1, hostile −1: {report.ties} signed pairs, {report.triads} triangles,{" "}
            {report.unbalanced.length} unbalanced.
          </p>
          <h4>Unbalanced triads</h4>
          {triads.length ? (
            <BalanceItems items={triads} focus={focus} testId="unbalanced-list" onPick={pick} />
          ) : (
            <p className="hint">None in view.</p>
          )}
          <h4>Enemy of my enemy, no relation of their own</h4>
          {pairs.length ? (
            <BalanceItems items={pairs} focus={focus} testId="enemy-pairs-list" onPick={pick} />
          ) : (
            <p className="hint">None in view.</p>
          )}
        </>
      )}
    </section>
  );
}

/** `lastSceneAt`: when the open deck's last scene was captured (for "since the deck's last scene"). */
function GroupsSection() {
  const explorer = useExplorer();
  const store = useAnalysisStore();
  const name = useName();
  const visibility = useVisibility();
  const collapsed = useAnalysis(store, (s) => s.collapsed);
  const graphVersion = useExplorerState((s) => s.graphVersion);
  const groups = useMemo(
    () => {
      const members = groupMembers(foldInput(explorer.graph));
      return [...members].filter(([g]) => visibility?.nodes.has(g) || collapsed.includes(g));
    },
    // graphVersion stands for the data graph's content
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [explorer, graphVersion, visibility, collapsed],
  );
  return (
    <section className="analysis-section" aria-label="Groups">
      <h3>Groups</h3>
      {groups.length === 0 ? (
        <p className="hint">No entity in view has MEMBER_OF or PART_OF members.</p>
      ) : (
        <ul className="group-list" data-testid="group-list">
          {groups.map(([g, members]) => {
            const closed = collapsed.includes(g);
            return (
              <li key={g} title={members.map(name).join(", ")}>
                <span>
                  {name(g)} <span className="count">{members.length}</span>
                </span>
                <button
                  data-testid={`group-toggle-${g}`}
                  onClick={() => store.update(setCollapsed(g, !closed))}
                  title={closed ? "Put the members back in place" : "Fold the members into the group"}
                >
                  {closed ? "Expand" : "Collapse"}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function AnalysisPanel({ lastSceneAt }: { lastSceneAt?: string | undefined }) {
  return (
    <div className="analysis-panel" data-testid="analysis-panel">
      <CentralitySection />
      <BlocsSection />
      <BalanceSection />
      <GroupsSection />
      <ChangesSection lastSceneAt={lastSceneAt} />
    </div>
  );
}
