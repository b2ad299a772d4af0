package dev.autogen.ext.tools.graphrag;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.models.ChatCompletionClient;
import dev.autogen.core.models.CreateRequest;
import dev.autogen.core.models.CreateResult;
import dev.autogen.core.models.JsonOutput;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Token counting, table rows and model calls shared by the two search tools. */
final class SearchSupport {
    private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private SearchSupport() {
    }

    /** Tokens of {@code text} in cl100k_base, the encoding GraphRAG falls back to. */
    static int tokens(String text) {
        return ENCODING.countTokensOrdinary(text);
    }

    /** One row of a {@code |}-separated context table, with line breaks kept out of cells. */
    static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append('|');
            }
            sb.append(cells.get(i).replace("\r", " ").replace("\n", " ").replace("|", "/"));
        }
        return sb.append('\n').toString();
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    /** Asks {@code model} with a system prompt and the user's query; returns the text of the answer. */
    static String ask(ChatCompletionClient model, String systemPrompt, String query, int maxTokens, double temperature,
            boolean jsonMode, CancellationToken token) {
        token.throwIfCancelled();
        List<LLMMessage> messages = List.of(new SystemMessage(systemPrompt), new UserMessage(query, "user"));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("max_tokens", maxTokens);
        extra.put("temperature", temperature);
        CreateRequest.Builder request = CreateRequest.builder(messages).extraCreateArgs(extra).cancellationToken(token);
        if (jsonMode && model.modelInfo().jsonOutput()) {
            request.jsonOutput(JsonOutput.JSON_MODE);
        }
        CreateResult result = model.create(request.build());
        if (result.content() instanceof ModelContent.Text text) {
            return text.text();
        }
        throw new IllegalStateException("the model answered a GraphRAG search with tool calls instead of text");
    }

    /** GraphRAG's {@code output.base_dir} from {@code settings.yaml} under {@code rootDir}, as a folder. */
    static Path outputDir(Path rootDir, @Nullable Path configFile) {
        Path settings = configFile != null ? rootDir.resolve(configFile) : rootDir.resolve("settings.yaml");
        if (!Files.isRegularFile(settings)) {
            throw new IllegalArgumentException("GraphRAG settings file not found: " + settings);
        }
        try {
            var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            var root = yaml.readTree(settings.toFile());
            String base = root == null ? "output" : root.path("output").path("base_dir").asText("output");
            return rootDir.resolve(base);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("could not read GraphRAG settings " + settings + ": " + e.getMessage(), e);
        }
    }
}
