// The presenter's keys as data: what each key does while a deck is shown (every other key is swallowed so the
// explorer's shortcuts never run underneath).

export type PresenterKey = "next" | "previous" | "first" | "last" | "notes" | "exit";

/** What a key does in the presenter (undefined: nothing, but the explorer must not see it either). */
export function presenterKey(key: string): PresenterKey | undefined {
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
    case "PageDown":
    case " ":
    case "Enter":
      return "next";
    case "ArrowLeft":
    case "ArrowUp":
    case "PageUp":
    case "Backspace":
      return "previous";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "n":
    case "N":
      return "notes";
    case "Escape":
      return "exit";
    default:
      return undefined;
  }
}
