// Builds the two render-benchmark pages (Statecraft's stack and plain sigma) the way the app is built: production
// mode, React plugin. The benchmark passes outDir; see test/bench/render-bench.ts.

import { resolve } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: "./",
  publicDir: false,
  logLevel: "warn",
  plugins: [react()],
  build: {
    emptyOutDir: true,
    chunkSizeWarningLimit: 5000,
    rolldownOptions: { input: { ours: resolve(here, "ours.html"), plain: resolve(here, "plain.html") } },
  },
});
