import { describe, expect, it } from "vitest";
import { componentsOf, groupCounts, parseGallery } from "./gallery";
import { agent, tool } from "./fixtures.test-util";

describe("gallery", () => {
  const gallery = { name: "g", metadata: {}, components: { agents: [agent("writer"), agent("critic")], tools: [tool] } };

  it("filters a group by label, provider, name or description", () => {
    expect(componentsOf(gallery, "agents", "crit").map((c) => c.config.name)).toEqual(["critic"]);
    expect(componentsOf(gallery, "agents", "AssistantAgent")).toHaveLength(2);
    expect(componentsOf(gallery, "models")).toEqual([]);
    expect(groupCounts(gallery).tools).toBe(1);
  });

  it("reads pasted galleries and says why one is not", () => {
    expect(parseGallery(JSON.stringify(gallery)).ok).toBe(true);
    const bad = parseGallery("{\"name\":\"x\"}");
    expect(bad.ok ? "" : bad.error).toContain("components");
  });
});
