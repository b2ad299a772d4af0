package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.db.StudioStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/runs}: creating a run of a session (started over the WebSocket), reading it and its messages. */
public final class RunRoutes {
    private final StudioStore store;

    /** Routes over {@code store}. */
    public RunRoutes(StudioStore store) {
        this.store = store;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.post("/api/runs", this::create);
        app.get("/api/runs/{id}", this::get);
        app.get("/api/runs/{id}/messages", this::messages);
    }

    private void create(Context ctx) {
        ObjectNode body = Api.body(ctx);
        long sessionId = Api.requiredId(body, "session_id");
        String userId = Api.requiredText(body, "user_id");
        if (store.sessions.find(Map.of("id", sessionId, "user_id", userId), "id").isEmpty()) {
            throw HttpError.notFound("Session not found");
        }
        ObjectNode values = Api.object().put("session_id", sessionId).put("status", "created");
        values.putObject("task");
        values.putObject("team_result");
        ObjectNode run = store.runs.insert(userId, values);
        Api.ok(ctx, Api.object().put("run_id", run.get("id").asLong()));
    }

    /** A run row as the API shows it: Python's fields, with the checkpoint run id; not the team config. */
    public static ObjectNode view(ObjectNode run) {
        ObjectNode view = run.deepCopy();
        view.remove("team_config");
        view.putArray("messages");
        return view;
    }

    private void get(Context ctx) {
        long id = Api.pathId(ctx, "id");
        ObjectNode run = store.runs.get(id).orElseThrow(() -> HttpError.notFound("Run not found"));
        Api.ok(ctx, view(run));
    }

    private void messages(Context ctx) {
        long id = Api.pathId(ctx, "id");
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        store.messages.find(Map.of("run_id", id), "id ASC").forEach(data::add);
        Api.ok(ctx, data);
    }
}
