package dev.autogen.ext.models.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.FunctionCall;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.ModelInfo;
import dev.autogen.core.models.RequestUsage;
import dev.autogen.core.models.UserMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptedChatCompletionClientTest {
    @Test
    void answersFromTheRequestAndCountsWords() {
        var client = new ScriptedChatCompletionClient(ModelInfo.toolCalling(), request ->
                ScriptedChatCompletionClient.lastText(request).contains("weather")
                        ? CreateResult.ofCalls(List.of(new FunctionCall("1", "{}", "get_weather")), RequestUsage.ZERO)
                        : "I do not know.");

        CreateResult weather = client.create(List.of(new UserMessage("What is the weather?", "user")));
        assertThat(weather.content()).isInstanceOf(ModelContent.FunctionCalls.class);
        CreateResult other = client.create(List.of(new UserMessage("Who won?", "user")));
        assertThat(other.content()).isEqualTo(new ModelContent.Text("I do not know."));
        assertThat(other.usage()).isEqualTo(new RequestUsage(2, 4));
        assertThat(client.totalUsage()).isEqualTo(new RequestUsage(6, 4));
        assertThat(client.requests()).hasSize(2);
        assertThat(client.modelInfo()).isEqualTo(ModelInfo.toolCalling());
    }

    @Test
    void aScriptReturningSomethingElseIsAClearError() {
        var client = new ScriptedChatCompletionClient(ModelInfo.unknown(), request -> 42);
        assertThatThrownBy(() -> client.create(List.of(new UserMessage("hi", "user"))))
                .hasMessage("the script answered request 1 with Integer; it must return a String or a CreateResult");
        assertThatThrownBy(client::dumpComponent).isInstanceOf(UnsupportedOperationException.class);
    }
}
