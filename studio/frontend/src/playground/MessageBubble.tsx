// One message of a run: its source, its text; tool calls and their results folded.
import type { ChatMessage } from "../api/types";
import { contentParts, contentText, isToolEvent } from "../lib/runState";

export function MessageBubble({ message }: { message: ChatMessage }) {
  const usage = message.models_usage;
  const text = contentText(message);
  return (
    <li className={`bubble${message.source === "user" ? " from-user" : ""}${isToolEvent(message) ? " tool" : ""}`}
      data-testid="message" data-source={message.source} data-type={message.type}>
      <div className="bubble-head">
        <strong className="bubble-source">{message.source}</strong>
        <span className="muted">{message.type}</span>
        {usage && <span className="muted" title="prompt / completion tokens">{usage.prompt_tokens} / {usage.completion_tokens} tokens</span>}
      </div>
      {isToolEvent(message) ? (
        <details>
          <summary>{message.type === "ToolCallRequestEvent" ? "Tool calls" : "Tool results"}</summary>
          <pre>{text}</pre>
        </details>
      ) : (
        <div className="bubble-text">
          {contentParts(message).map((part, i) => part.kind === "image"
            ? <img key={i} className="bubble-image" src={part.url} alt={part.alt} />
            : <span key={i}>{i > 0 ? "\n" : ""}{part.text}</span>)}
        </div>
      )}
    </li>
  );
}
