package dev.autogen.ext.models.llamacpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds a tiny llama-architecture GGUF model with seeded random weights: one block, 32-wide
 * embeddings, a GPT-2 style byte-level BPE vocabulary of printable ASCII plus a few merges, and
 * ChatML special tokens with a ChatML chat template. Its text is gibberish; it exists so tests can
 * run the real llama.cpp engine on a model made in a temp directory in milliseconds.
 */
final class TinyLlamaModel {
    static final String IM_START = "<|im_start|>";
    static final String IM_END = "<|im_end|>";
    static final String CHAT_TEMPLATE = "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n'"
            + " + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}"
            + "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";
    static final int CONTEXT = 4096;
    private static final int EMBED = 32;
    private static final int HEADS = 4;
    private static final int FFN = 64;
    private static final int BLOCKS = 1;
    private static final List<String> MERGES = List.of("Ġ t", "h e", "Ġt he", "i n", "Ġ a", "e r", "o n", "a t");

    /** The vocabulary: ids 0-2 are special, then bytes as GPT-2 writes them, then the merges' results. */
    static List<String> vocabulary() {
        List<String> tokens = new ArrayList<>(List.of("<|endoftext|>", IM_START, IM_END));
        for (char c = '!'; c <= '~'; c++) {
            tokens.add(String.valueOf(c));
        }
        tokens.add("Ġ"); // space
        tokens.add("Ċ"); // newline
        tokens.add("ĉ"); // tab
        for (String merge : MERGES) {
            tokens.add(merge.replace(" ", ""));
        }
        return tokens;
    }

    static int tokenId(String token) {
        int id = vocabulary().indexOf(token);
        if (id < 0) {
            throw new IllegalArgumentException("no token " + token);
        }
        return id;
    }

    /** Writes the model to {@code dir/tiny-llama.gguf} and returns its path. */
    static Path write(Path dir) {
        List<String> vocab = vocabulary();
        int n = vocab.size();
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            types.add(i < 3 ? 3 : 1); // CONTROL, NORMAL
        }
        GgufWriter gguf = new GgufWriter()
                .put("general.architecture", "llama")
                .put("general.name", "tiny-test-llama")
                .put("general.alignment", 32)
                .put("llama.context_length", CONTEXT)
                .put("llama.embedding_length", EMBED)
                .put("llama.block_count", BLOCKS)
                .put("llama.feed_forward_length", FFN)
                .put("llama.attention.head_count", HEADS)
                .put("llama.attention.head_count_kv", HEADS)
                .put("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .put("llama.rope.dimension_count", EMBED / HEADS)
                .put("llama.vocab_size", n)
                .put("tokenizer.ggml.model", "gpt2")
                .put("tokenizer.ggml.pre", "gpt-2")
                .put("tokenizer.ggml.tokens", vocab)
                .put("tokenizer.ggml.token_type", types)
                .put("tokenizer.ggml.merges", MERGES)
                .put("tokenizer.ggml.bos_token_id", 0)
                .put("tokenizer.ggml.eos_token_id", 2)
                .put("tokenizer.ggml.add_bos_token", false)
                .put("tokenizer.chat_template", CHAT_TEMPLATE);
        SplittableRandom random = new SplittableRandom(42);
        gguf.tensor("token_embd.weight", randoms(random, EMBED * n), EMBED, n);
        for (int b = 0; b < BLOCKS; b++) {
            String p = "blk." + b + ".";
            gguf.tensor(p + "attn_norm.weight", ones(EMBED), EMBED)
                    .tensor(p + "attn_q.weight", randoms(random, EMBED * EMBED), EMBED, EMBED)
                    .tensor(p + "attn_k.weight", randoms(random, EMBED * EMBED), EMBED, EMBED)
                    .tensor(p + "attn_v.weight", randoms(random, EMBED * EMBED), EMBED, EMBED)
                    .tensor(p + "attn_output.weight", randoms(random, EMBED * EMBED), EMBED, EMBED)
                    .tensor(p + "ffn_norm.weight", ones(EMBED), EMBED)
                    .tensor(p + "ffn_gate.weight", randoms(random, EMBED * FFN), EMBED, FFN)
                    .tensor(p + "ffn_up.weight", randoms(random, EMBED * FFN), EMBED, FFN)
                    .tensor(p + "ffn_down.weight", randoms(random, FFN * EMBED), FFN, EMBED);
        }
        gguf.tensor("output_norm.weight", ones(EMBED), EMBED)
                .tensor("output.weight", randoms(random, EMBED * n), EMBED, n);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("tiny-llama.gguf");
            gguf.write(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] ones(int count) {
        float[] values = new float[count];
        Arrays.fill(values, 1f);
        return values;
    }

    private static float[] randoms(SplittableRandom random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * 0.5);
        }
        return values;
    }

    private TinyLlamaModel() {
    }
}
