// The browser-side defences sent with every answer (@fastify/helmet), registered by app.ts before any route: a
// Content-Security-Policy that runs no inline script and lets no other site frame the app, X-Content-Type-Options
// nosniff, and no Referer sent anywhere. The offline HTML export of a deck is a file of its own, with its own policy.

import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * What the built app needs, and no more: its own scripts (Vite emits no inline script), the force layout's worker
 * (graphology builds it from a blob: URL), canvases turned into data: and blob: images for exports, and API calls to
 * its own origin. Inline styles stay allowed: React, CodeMirror and sigma set them, and a style runs no code.
 * 'wasm-unsafe-eval' lets the app compile WebAssembly of its own origin (the PDF export's font subsetter,
 * harfbuzz-subset.wasm) and nothing more: no eval, no inline script.
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'", "'wasm-unsafe-eval'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "worker-src": ["'self'", "blob:"],
  "manifest-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.register(helmet, {
    // Replaces helmet's defaults whole: upgrade-insecure-requests would send a plain-HTTP local server's own
    // requests to https.
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: "no-referrer" },
    // frame-ancestors 'none' in the header browsers that predate it read.
    xFrameOptions: { action: "deny" },
    // The server speaks plain HTTP; HTTPS (and so HSTS) is the business of the proxy in front of it.
    strictTransportSecurity: false,
  });
}
