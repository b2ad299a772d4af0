package dev.autogen.core.component;

import java.util.List;
import java.util.Objects;

/**
 * A component config could not be loaded. Carries every problem found, each with the JSON path it
 * concerns, so the message reads like
 * {@code team.config.participants[1].config.model_client: unknown provider 'foo'}.
 */
public class ComponentLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<ComponentProblem> problems;

    /**
     * Creates an exception for one or more problems.
     *
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ComponentLoadException(List<ComponentProblem> problems) {
        this(problems, null);
    }

    /** Creates an exception for one problem caused by {@code cause}. */
    public ComponentLoadException(ComponentProblem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    /** Creates an exception for one problem. */
    public ComponentLoadException(String path, String message) {
        this(List.of(new ComponentProblem(path, message)), null);
    }

    private ComponentLoadException(List<ComponentProblem> problems, Throwable cause) {
        super(render(problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order found; never empty. */
    public List<ComponentProblem> problems() {
        return problems;
    }

    /** The path of the first problem. */
    public String path() {
        return problems.getFirst().path();
    }

    private static String render(List<ComponentProblem> problems) {
        Objects.requireNonNull(problems, "problems");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ComponentLoadException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.getFirst().toString();
        }
        var text = new StringBuilder(problems.size() + " problems in component config:");
        for (ComponentProblem p : problems) {
            text.append("\n  ").append(p);
        }
        return text.toString();
    }
}
