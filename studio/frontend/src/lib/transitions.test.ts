import { describe, expect, it } from "vitest";
import { transitions } from "./transitions";
import type { ChatMessage } from "../api/types";

const m = (source: string, type = "TextMessage"): ChatMessage => ({ type, source, content: "" });

describe("transitions", () => {
  it("counts who spoke after whom, a turn with tool calls once", () => {
    const g = transitions([
      m("user"), m("writer", "ToolCallRequestEvent"), m("writer", "ToolCallExecutionEvent"), m("writer"),
      m("critic"), m("writer"), m("critic"),
    ], ["writer", "critic", "editor"]);
    expect(g.speakers).toEqual(["user", "writer", "critic", "editor"]);
    expect(g.transitions).toEqual([
      { source: "user", target: "writer", count: 1 },
      { source: "writer", target: "critic", count: 2 },
      { source: "critic", target: "writer", count: 1 },
    ]);
    expect(g.current).toBe("critic");
  });

  it("is empty before the first message", () => {
    expect(transitions([], ["a"])).toEqual({ speakers: ["a"], transitions: [], current: null });
  });
});
