import { describe, expect, it } from "vitest";
import { contentParts, contentText, emptyRun, fromStoredRun, runReducer, totalUsage, type RunAction, type RunView } from "./runState";
import type { ChatMessage, ServerFrame } from "../api/types";

const msg = (source: string, content: string, id: string, usage?: [number, number]): ChatMessage => ({
  type: "TextMessage", source, content, id,
  models_usage: usage ? { prompt_tokens: usage[0], completion_tokens: usage[1] } : null,
});

function play(actions: RunAction[], from: RunView = emptyRun): RunView {
  return actions.reduce(runReducer, from);
}
const frame = (f: ServerFrame): RunAction => ({ type: "frame", frame: f });

describe("runReducer", () => {
  it("keeps messages in order, once each, and ends with the result's stop reason", () => {
    const state = play([
      { type: "start", runId: 7, task: "Write" },
      frame({ type: "system", status: "connected" }),
      frame({ type: "message", data: msg("user", "Write", "1") }),
      frame({ type: "message_chunk", data: { type: "ModelClientStreamingChunkEvent", source: "writer", content: "Dra" } }),
      frame({ type: "message", data: msg("writer", "Draft", "2", [10, 5]) }),
      frame({ type: "message", data: msg("writer", "Draft", "2", [10, 5]) }),
      frame({ type: "message", data: msg("critic", "APPROVE", "3", [3, 1]) }),
      frame({ type: "result", status: "complete", data: { task_result: { messages: [], stop_reason: "Text 'APPROVE' mentioned" } } }),
      frame({ type: "message", data: msg("late", "ignored", "4") }),
    ]);
    expect(state.messages.map((m) => m.source)).toEqual(["user", "writer", "critic"]);
    expect(state.status).toBe("complete");
    expect(state.streaming).toBe("");
    expect(state.stopReason).toBe("Text 'APPROVE' mentioned");
    expect(totalUsage(state.messages)).toEqual({ prompt: 13, completion: 6 });
  });

  it("asks for input, clears the prompt once answered", () => {
    let state = play([{ type: "start", runId: 1, task: "t" }, frame({ type: "input_request", prompt: "Enter your response: " })]);
    expect(state.status).toBe("awaiting_input");
    expect(state.inputPrompt).toBe("Enter your response: ");
    state = runReducer(state, { type: "input_sent" });
    expect(state.inputPrompt).toBeNull();
    expect(state.status).toBe("active");
  });

  it("tells a cancelled run from a failed one, and a closed socket from both", () => {
    const cancelled = play([{ type: "start", runId: 1, task: "t" }, frame({
      type: "completion", status: "cancelled",
      data: { task_result: { messages: [msg("user", "Cancelled by user", "x")], stop_reason: "Cancelled by user" } },
    })]);
    expect([cancelled.status, cancelled.stopReason, cancelled.error]).toEqual(["stopped", "Cancelled by user", null]);
    const failed = play([{ type: "start", runId: 1, task: "t" }, frame({
      type: "completion", status: "error",
      data: { task_result: { messages: [msg("system", "boom", "x")], stop_reason: "An error occurred" } },
    })]);
    expect([failed.status, failed.error]).toEqual(["error", "boom"]);
    const closed = play([{ type: "start", runId: 1, task: "t" }, { type: "socket_closed" }]);
    expect([closed.status, closed.stopReason]).toEqual(["stopped", "Connection closed"]);
    expect(runReducer(cancelled, { type: "socket_closed" })).toBe(cancelled);
    const refused = play([{ type: "start", runId: 1, task: "t" }, frame({ type: "system", status: "connected" }),
      frame({ type: "error", error: "This run cannot stop after a turn" })]);
    expect([refused.status, refused.error]).toEqual(["active", "This run cannot stop after a turn"]);
  });

  it("shows a stored run as the live one was", () => {
    const view = fromStoredRun({
      id: "5", status: "complete", task: { source: "user", content: [{ type: "TextMessage", source: "user", content: "Write" }] },
      team_result: { task_result: { messages: [], stop_reason: "done" } },
      messages: [{ id: 1, config: msg("user", "Write", "1") }, { id: 2, config: msg("writer", "Draft", "2") }],
    });
    expect(view.task).toBe("Write");
    expect(view.messages.map((m) => m.source)).toEqual(["user", "writer"]);
    expect(view.stopReason).toBe("done");
  });

  it("writes non-text content readably", () => {
    expect(contentText({ type: "ToolCallRequestEvent", source: "a", content: [{ name: "calc", arguments: "{}" }] }))
      .toContain("\"name\": \"calc\"");
  });
});

describe("contentParts", () => {
  it("shows a live image's data URL and a stored image's base64 as images, the rest as text", () => {
    const live: ChatMessage = { type: "MultiModalMessage", source: "user", id: "1",
      content: ["Image: dot.png", { url: "data:image/png;base64,iVBOR", alt: "Image" }] };
    const stored: ChatMessage = { type: "MultiModalMessage", source: "user", id: "2",
      content: ["Image: dot.png", { data: "iVBOR" }] };
    const expected = [{ kind: "text", text: "Image: dot.png" }, { kind: "image", url: "data:image/png;base64,iVBOR", alt: "Image" }];
    expect(contentParts(live)).toEqual(expected);
    expect(contentParts(stored)).toEqual(expected);
    expect(contentParts(msg("a", "plain", "3"))).toEqual([{ kind: "text", text: "plain" }]);
    expect(contentParts({ type: "X", source: "a", id: "4", content: [{ url: "javascript:alert(1)" }] })[0].kind).toBe("text");
  });
});
