package dev.autogen.studio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentProblem;
import dev.autogen.core.component.ConsentRequest;
import java.util.List;

/**
 * What checking one component config found: its problems (each with its JSON path; none means it
 * loads in Java) and the parts that would run code or start programs, which a run allows only when
 * code execution is enabled in the settings.
 *
 * @param problems why it cannot be loaded
 * @param needsConsent the components that would start processes
 */
public record ComponentCheck(List<ComponentProblem> problems, List<ConsentRequest> needsConsent) {
    public ComponentCheck {
        problems = List.copyOf(problems);
        needsConsent = List.copyOf(needsConsent);
    }

    /** Checks {@code component} (builds it once, starting nothing). */
    public static ComponentCheck of(JsonNode component, String rootPath) {
        var consent = new ConsentRecorder();
        List<ComponentProblem> problems = ComponentLoader.defaultLoader().withRootPath(rootPath).withConsent(consent)
                .validate(component, Object.class);
        return new ComponentCheck(problems, consent.requests());
    }

    /** Whether it loads. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
