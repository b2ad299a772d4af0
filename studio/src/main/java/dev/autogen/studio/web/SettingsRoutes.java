package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.SettingsService;
import io.javalin.Javalin;
import io.javalin.http.Context;

/** {@code /api/settings}: a user's settings, secrets never shown in clear. */
public final class SettingsRoutes {
    private final SettingsService settings;

    /** Routes over {@code settings}. */
    public SettingsRoutes(SettingsService settings) {
        this.settings = settings;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/settings", ctx -> Api.ok(ctx, settings.get(Api.userId(ctx))));
        app.put("/api/settings", this::put);
    }

    private void put(Context ctx) {
        ObjectNode body = Api.body(ctx);
        String userId = Api.requiredText(body, "user_id");
        ObjectNode config = Api.requiredObject(body, "config");
        Api.ok(ctx, settings.put(userId, config));
    }
}
