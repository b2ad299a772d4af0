package dev.autogen.core.code_executor;

import java.util.Objects;

/**
 * A block of code taken from an agent's message, with the language it is written in
 * ({@code "python"}, {@code "bash"}, ...). Executors decide which languages they accept.
 *
 * <pre>{@code
 * var block = new CodeBlock("print('hello')", "python");
 * }</pre>
 *
 * @param code the source code, as written
 * @param language the language tag of the block; empty when the fence named none
 */
public record CodeBlock(String code, String language) {
    public CodeBlock {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(language, "language");
    }
}
