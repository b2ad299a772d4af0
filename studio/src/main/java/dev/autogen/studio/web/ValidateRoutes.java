package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.component.ComponentProblem;
import dev.autogen.studio.gallery.ComponentCheck;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * {@code /api/validate}: checks a component config with the project's component loader, every
 * problem with its JSON path; a config that would run code is valid, with a warning. Nothing starts.
 */
public final class ValidateRoutes {
    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.post("/api/validate", this::validate);
        app.post("/api/validate/test", this::test);
    }

    private void validate(Context ctx) {
        ObjectNode component = Api.requiredObject(Api.body(ctx), "component");
        Api.json(ctx, report(component));
    }

    /** {@code {"is_valid", "errors": [{"field", "error", "suggestion"}], "warnings": [...]}}. */
    static ObjectNode report(ObjectNode component) {
        ComponentCheck check = ComponentCheck.of(component, "component");
        ObjectNode result = Api.object().put("is_valid", check.ok());
        ArrayNode errors = result.putArray("errors");
        for (ComponentProblem problem : check.problems()) {
            errors.addObject().put("field", problem.path()).put("error", problem.message())
                    .put("suggestion", suggestion(problem));
        }
        ArrayNode warnings = result.putArray("warnings");
        check.needsConsent().forEach(request -> warnings.addObject().put("field", request.path())
                .put("error", request.describe())
                .put("suggestion", "It runs only when code execution is enabled in the settings."));
        return result;
    }

    private static String suggestion(ComponentProblem problem) {
        String message = problem.message();
        if (message.contains("unknown provider")) {
            return "Use a provider this Studio knows; see the gallery for the components that exist in Java.";
        }
        return "Correct the field and validate again.";
    }

    /**
     * {@code /api/validate/test}: Python's runs the component once; this one loads it (starting
     * nothing) and reports the outcome as {@code {"status", "message", "logs"}}.
     */
    private void test(Context ctx) {
        ObjectNode component = Api.requiredObject(Api.body(ctx), "component");
        ObjectNode report = report(component);
        boolean ok = report.get("is_valid").asBoolean();
        ObjectNode result = Api.object().put("status", ok)
                .put("message", ok ? "Component loads; running it is left to a run of a team"
                        : "Component does not load: " + report.get("errors").get(0).get("error").asText());
        ArrayNode logs = result.putArray("logs");
        report.get("errors").forEach(e -> logs.add(e.get("field").asText() + ": " + e.get("error").asText()));
        report.get("warnings").forEach(w -> logs.add(w.get("field").asText() + ": " + w.get("error").asText()));
        Api.json(ctx, result);
    }
}
