import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MessageBubble } from "./MessageBubble";
import type { ChatMessage } from "../api/types";

const html = (message: ChatMessage) => renderToStaticMarkup(createElement(MessageBubble, { message }));

describe("MessageBubble", () => {
  it("shows a message's source, text and token usage", () => {
    const out = html({ type: "TextMessage", source: "writer", content: "Draft", models_usage: { prompt_tokens: 12, completion_tokens: 3 } });
    expect(out).toContain("writer");
    expect(out).toContain("Draft");
    expect(out).toContain("12 / 3 tokens");
    expect(out).not.toContain("<details");
  });

  it("folds tool calls and their results", () => {
    const call = html({ type: "ToolCallRequestEvent", source: "writer", content: [{ id: "1", name: "calculator", arguments: "{\"a\":1}" }] });
    expect(call).toMatch(/<details><summary>Tool calls<\/summary><pre>[^<]*calculator/);
    const result = html({ type: "ToolCallExecutionEvent", source: "writer", content: [{ call_id: "1", content: "2", is_error: false, name: "calculator" }] });
    expect(result).toContain("<summary>Tool results</summary>");
  });

  it("shows the images of a multimodal message as pictures", () => {
    const out = html({ type: "MultiModalMessage", source: "user", content: ["Image: dot.png", { url: "data:image/png;base64,iVBOR", alt: "Image" }] });
    expect(out).toContain("Image: dot.png");
    expect(out).toContain('<img class="bubble-image" src="data:image/png;base64,iVBOR" alt="Image"/>');
  });
});
