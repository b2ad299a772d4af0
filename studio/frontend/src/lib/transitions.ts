// The control-transition graph of a run: who spoke after whom, how often, and who speaks now.
import type { ChatMessage } from "../api/types";

export interface Transition {
  source: string;
  target: string;
  count: number;
}

export interface TransitionGraph {
  speakers: string[];
  transitions: Transition[];
  current: string | null;
}

/**
 * Builds the graph from the messages in order (consecutive messages of one source, such as an
 * agent's tool calls, are one turn); `participants` gives the agents that have not spoken yet.
 */
export function transitions(messages: ChatMessage[], participants: string[] = []): TransitionGraph {
  const turns: string[] = [];
  for (const m of messages) {
    if (m.source === "llm_call_event") continue;
    if (turns[turns.length - 1] !== m.source) turns.push(m.source);
  }
  const speakers = [...new Set([...(turns.length ? [turns[0]] : []), ...participants, ...turns])];
  const counts = new Map<string, Transition>();
  for (let i = 1; i < turns.length; i++) {
    const key = `${turns[i - 1]}->${turns[i]}`;
    const t = counts.get(key) ?? { source: turns[i - 1], target: turns[i], count: 0 };
    counts.set(key, { ...t, count: t.count + 1 });
  }
  return { speakers, transitions: [...counts.values()], current: turns.length ? turns[turns.length - 1] : null };
}
