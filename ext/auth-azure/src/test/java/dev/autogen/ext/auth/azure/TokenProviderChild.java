package dev.autogen.ext.auth.azure;

import dev.autogen.core.component.Component;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.UserMessage;
import java.util.List;

/**
 * The program {@link AzureTokenProviderEndToEndTest} runs in a JVM of its own, whose environment says
 * "App Service managed identity at this loopback URL": it loads each model-client config given as an
 * argument, makes one call, and prints the answer and the config dumped back.
 */
public final class TokenProviderChild {
    private TokenProviderChild() {
    }

    public static void main(String[] args) throws Exception {
        for (String config : args) {
            try (ChatCompletionClient client = ComponentLoader.loadComponent(config, ChatCompletionClient.class)) {
                var result = client.create(List.of(new UserMessage("Who am I?", "user")));
                System.out.println("ANSWER " + result.content());
                System.out.println("DUMPED " + ((Component<?>) client).dumpComponent().toJson());
            }
        }
    }
}
