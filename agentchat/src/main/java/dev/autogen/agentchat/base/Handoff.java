package dev.autogen.agentchat.base;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.autogen.core.tools.FunctionTool;
import dev.autogen.core.tools.Tool;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A handoff an agent may make to another agent: the model sees it as a tool named
 * {@code transfer_to_<target>}; calling it makes the agent answer with a
 * {@link dev.autogen.agentchat.messages.HandoffMessage} to {@code target} (acted on by {@code Swarm},
 * and by {@code HandoffTermination} to stop for a user).
 *
 * <pre>{@code
 * Handoff toFlights = Handoff.to("flights_refunder");
 * // name "transfer_to_flights_refunder", message "Transferred to flights_refunder, adopting the role of ..."
 * }</pre>
 *
 * @param target the agent to hand off to
 * @param description what the handoff is for; shown to the model
 * @param name the tool name, a valid identifier
 * @param message what the handoff tool returns, and the content of the {@code HandoffMessage}
 */
@JsonPropertyOrder({"target", "description", "name", "message"})
public record Handoff(String target, String description, String name, String message) {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Fills Python AutoGen's defaults for fields left null, and checks {@code name}. */
    @JsonCreator
    public Handoff(String target, @Nullable String description, @Nullable String name, @Nullable String message) {
        Objects.requireNonNull(target, "target");
        this.target = target;
        this.description = description != null ? description : "Handoff to " + target + ".";
        this.name = name != null ? name : ("transfer_to_" + target).toLowerCase(java.util.Locale.ROOT);
        this.message = message != null ? message
                : "Transferred to " + target + ", adopting the role of " + target + " immediately.";
        if (!IDENTIFIER.matcher(this.name).matches()) {
            throw new IllegalArgumentException("handoff name '" + this.name + "' must be a valid identifier "
                    + "(letters, digits and underscores, not starting with a digit); give the handoff another name");
        }
    }

    /** A handoff to {@code target} with the default description, name and message. */
    public static Handoff to(String target) {
        return new Handoff(target, null, null, null);
    }

    /** Configs may give a handoff as just its target's name. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Handoff fromTarget(String target) {
        return to(target);
    }

    /** The tool the model calls to hand off; it takes no arguments and returns {@link #message()}. */
    public Tool handoffTool() {
        return FunctionTool.of(name, description, NoArguments.class, args -> message);
    }

    /** The handoff tool's (empty) arguments. */
    public record NoArguments() {
    }
}
