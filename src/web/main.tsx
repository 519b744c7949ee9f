// Entry point: creates the explorer (data graph, UI store, actions), mounts the app and starts loading from the URL.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { createExplorer } from "./app/explorer.ts";
import "./styles.css";

const explorer = createExplorer();
const root = document.getElementById("root");
if (!root) throw new Error("statecraft/web: no #root element in index.html");
createRoot(root).render(
  <StrictMode>
    <App explorer={explorer} />
  </StrictMode>,
);
void explorer.start(window.location.search);
