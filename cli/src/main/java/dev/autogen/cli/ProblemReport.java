package dev.autogen.cli;

import dev.autogen.core.component.ComponentProblem;
import java.util.List;

/** Renders component problems for the terminal: a header naming the file, then one {@code path: message} per line. */
final class ProblemReport {
    private ProblemReport() {
    }

    static String render(String config, List<ComponentProblem> problems) {
        var text = new StringBuilder("autogen: ").append(config).append(" cannot be loaded (")
                .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("):");
        for (ComponentProblem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
