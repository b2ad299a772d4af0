package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.autogen.core.FunctionCall;
import dev.autogen.core.Image;
import dev.autogen.core.models.AssistantMessage;
import dev.autogen.core.models.FunctionExecutionResult;
import dev.autogen.core.models.FunctionExecutionResultMessage;
import dev.autogen.core.models.LLMMessage;
import dev.autogen.core.models.ModelContent;
import dev.autogen.core.models.SystemMessage;
import dev.autogen.core.models.UserContent;
import dev.autogen.core.models.UserMessage;
import dev.autogen.core.tools.ToolSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the prompt tokens of messages and tools for an OpenAI model with the model's real BPE
 * tokenizer ({@code o200k_base} for GPT-4o/4.1/5 and o-series, {@code cl100k_base} for GPT-4 and
 * GPT-3.5, as tiktoken maps them; unknown models fall back to {@code cl100k_base}), following
 * Python's {@code count_tokens_openai}: 3 tokens per message, the text of each field of the OpenAI
 * message (JSON text for tool calls and content parts), 1 per name, image tiles for images, 3 to
 * prime the reply, and the tool-definition estimate for tools. Thread-safe.
 *
 * <!-- java-context: import dev.autogen.core.models.LLMMessage; List<LLMMessage> messages;
 *      List<ToolSchema> tools; -->
 * <pre>{@code
 * var counter = OpenAITokenCounter.forModel("gpt-4o");
 * int tokens = counter.countTokens(messages, tools);
 * }</pre>
 */
