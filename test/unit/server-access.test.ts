// The pure pieces of access.ts: which binds count as loopback, how a Host header is read and matched against the
// names the server answers to, and the token comparison.

import { describe, expect, it } from "vitest";
import { hostAllowed, isLoopbackBind, splitHost, tokenMatches } from "../../src/server/access.ts";

describe("server access", () => {
  it("should refuse Host headers that name another server, by default and with a list", () => {
    const cases: [string | undefined, string[] | undefined, boolean][] = [
      [undefined, undefined, false],
      ["", undefined, false],
      ["evil.example", undefined, false],
      ["localhost.evil.example:8080", undefined, false],
      ["127.0.0.2:8080", undefined, false],
      ["[::2]:8080", undefined, false],
      ["localhost:8080", ["statecraft.example"], false],
      ["statecraft.example:9090", ["statecraft.example:8080"], false],
      ["localhost", undefined, true],
      ["LocalHost:8080", undefined, true],
      ["127.0.0.1:1", undefined, true],
      ["[::1]:8080", undefined, true],
      ["statecraft.example:9090", ["localhost", "statecraft.example"], true],
      ["statecraft.example:8080", ["statecraft.example:8080"], true],
      ["[::1]:80", ["::1"], true],
    ];
    for (const [header, allowed, expected] of cases)
      expect(hostAllowed(header, allowed), `${header} ${String(allowed)}`).toBe(expected);
  });

  it("should split names from ports, IPv6 in brackets or bare", () => {
    expect(splitHost("Example.org:80")).toEqual({ name: "example.org", port: "80" });
    expect(splitHost("example.org")).toEqual({ name: "example.org" });
    expect(splitHost("[::1]:8080")).toEqual({ name: "::1", port: "8080" });
    expect(splitHost("[::1]")).toEqual({ name: "::1" });
    expect(splitHost("::1")).toEqual({ name: "::1" });
  });

  it("should count only loopback binds as loopback", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.10", "statecraft.example"])
      expect(isLoopbackBind(host)).toBe(false);
    for (const host of ["127.0.0.1", "::1", "[::1]", "localhost", "LOCALHOST"]) expect(isLoopbackBind(host)).toBe(true);
  });

  it("should match a token only when it is exactly the expected one", () => {
    const expected = "0123456789abcdef";
    for (const sent of [undefined, "", "0123456789abcde", "0123456789abcdef0", "0123456789ABCDEF"])
      expect(tokenMatches(sent, expected), String(sent)).toBe(false);
    expect(tokenMatches(expected, expected)).toBe(true);
  });
});
