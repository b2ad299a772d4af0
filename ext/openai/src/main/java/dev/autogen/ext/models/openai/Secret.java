package dev.autogen.ext.models.openai;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A secret such as an API key, Python's pydantic {@code SecretStr}: it is written to JSON and
 * {@code toString()} as {@value #MASK}, never in clear, so dumping a component config cannot leak it.
 * Read the value with {@link #value()}.
 *
 * <p>Reading the mask itself back (a config that was dumped with its key hidden, such as the entries
 * of AutoGen Studio's gallery) gives no secret: {@link #fromJson} returns null and the client falls
 * back to the environment variable.
 *
 * @param value the secret in clear
 */
public record Secret(String value) {
    /** What Python writes for a {@code SecretStr}. */
    public static final String MASK = "**********";

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /** The secret for {@code value}; null for null, blank or the {@link #MASK} placeholder. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static @Nullable Secret fromJson(@Nullable String value) {
        if (value == null || value.isBlank() || value.equals(MASK)) {
            return null;
        }
        return new Secret(value);
    }

    /** The masked form written to JSON. */
    @JsonValue
    public String masked() {
        return MASK;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
