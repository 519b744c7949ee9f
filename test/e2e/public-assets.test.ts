// The static assets of public/ (favicon, icons, web manifest, robots.txt) in the real build, served by the real
// server: every file the page and the manifest link to answers with its type, the icons are the sizes they claim,
// and robots.txt keeps crawlers off the API.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePng } from "./png.ts";
import { startServer, type RunningServer } from "./server.ts";

let server: RunningServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

async function get(path: string): Promise<Response> {
  const res = await fetch(server.url + path);
  expect(res.status, path).toBe(200);
  return res;
}

describe("public assets", () => {
  it("should answer 404 for an icon the build does not have", async () => {
    expect((await fetch(server.url + "/icon-1024.png")).status).toBe(404);
  });

  it("should serve every icon and the manifest that index.html links to", async () => {
    const html = await (await get("/")).text();
    const links = [...html.matchAll(/<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"/g)].map((m) => m[2]!);
    expect(links).toEqual(["/favicon.ico", "/favicon.svg", "/apple-touch-icon.png", "/manifest.webmanifest"]);

    const svg = await get("/favicon.svg");
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);

    // An ICO directory (reserved 0, type 1) whose entries are PNG images of the sizes the directory states.
    const ico = Buffer.from(await (await get("/favicon.ico")).arrayBuffer());
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i++) {
      const entry = 6 + 16 * i;
      const size = ico.readUInt8(entry);
      const image = decodePng(
        ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)),
      );
      expect([image.width, image.height]).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual([16, 32, 48]);

    const touch = decodePng(Buffer.from(await (await get("/apple-touch-icon.png")).arrayBuffer()));
    expect([touch.width, touch.height]).toEqual([180, 180]);
  });

  it("should serve a web manifest whose icons exist at the sizes it declares", async () => {
    const res = await get("/manifest.webmanifest");
    expect(res.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as { name: string; start_url: string; icons: { src: string; sizes: string }[] };
    expect(manifest).toMatchObject({ name: "Statecraft explorer", start_url: "/" });
    for (const icon of manifest.icons) {
      const file = await get(icon.src);
      if (icon.sizes === "any") {
        expect(await file.text(), icon.src).toMatch(/<svg /);
        continue;
      }
      const image = decodePng(Buffer.from(await file.arrayBuffer()));
      expect(`${image.width}x${image.height}`, icon.src).toBe(icon.sizes);
    }
  });

  it("should serve robots.txt keeping crawlers off the API", async () => {
    const res = await get("/robots.txt");
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toMatch(/^User-agent: \*\nDisallow: \/api\/$/m);
  });
});
