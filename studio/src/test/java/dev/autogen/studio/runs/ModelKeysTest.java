package dev.autogen.studio.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.serialization.AutogenJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelKeysTest {
    @Test
    void modelClientsWithoutAKeyGetTheOneFromTheSettingsAndTheOriginalIsUntouched() throws Exception {
        JsonNode team = AutogenJson.mapper().readTree("""
                {"provider": "autogen_agentchat.teams.RoundRobinGroupChat", "config": {"participants": [
                  {"provider": "autogen_agentchat.agents.AssistantAgent", "config": {"model_client":
                    {"provider": "autogen_ext.models.openai.OpenAIChatCompletionClient", "config": {"model": "gpt-4o"}}}},
                  {"provider": "autogen_agentchat.agents.AssistantAgent", "config": {"model_client":
                    {"provider": "autogen_ext.models.anthropic.AnthropicChatCompletionClient",
                     "config": {"model": "claude", "api_key": "own"}}}}]}}""");
        JsonNode applied = ModelKeys.apply(team, Map.of("OPENAI_API_KEY", "sk-1", "ANTHROPIC_API_KEY", "sk-2"));
        assertThat(applied.at("/config/participants/0/config/model_client/config/api_key").asText()).isEqualTo("sk-1");
        assertThat(applied.at("/config/participants/1/config/model_client/config/api_key").asText()).isEqualTo("own");
        assertThat(team.toString()).doesNotContain("sk-1");
        assertThat(ModelKeys.apply(team, Map.of())).isSameAs(team);
    }
}
