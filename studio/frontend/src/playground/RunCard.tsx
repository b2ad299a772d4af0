// A run, live or stored: its messages in order, token usage, who spoke to whom, the input box when
// a UserProxyAgent asks, the stop buttons while it runs, and how it ended.
import { useState } from "react";
import { isTerminal, totalUsage, type RunView } from "../lib/runState";
import { MessageBubble } from "./MessageBubble";
import { TransitionGraph } from "./TransitionGraph";

interface Props {
  run: RunView;
  participants: string[];
  dark: boolean;
  live?: { answer: (text: string) => void; stop: (afterTurn: boolean) => void };
  open?: boolean;
}

export function RunCard({ run, participants, dark, live, open = true }: Props) {
  const [answer, setAnswer] = useState("");
  const usage = totalUsage(run.messages);
  const running = !isTerminal(run.status);
  return (
    <details className="run" open={open} data-testid="run" data-run-id={String(run.runId)} data-status={run.status}>
      <summary>
        <span className={`status status-${run.status}`}>{run.status}</span> Run #{String(run.runId)}: {run.task}
      </summary>
      <div className="run-body">
        <ol className="messages" aria-live="polite">
          {run.messages.map((m, i) => <MessageBubble key={m.id ?? i} message={m} />)}
          {run.streaming && <li className="bubble streaming">{run.streaming}</li>}
        </ol>
        <TransitionGraph messages={run.messages} participants={participants} dark={dark} />
      </div>
      {live && run.inputPrompt && (
        <form className="input-request" onSubmit={(e) => { e.preventDefault(); live.answer(answer); setAnswer(""); }}>
          <label className="field">
            <span>{run.inputPrompt}</span>
            <input autoFocus value={answer} onChange={(e) => setAnswer(e.target.value)} aria-label="Your answer" />
          </label>
          <button type="submit" className="primary">Send answer</button>
        </form>
      )}
      <div className="run-foot">
        <span className="muted" data-testid="usage">Tokens: {usage.prompt} prompt, {usage.completion} completion</span>
        {live && running && (
          <>
            <button type="button" onClick={() => live.stop(true)} disabled={run.stopping}>Stop after this turn</button>
            <button type="button" className="danger" onClick={() => live.stop(false)}>Cancel run</button>
          </>
        )}
        {run.stopReason && <span className="stop-reason" data-testid="stop-reason">{run.status === "error" ? "Ended" : "Stopped"}: {run.stopReason}</span>}
        {run.error && <span className="notice error" role="alert">{run.error}</span>}
      </div>
    </details>
  );
}
