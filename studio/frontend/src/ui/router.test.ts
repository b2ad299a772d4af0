import { describe, expect, it } from "vitest";
import { pageOf } from "./router";

describe("pageOf", () => {
  it("names the page of an address, the builder by default", () => {
    expect(pageOf("/playground")).toBe("playground");
    expect(pageOf("/gallery/anything")).toBe("gallery");
    expect(pageOf("/")).toBe("build");
    expect(pageOf("/unknown")).toBe("build");
  });
});
