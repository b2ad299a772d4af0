package dev.autogen.ext.a2a;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The component config of {@link A2AAgent} (provider {@value A2AAgent#PROVIDER}):
 *
 * <pre>
 * {"name": "researcher", "url": "http://127.0.0.1:9999/", "description": "Finds sources.",
 *  "card_path": "/.well-known/agent-card.json", "streaming": true, "token_env": "RESEARCHER_TOKEN"}
 * </pre>
 *
 * @param name the agent's name in AgentChat
 * @param url the remote agent's base URL, where its card is found
 * @param description what the agent does, for teams choosing speakers; the card's description when absent
 * @param cardPath the card's path under {@code url} ({@code /.well-known/agent-card.json} by default)
 * @param streaming whether to stream when the remote agent can (true by default)
 * @param tokenEnv the environment variable holding the bearer token the remote agent needs, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "url", "description", "card_path", "streaming", "token_env"})
public record A2AAgentConfig(String name, String url, @Nullable String description, @Nullable String cardPath,
        @Nullable Boolean streaming, @Nullable String tokenEnv) {
}
