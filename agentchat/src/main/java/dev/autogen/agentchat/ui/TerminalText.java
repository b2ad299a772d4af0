package dev.autogen.agentchat.ui;

/**
 * Text made safe to print on a terminal: control characters that a terminal would act on (escape
 * sequences that move the cursor, clear the screen or retitle the window, a bare carriage return that
 * overwrites the line, a bell, bidirectional overrides that reorder what is shown) are written out as
 * escapes such as {@code \x1b} or {@code \u202e}, so what a task, a model or a config contains is seen as
 * it is. Line feeds, tabs and {@code \r\n} line ends stay as they are.
 *
 * <pre>{@code
 * String shown = TerminalText.escapeControls("red\u001b[31m\rover");   // "red\\x1b[31m\\rover"
 * }</pre>
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with every control character a terminal would act on written as an escape. */
    public static String escapeControls(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = escape(c, i + 1 < text.length() && text.charAt(i + 1) == '\n');
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? text : escaped.toString();
    }

    private static String escape(char c, boolean lineFeedFollows) {
        if (c == '\n' || c == '\t' || (c == '\r' && lineFeedFollows)) {
            return null;
        }
        if (c == '\r') {
            return "\\r";
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
            return String.format("\\x%02x", (int) c);
        }
        if ((c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }
}
