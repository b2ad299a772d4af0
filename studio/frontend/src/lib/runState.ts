// The Playground's run state: one pure reducer over the socket's frames and the page's own actions,
// so the live view and a reloaded run are the same data.
import type { ChatMessage, Json, Run, RunStatus, ServerFrame, TeamResult } from "../api/types";

export type LiveStatus = RunStatus | "connecting";

export interface RunView {
  runId: string | number | null;
  task: string;
  status: LiveStatus;
  messages: ChatMessage[];
  /** Streamed model output of the message being written. */
  streaming: string;
  inputPrompt: string | null;
  stopReason: string | null;
  error: string | null;
  /** A stop after the current turn was asked for. */
  stopping: boolean;
}

export type RunAction =
  | { type: "start"; runId: number; task: string }
  | { type: "frame"; frame: ServerFrame }
  | { type: "input_sent" }
  | { type: "stop_requested" }
  | { type: "socket_closed" };

export const emptyRun: RunView = {
  runId: null, task: "", status: "created", messages: [], streaming: "", inputPrompt: null,
  stopReason: null, error: null, stopping: false,
};

export function isTerminal(status: LiveStatus): boolean {
  return status === "complete" || status === "error" || status === "stopped";
}

function stopReasonOf(result: TeamResult | undefined): string | null {
  return result?.task_result?.stop_reason ?? null;
}

export function runReducer(state: RunView, action: RunAction): RunView {
  switch (action.type) {
    case "start":
      return { ...emptyRun, runId: action.runId, task: action.task, status: "connecting" };
    case "input_sent":
      return { ...state, inputPrompt: null, status: isTerminal(state.status) ? state.status : "active" };
    case "stop_requested":
      return { ...state, stopping: true };
    case "socket_closed":
      if (isTerminal(state.status)) return state;
      return { ...state, status: "stopped", inputPrompt: null, stopReason: state.stopReason ?? "Connection closed" };
    case "frame":
      return applyFrame(state, action.frame);
  }
}

function applyFrame(state: RunView, frame: ServerFrame): RunView {
  if (isTerminal(state.status) && frame.type !== "pong") return state; // nothing counts after the end
  switch (frame.type) {
    case "system":
      return { ...state, status: "active" };
    case "message": {
      const id = frame.data.id;
      if (id && state.messages.some((m) => m.id === id)) return state;
      return { ...state, status: state.inputPrompt ? state.status : "active", messages: [...state.messages, frame.data], streaming: "" };
    }
    case "message_chunk":
      return { ...state, streaming: state.streaming + (typeof frame.data.content === "string" ? frame.data.content : "") };
    case "input_request":
      return { ...state, status: "awaiting_input", inputPrompt: frame.prompt || "Enter your response:" };
    case "result":
      return { ...state, status: "complete", inputPrompt: null, streaming: "", stopReason: stopReasonOf(frame.data) };
    case "completion": {
      const failed = frame.status === "error";
      const first = frame.data?.task_result?.messages?.[0];
      return {
        ...state, status: failed ? "error" : "stopped", inputPrompt: null, streaming: "",
        stopReason: stopReasonOf(frame.data),
        error: failed ? String(first?.content ?? "The run failed") : state.error,
      };
    }
    case "error":
      // a refused frame (the run goes on) or a refused token (the socket closes next)
      return { ...state, error: frame.error };
    case "pong":
      return state;
  }
}

/** A stored run (from `GET /api/sessions/{id}/runs`) as the same view. */
export function fromStoredRun(run: Run): RunView {
  const result = run.team_result as TeamResult | null;
  const taskContent = (run.task as { content?: Json })?.content;
  return {
    ...emptyRun,
    runId: run.id,
    task: taskText(taskContent),
    status: run.status,
    messages: run.messages.map((m) => m.config),
    stopReason: stopReasonOf(result ?? undefined),
    error: run.error_message ?? null,
  };
}

function taskText(content: Json | undefined): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    const first = content[0] as { content?: Json } | undefined;
    return typeof first?.content === "string" ? first.content : "";
  }
  return "";
}

export interface Usage {
  prompt: number;
  completion: number;
}

/** The tokens the run's messages report. */
export function totalUsage(messages: ChatMessage[]): Usage {
  return messages.reduce<Usage>((sum, m) => ({
    prompt: sum.prompt + (m.models_usage?.prompt_tokens ?? 0),
    completion: sum.completion + (m.models_usage?.completion_tokens ?? 0),
  }), { prompt: 0, completion: 0 });
}

/** Tool-call requests and results are shown folded; everything else as a chat bubble. */
export function isToolEvent(message: ChatMessage): boolean {
  return message.type === "ToolCallRequestEvent" || message.type === "ToolCallExecutionEvent";
}

/** One piece of a message to show: text, or an image by its URL. */
export type ContentPart = { kind: "text"; text: string } | { kind: "image"; url: string; alt: string };

/**
 * A message's content as text and images: an image arrives live as `{url, alt}` (a data URL, as Python
 * Studio sends it) and comes back from storage as `{data}` (base64, as AutoGen dumps an Image).
 */
export function contentParts(message: ChatMessage): ContentPart[] {
  const c = message.content;
  if (!Array.isArray(c)) return [{ kind: "text", text: contentText(message) }];
  return c.map((part): ContentPart => {
    if (part && typeof part === "object" && !Array.isArray(part)) {
      const p = part as Record<string, Json>;
      if (typeof p.url === "string" && p.url.startsWith("data:image/")) {
        return { kind: "image", url: p.url, alt: typeof p.alt === "string" ? p.alt : "Image" };
      }
      if (typeof p.data === "string") return { kind: "image", url: `data:image/png;base64,${p.data}`, alt: "Image" };
    }
    return { kind: "text", text: typeof part === "string" ? part : JSON.stringify(part, null, 2) };
  });
}

/** The readable text of a message's content. */
export function contentText(message: ChatMessage): string {
  const c = message.content;
  if (typeof c === "string") return c;
  if (Array.isArray(c)) {
    return c.map((part) => (typeof part === "string" ? part : JSON.stringify(part, null, 2))).join("\n");
  }
  return c === undefined || c === null ? "" : JSON.stringify(c, null, 2);
}
