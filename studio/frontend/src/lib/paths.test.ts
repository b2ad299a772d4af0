import { describe, expect, it } from "vitest";
import { getAt, parsePath, pathToString, setAt } from "./paths";

describe("paths", () => {
  it("writes and reads the server's path notation", () => {
    const path = ["config", "participants", 1, "config", "model_client"];
    expect(pathToString(path)).toBe("config.participants[1].config.model_client");
    expect(parsePath("component.config.participants[1].config.model_client")).toEqual(["component", ...path]);
  });

  it("sets without touching the original and removes array items", () => {
    const root = { a: [{ b: 1 }, { b: 2 }] };
    const changed = setAt(root, ["a", 0, "b"], 5);
    expect(getAt(changed, ["a", 0, "b"])).toBe(5);
    expect(root.a[0].b).toBe(1);
    expect(setAt(root, ["a", 0], undefined)).toEqual({ a: [{ b: 2 }] });
    expect(setAt({}, ["x", "y"], 1)).toEqual({ x: { y: 1 } });
  });
});
