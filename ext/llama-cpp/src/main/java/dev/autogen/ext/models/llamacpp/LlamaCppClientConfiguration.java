package dev.autogen.ext.models.llamacpp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.models.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * The component config of a {@link LlamaCppChatCompletionClient}: the parameters of Python's
 * {@code LlamaCppParams} that mean something to an in-process llama.cpp, plus default sampling settings
 * that a request's {@code extra_create_args} may override. Null means "llama.cpp's default".
 *
 * <pre>{@code
 * {"model_path": "/models/qwen2.5-0.5b-instruct-q4_k_m.gguf", "n_ctx": 4096, "n_gpu_layers": 0,
 *  "seed": 1337, "temperature": 0.2, "max_tokens": 512}
 * }</pre>
 *
 * @param modelPath the GGUF model file
 * @param repoId a Hugging Face repository to download from; refused (this client never downloads),
 *     kept so that Python configs load with a clear error
 * @param filename the file in {@code repo_id}; refused like it
 * @param modelInfo what the model can do; null for {@link LlamaCppChatCompletionClient#DEFAULT_MODEL_INFO}
 * @param nCtx the context window in tokens (default 4096, llama.cpp's)
 * @param nGpuLayers how many layers to put on a GPU (the jar's native library is CPU-only on Linux)
 * @param nBatch the logical batch size for prompt processing
 * @param nThreads threads used for generation (default: llama.cpp's choice)
 * @param seed the sampling seed, for repeatable answers
 * @param chatTemplate a Jinja chat template replacing the one in the GGUF file
 * @param temperature the default sampling temperature
 * @param topP the default nucleus sampling threshold
 * @param topK the default top-k sampling limit
 * @param maxTokens the default limit on generated tokens (default: until the model stops or the context is full)
 */
@JsonPropertyOrder({"model_path", "repo_id", "filename", "model_info", "n_ctx", "n_gpu_layers", "n_batch", "n_threads",
    "seed", "chat_template", "temperature", "top_p", "top_k", "max_tokens"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LlamaCppClientConfiguration(
        @Nullable String modelPath,
        @Nullable String repoId,
        @Nullable String filename,
        @Nullable ModelInfo modelInfo,
        @Nullable Integer nCtx,
        @Nullable Integer nGpuLayers,
        @Nullable Integer nBatch,
        @Nullable Integer nThreads,
        @Nullable Long seed,
        @Nullable String chatTemplate,
        @Nullable Double temperature,
        @Nullable Double topP,
        @Nullable Integer topK,
        @Nullable Integer maxTokens) {

    public LlamaCppClientConfiguration {
        if (repoId != null || filename != null) {
            throw new IllegalArgumentException("repo_id/filename: LlamaCppChatCompletionClient never downloads models;"
                    + " download the GGUF file yourself (e.g. `huggingface-cli download " + (repoId == null ? "REPO" : repoId)
                    + " " + (filename == null ? "FILE.gguf" : filename) + "`) and set model_path to it");
        }
        if (modelPath == null || modelPath.isBlank()) {
            throw new IllegalArgumentException("model_path is required: the path of a GGUF model file");
        }
        positive("n_ctx", nCtx, false);
        positive("n_batch", nBatch, false);
        positive("n_threads", nThreads, false);
        positive("top_k", topK, true);
        positive("max_tokens", maxTokens, false);
        if (nGpuLayers != null && nGpuLayers < -1) {
            throw new IllegalArgumentException("n_gpu_layers must be -1 (all) or a count of layers, got " + nGpuLayers);
        }
        if (temperature != null && !(temperature >= 0)) {
            throw new IllegalArgumentException("temperature must be 0 or more, got " + temperature);
        }
        if (topP != null && !(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
        }
    }

    private static void positive(String field, @Nullable Integer value, boolean zeroAllowed) {
        if (value != null && (value < 0 || (value == 0 && !zeroAllowed))) {
            throw new IllegalArgumentException(field + " must be " + (zeroAllowed ? "0 or more" : "positive") + ", got "
                    + value);
        }
    }

    /** A config with only the model file set. */
    public static LlamaCppClientConfiguration of(String modelPath) {
        return new LlamaCppClientConfiguration(modelPath, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }
}
