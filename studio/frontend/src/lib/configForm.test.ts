import { describe, expect, it } from "vitest";
import { fieldValue, formFields } from "./configForm";

describe("formFields", () => {
  it("makes a field per plain value, secrets hidden, lists of text as lines, components left to the graph", () => {
    const fields = formFields({
      name: "writer", system_message: "You are helpful.", max_tool_iterations: 1, reflect_on_tool_use: false,
      api_key: "********", chat_completions: ["a", "b"], model_client: { provider: "x", component_type: "model", config: {} },
      participants: [],
    });
    expect(fields.map((f) => `${f.key}:${f.type}`)).toEqual([
      "name:text", "system_message:textarea", "max_tool_iterations:number", "reflect_on_tool_use:boolean",
      "api_key:secret", "chat_completions:lines",
    ]);
    expect(fieldValue(fields[5], "one\n\ntwo")).toEqual(["one", "two"]);
    expect(fieldValue(fields[2], "3")).toBe(3);
  });
});