public final class OpenAITokenCounter {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAITokenCounter.class);
    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;

    private static final Set<String> O200K_MODELS = Set.of("gpt-5", "gpt-4.5", "gpt-4.1", "gpt-4o", "chatgpt-4o-latest",
            "o1", "o3", "o4-mini");
    private static final List<String> O200K_PREFIXES = List.of("o1-", "o3-", "o4-mini-", "gpt-5-", "gpt-4.5-", "gpt-4.1-",
            "chatgpt-4o-", "gpt-4o-", "ft:gpt-4o");
    private static final List<String> CL100K_PREFIXES = List.of("gpt-4-", "gpt-3.5-turbo-", "gpt-35-turbo-", "ft:gpt-4",
            "ft:gpt-3.5-turbo");
    private static final Set<String> CL100K_MODELS = Set.of("gpt-4", "gpt-3.5-turbo", "gpt-3.5", "gpt-35-turbo",
            "text-embedding-ada-002", "text-embedding-3-small", "text-embedding-3-large");

    private final String model;
    private final Encoding encoding;

    private OpenAITokenCounter(String model, Encoding encoding) {
        this.model = model;
        this.encoding = encoding;
    }

    /** A counter using the tokenizer of {@code model} (e.g. {@code gpt-4o-2024-08-06}). */
    public static OpenAITokenCounter forModel(String model) {
        Objects.requireNonNull(model, "model");
        return new OpenAITokenCounter(model, encodingFor(model));
    }

    /** The name of the tokenizer in use, e.g. {@code o200k_base}. */
    public String encodingName() {
        return encoding.getName();
    }

    /** The model this counter was made for. */
    public String model() {
        return model;
    }

    /** Tokens of plain text. */
    public int countText(String text) {
        return encoding.countTokens(text);
    }

    /** {@link #countTokens(List, List)} without tools. */
    public int countTokens(List<? extends LLMMessage> messages) {
        return countTokens(messages, List.of());
    }

    /** The prompt tokens {@code messages} and {@code tools} take, as Python's {@code count_tokens_openai}. */
    public int countTokens(List<? extends LLMMessage> messages, List<ToolSchema> tools) {
        int tokens = 0;
        for (LLMMessage message : messages) {
            tokens += TOKENS_PER_MESSAGE;
            if (message instanceof UserMessage u && u.content() instanceof UserContent.Multi multi) {
                tokens += countText("user") + countText(u.source()) + TOKENS_PER_NAME;
                for (Object part : multi.parts()) {
                    tokens += part instanceof Image image ? visionTokens(image, "auto")
                            : countText(PythonJson.dumps(textPart((String) part)));
                }
                continue;
            }
            for (Map<String, Object> part : toOpenAIMessages(message)) {
                for (var field : part.entrySet()) {
                    Object value = field.getValue();
                    tokens += countText(value instanceof String s ? s : PythonJson.dumps(value));
                    if (field.getKey().equals("name")) {
                        tokens += TOKENS_PER_NAME;
                    }
                }
            }
        }
        tokens += 3;
        for (ToolSchema tool : tools) {
            tokens += toolTokens(tool);
        }
        if (!tools.isEmpty()) {
            tokens += 12;
        }
        return tokens;
    }

    private int toolTokens(ToolSchema tool) {
        int tokens = countText(tool.name());
        if (tool.description() != null) {
            tokens += countText(tool.description());
        }
        tokens -= 2;
        if (tool.parameters() != null) {
            Map<String, JsonNode> properties = tool.parameters().properties();
            for (var property : properties.entrySet()) {
                tokens += countText(property.getKey());
                var fields = property.getValue().properties();
                for (var field : fields) {
                    JsonNode v = field.getValue();
                    switch (field.getKey()) {
                        case "type", "description", "title" -> tokens += 2 + countText(v.isTextual() ? v.textValue() : v.toString());
                        case "anyOf" -> {
                            tokens -= 3;
                            for (JsonNode option : v) {
                                tokens += 3 + countText(option.path("type").asText("None"));
                            }
                        }
                        case "default" -> tokens += 2 + countText(PythonJson.dumps(v));
                        case "enum" -> {
                            tokens -= 3;
                            for (JsonNode option : v) {
                                tokens += 3 + countText(option.asText());
                            }
                        }
                        default -> LOG.debug("Not supported field {}", field.getKey());
                    }
                }
            }
            tokens += 11;
            if (properties.isEmpty()) {
                tokens -= 2;
            }
        }
        return tokens;
    }

    /** The OpenAI chat messages Python's {@code to_oai_type} makes of one message (several for tool results). */
    private static List<Map<String, Object>> toOpenAIMessages(LLMMessage message) {
        return switch (message) {
            case SystemMessage s -> List.of(fields("content", s.content(), "role", "system"));
            case UserMessage u -> List.of(fields("content", u.content().toText(), "role", "user", "name", u.source()));
            case AssistantMessage a -> switch (a.content()) {
                case ModelContent.Text t -> List.of(fields("content", t.text(), "role", "assistant", "name", a.source()));
                case ModelContent.FunctionCalls calls -> {
                    List<Object> toolCalls = new ArrayList<>();
                    for (FunctionCall call : calls.calls()) {
                        toolCalls.add(fields("id", call.id(), "function",
                                fields("arguments", call.arguments(), "name", call.name()), "type", "function"));
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (a.thought() != null) {
                        m.put("content", a.thought());
                    }
                    m.put("tool_calls", toolCalls);
                    m.put("role", "assistant");
                    m.put("name", a.source());
                    yield List.of(m);
                }
            };
            case FunctionExecutionResultMessage f -> {
                List<Map<String, Object>> results = new ArrayList<>();
                for (FunctionExecutionResult r : f.content()) {
                    results.add(fields("content", r.content(), "role", "tool", "tool_call_id", r.callId()));
                }
                yield results;
            }
        };
    }

    private static Map<String, Object> textPart(String text) {
        return fields("text", text, "type", "text");
    }

    private static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /**
     * The tokens an image costs, by OpenAI's tile rule: 85 for {@code low} detail; otherwise the
     * image is fitted into 2048x2048, its short side scaled to 768, and each 512-pixel tile costs 170
     * on top of 85. An image whose size cannot be read counts as 85.
     */
    public static int visionTokens(Image image, String detail) {
        final int base = 85;
        if (detail.equals("low")) {
            return base;
        }
        int @org.jspecify.annotations.Nullable [] size = imageSize(image);
        if (size == null) {
            LOG.warn("cannot read the size of {}; counting it as {} tokens", image, base);
            return base;
        }
        double width = size[0];
        double height = size[1];
        if (width > 2048 || height > 2048) {
            double aspect = width / height;
            if (aspect > 1) {
                width = 2048;
                height = (int) (2048 / aspect);
            } else {
                height = 2048;
                width = (int) (2048 * aspect);
            }
        }
        double aspect = width / height;
        if (width > 768 && height > 768) {
            if (aspect > 1) {
                height = 768;
                width = (int) (768 * aspect);
            } else {
                width = 768;
                height = (int) (768 / aspect);
            }
        }
        int tiles = (int) Math.ceil(width / 512) * (int) Math.ceil(height / 512);
        return base + 170 * tiles;
    }

    private static int @org.jspecify.annotations.Nullable [] imageSize(Image image) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image.data()))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static Encoding encodingFor(String model) {
        if (O200K_MODELS.contains(model) || O200K_PREFIXES.stream().anyMatch(model::startsWith)) {
            return REGISTRY.getEncoding(EncodingType.O200K_BASE);
        }
        if (CL100K_MODELS.contains(model) || CL100K_PREFIXES.stream().anyMatch(model::startsWith)) {
            return REGISTRY.getEncoding(EncodingType.CL100K_BASE);
        }
        return REGISTRY.getEncodingForModel(model).orElseGet(() -> {
            LOG.warn("Model {} not found. Using cl100k_base encoding.", model);
            return REGISTRY.getEncoding(EncodingType.CL100K_BASE);
        });
    }
}
