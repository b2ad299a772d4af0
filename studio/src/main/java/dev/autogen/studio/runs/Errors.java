package dev.autogen.studio.runs;

/** Failures as one sentence for people: the messages of the cause chain, without Java class names. */
public final class Errors {
    private Errors() {
    }

    /** The messages of {@code e} and its causes, each once, joined by {@code ": "}. */
    public static String describe(Throwable e) {
        var text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                continue;
            }
            message = message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error): ?", "");
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.isEmpty() ? "the run failed without saying why" : text.toString();
    }
}
