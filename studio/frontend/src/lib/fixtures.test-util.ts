import type { Component, JsonObject } from "../api/types";

export const replayModel: Component = {
  provider: "autogen_ext.models.replay.ReplayChatCompletionClient", component_type: "replay_chat_completion_client",
  label: "Scripted", config: { chat_completions: ["Hello", "TERMINATE"] },
};

export function agent(name: string): Component {
  return {
    provider: "autogen_agentchat.agents.AssistantAgent", component_type: "agent", label: "AssistantAgent",
    config: {
      name,
      system_message: "You are helpful.",
      model_context: { provider: "autogen_core.model_context.UnboundedChatCompletionContext", component_type: "chat_completion_context", config: {} },
    },
  };
}

export const tool: Component = {
  provider: "autogen_core.tools.FunctionTool", component_type: "tool", label: "Calculator", config: { name: "calculator" },
};

export const textTermination: Component = {
  provider: "autogen_agentchat.conditions.TextMentionTermination", component_type: "termination", label: "Text",
  config: { text: "TERMINATE" },
};

export const orTermination: Component = {
  provider: "autogen_agentchat.base.OrTerminationCondition", component_type: "termination", label: "OR",
  config: { conditions: [textTermination as unknown as JsonObject] },
};
