import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.server";

describe("loadEnv", () => {
  it("defaults to the API on 127.0.0.1:3001", () => {
    expect(loadEnv({}).API_URL).toBe("http://127.0.0.1:3001");
  });

  it("follows API_PORT when API_URL is unset", () => {
    expect(loadEnv({ API_PORT: "4100" }).API_URL).toBe("http://127.0.0.1:4100");
  });

  it("takes API_URL as given, without a trailing slash", () => {
    expect(loadEnv({ API_URL: "https://api.example.org/", API_PORT: "4100" }).API_URL).toBe("https://api.example.org");
    expect(loadEnv({ API_URL: "http://10.0.0.5:8080/vep/" }).API_URL).toBe("http://10.0.0.5:8080/vep");
  });

  it("refuses a bad port or URL with a message naming the variable", () => {
    expect(() => loadEnv({ API_PORT: "70000" })).toThrow(/API_PORT/);
    expect(() => loadEnv({ API_URL: "not a url" })).toThrow(/API_URL/);
    expect(() => loadEnv({ API_URL: "ftp://example.org" })).toThrow(/API_URL/);
  });
});

describe("session settings", () => {
  it("makes a random signing secret when none is set, and refuses a short one", () => {
    expect(loadEnv({}).SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadEnv({}).SESSION_SECRET).not.toBe(loadEnv({}).SESSION_SECRET);
    expect(() => loadEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET/);
    expect(loadEnv({ COOKIE_SECURE: "true" }).COOKIE_SECURE).toBe(true);
  });
});
