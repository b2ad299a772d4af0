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
 * {@code /api/validate/test} tries the component once ({@link ComponentTester}).
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
     * {@code /api/validate/test}: tries the component once (a model or an agent answers a question;
     * the rest are loaded), within the request's {@code timeout} (30 s by default, as Python's).
     */
    private void test(Context ctx) {
        ObjectNode body = Api.body(ctx);
        ObjectNode component = Api.requiredObject(body, "component");
        int timeout = body.path("timeout").canConvertToInt() && body.path("timeout").asInt() > 0
                ? body.path("timeout").asInt() : 30;
        Api.json(ctx, ComponentTester.test(component, body.get("model_client"), timeout));
    }
}
