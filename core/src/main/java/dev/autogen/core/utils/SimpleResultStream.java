package dev.autogen.core.utils;

/** The {@link ResultStream} of the interface's factories. */
final class SimpleResultStream<T, R> extends AbstractResultStream<T, R> {
    SimpleResultStream(Pull<T, R> pull, Runnable onClose) {
        super(pull, onClose);
    }
}
