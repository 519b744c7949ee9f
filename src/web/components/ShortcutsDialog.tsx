// The "?" dialog: every keyboard shortcut, listed from the registry.

import { useExplorer, useExplorerState } from "../app/context.ts";
import { SHORTCUTS } from "../state/shortcuts.ts";
import { closeDialog } from "../state/explorer-state.ts";

export function ShortcutsDialog() {
  const { store } = useExplorer();
  const open = useExplorerState((s) => s.dialog === "shortcuts");
  if (!open) return null;
  const close = () => store.update(closeDialog());
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div className="dialog" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}>
                <td>
                  {s.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{s.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button onClick={close}>Close</button>
      </div>
    </div>
  );
}
