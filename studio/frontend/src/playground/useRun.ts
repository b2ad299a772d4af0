// A live run: creates it, opens its WebSocket, sends `start`, and folds every frame into the run
// view with the pure reducer; input answers and stops go back over the same socket.
import { useCallback, useEffect, useReducer, useRef } from "react";
import { api, runSocketUrl } from "../api/client";
import type { Component, ServerFrame } from "../api/types";
import { emptyRun, isTerminal, runReducer, type RunView } from "../lib/runState";

export interface LiveRun {
  view: RunView;
  start: (task: string) => Promise<void>;
  answer: (text: string) => void;
  /** afterTurn: end once the agent speaking is done; otherwise cancel now. */
  stop: (afterTurn: boolean) => void;
}

export function useRun(sessionId: number | undefined, team: Component | undefined): LiveRun {
  const [view, dispatch] = useReducer(runReducer, emptyRun);
  const socket = useRef<WebSocket | null>(null);
  const terminal = useRef(false);

  useEffect(() => {
    terminal.current = isTerminal(view.status);
    // the run is over: Python's client closes at once, and so do we
    if (terminal.current && socket.current) {
      socket.current.close();
      socket.current = null;
    }
  }, [view.status]);
  // leaving the session or the page closes the socket, which stops a run in progress
  useEffect(() => () => socket.current?.close(), [sessionId]);

  const start = useCallback(async (task: string) => {
    if (sessionId === undefined) return;
    const runId = await api.createRun(sessionId);
    dispatch({ type: "start", runId, task });
    const ws = new WebSocket(runSocketUrl(runId));
    socket.current = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: "start", task, ...(team ? { team_config: team } : {}) }));
    ws.onmessage = (event) => dispatch({ type: "frame", frame: JSON.parse(String(event.data)) as ServerFrame });
    ws.onclose = () => {
      if (socket.current === ws) socket.current = null;
      dispatch({ type: "socket_closed" });
    };
  }, [sessionId, team]);

  const send = (frame: object) => {
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify(frame));
  };
  const answer = useCallback((text: string) => {
    send({ type: "input_response", response: text });
    dispatch({ type: "input_sent" });
  }, []);
  const stop = useCallback((afterTurn: boolean) => {
    dispatch({ type: "stop_requested" });
    send(afterTurn ? { type: "stop", after_turn: true, reason: "Stopped by user after the turn" } : { type: "stop", reason: "Cancelled by user" });
  }, []);
  return { view, start, answer, stop };
}
