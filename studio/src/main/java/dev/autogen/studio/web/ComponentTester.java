package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.agentchat.base.Response;
import dev.autogen.agentchat.messages.TextMessage;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.studio.runs.Errors;
import dev.autogen.studio.runs.TeamFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Tries a component once, as Python Studio's {@code ComponentTestService}: a model client answers
 * "What is 2+2?", an agent answers the same question (on the given model client, if one is given),
 * and tools, teams and termination conditions are only loaded (Python does no more with them).
 * Components that would run code are refused; nothing of them starts.
 */
final class ComponentTester {
    private static final String MODEL_QUESTION = "What is 2+2? Give me only the answer.";
    private static final String AGENT_QUESTION = "What is 2+2? Keep it brief.";

    private ComponentTester() {
    }

    /** {@code {"status", "message", "data"?, "logs"}} for {@code component}, within {@code timeoutSeconds}. */
    static ObjectNode test(ObjectNode component, @Nullable JsonNode modelClient, int timeoutSeconds) {
        String type = component.path("component_type").asText("");
        CancellationToken token = new CancellationToken();
        CompletableFuture<ObjectNode> test = CompletableFuture.supplyAsync(() -> switch (type) {
            case "model", "replay_chat_completion_client" -> model(component, token);
            case "agent" -> agent(component, modelClient, token);
            case "tool", "team", "termination", "workbench" -> loadOnly(component, type);
            default -> result(false, "Unknown component type: " + (type.isEmpty() ? "none given" : type), null);
        }, runnable -> Thread.ofVirtual().name("autogen-studio-component-test").start(runnable));
        try {
            return test.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            token.cancel();
            return result(false, "Component test exceeded the " + timeoutSeconds + "s timeout", null);
        } catch (InterruptedException e) {
            token.cancel();
            Thread.currentThread().interrupt();
            return result(false, "Component test was interrupted", null);
        } catch (ExecutionException e) {
            return result(false, "Error testing component: " + Errors.describe(e.getCause()), null);
        }
    }

    private static ObjectNode model(ObjectNode component, CancellationToken token) {
        try (ChatCompletionClient model = loader().load(component, ChatCompletionClient.class)) {
            CreateResult response = model.create(CreateRequest.builder(List.of(new UserMessage(MODEL_QUESTION, "user")))
                    .cancellationToken(token).build());
            ObjectNode result = result(true, "Model test completed successfully", AutogenJson.mapper().valueToTree(response));
            log(result, "Model component loaded successfully");
            log(result, "Model responded with: " + response.content() + " (Query:" + MODEL_QUESTION + ")");
            return result;
        } catch (RuntimeException e) {
            return failed("Error testing model component: ", e);
        }
    }

    private static ObjectNode agent(ObjectNode component, @Nullable JsonNode modelClient, CancellationToken token) {
        ObjectNode config = component.deepCopy();
        if (modelClient != null && !modelClient.isNull() && config.path("config").isObject()) {
            ((ObjectNode) config.get("config")).set("model_client", modelClient);
        }
        ChatAgent agent;
        try {
            agent = loader().load(config, ChatAgent.class);
        } catch (RuntimeException e) {
            return failed("Failed to initialize agent: ", e);
        }
        try (agent) {
            Response response = agent.onMessages(List.of(new TextMessage(AGENT_QUESTION, "user")), token);
            ObjectNode result = result(true, "Agent test completed successfully",
                    AutogenJson.mapper().valueToTree(response.chatMessage().dump()));
            log(result, "Agent component loaded successfully");
            log(result, "Agent responded with: " + response.chatMessage().toText() + " to the question : "
                    + AGENT_QUESTION);
            return result;
        } catch (RuntimeException e) {
            return failed("Error during agent response: ", e);
        }
    }

    private static ObjectNode loadOnly(ObjectNode component, String type) {
        try {
            Object loaded = loader().load(component, Object.class);
            if (loaded instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            return failed("Error testing " + type + " component: ", e);
        }
        String name = Character.toUpperCase(type.charAt(0)) + type.substring(1);
        ObjectNode result = result(true, name + " test not yet implemented", null);
        log(result, name + " component loaded successfully");
        return result;
    }

    private static ComponentLoader loader() {
        return ComponentLoader.defaultLoader().withConsent(TeamFactory.REFUSE);
    }

    private static ObjectNode failed(String prefix, Exception e) {
        String reason = Errors.describe(e);
        ObjectNode result = result(false, prefix + reason, null);
        log(result, "Exception: " + reason);
        return result;
    }

    private static ObjectNode result(boolean status, String message, @Nullable JsonNode data) {
        ObjectNode result = Api.object().put("status", status).put("message", message);
        if (data != null) {
            result.set("data", data);
        }
        result.putArray("logs");
        return result;
    }

    private static void log(ObjectNode result, String line) {
        ((ArrayNode) result.get("logs")).add(line);
    }
}
