package dev.autogen.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of a published message: a topic {@code type} that subscriptions match on and a
 * {@code source} that usually names the context (a conversation, a user, an agent key) the message
 * belongs to. Follows the CloudEvents notion of type and source.
 *
 * @param type the topic type; letters, digits and {@code _ - . : =} only
 * @param source the topic source
 */
public record TopicId(String type, String source) {
    private static final Pattern TYPE = Pattern.compile("[\\w\\-.:=]+");

    public TopicId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("invalid topic type '" + type
                    + "': use only letters, digits, '_', '-', '.', ':' and '='");
        }
    }

    /**
     * Parses the {@code type/source} form written by {@link #toString()}.
     *
     * @throws IllegalArgumentException if the text has no {@code /}
     */
    public static TopicId fromString(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("invalid topic id '" + text + "': expected 'type/source'");
        }
        return new TopicId(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return type + "/" + source;
    }
}
