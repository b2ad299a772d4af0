package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.db.StudioStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/sessions}: a user's sessions (a team and a name) and the runs of each. */
public final class SessionRoutes {
    private final StudioStore store;

    /** Routes over {@code store}. */
    public SessionRoutes(StudioStore store) {
        this.store = store;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/sessions", this::list);
        app.get("/api/sessions/{id}", this::get);
        app.post("/api/sessions", this::create);
        app.put("/api/sessions/{id}", this::update);
        app.delete("/api/sessions/{id}", this::delete);
        app.get("/api/sessions/{id}/runs", this::runs);
    }

    private void list(Context ctx) {
        String userId = Api.userId(ctx);
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        store.sessions.find(Map.of("user_id", userId), "created_at DESC, id DESC").forEach(data::add);
        Api.ok(ctx, data);
    }

    private ObjectNode find(long id, String userId, String notFound) {
        List<ObjectNode> sessions = store.sessions.find(Map.of("id", id, "user_id", userId), "id");
        if (sessions.isEmpty()) {
            throw HttpError.notFound(notFound);
        }
        return sessions.get(0);
    }

    private void get(Context ctx) {
        long id = Api.pathId(ctx, "id");
        Api.ok(ctx, find(id, Api.userId(ctx), "Session not found"));
    }

    private static ObjectNode fields(ObjectNode body) {
        ObjectNode values = Api.object();
        if (body.has("name")) {
            JsonNode name = body.get("name");
            if (!name.isNull() && !name.isTextual()) {
                throw HttpError.invalid("string_type", List.of("body", "name"), "Input should be a valid string", name);
            }
            values.set("name", name);
        }
        if (body.has("team_id") && !body.get("team_id").isNull()) {
            values.put("team_id", Api.requiredId(body, "team_id"));
        }
        return values;
    }

    private void create(Context ctx) {
        ObjectNode body = Api.body(ctx);
        String userId = Api.requiredText(body, "user_id");
        Api.json(ctx, Api.ok(store.sessions.insert(userId, fields(body)), "Session created successfully"));
    }

    private void update(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        ObjectNode body = Api.body(ctx);
        find(id, userId, "Session not found");
        ObjectNode updated = store.sessions.update(id, fields(body)).orElseThrow(() -> HttpError.notFound("Session not found"));
        ObjectNode response = Api.object().put("status", true);
        response.set("data", updated);
        response.put("message", "Session updated successfully");
        Api.json(ctx, response);
    }

    private void delete(Context ctx) {
        long id = Api.pathId(ctx, "id");
        store.deleteSession(id, Api.userId(ctx));
        Api.json(ctx, Api.object().put("status", true).put("message", "Session deleted successfully"));
    }

    private void runs(Context ctx) {
        long id = Api.pathId(ctx, "id");
        find(id, Api.userId(ctx), "Session not found or access denied");
        ArrayNode runs = JsonNodeFactory.instance.arrayNode();
        for (ObjectNode run : store.runs.find(Map.of("session_id", id), "id ASC")) {
            ObjectNode item = runs.addObject();
            item.put("id", run.get("id").asText());
            item.set("created_at", run.get("created_at"));
            item.set("status", run.get("status"));
            item.set("task", run.get("task"));
            item.set("team_result", run.get("team_result"));
            ArrayNode messages = item.putArray("messages");
            store.messages.find(Map.of("run_id", run.get("id").asLong()), "id ASC")
                    .forEach(messages::add);
        }
        ObjectNode data = Api.object();
        data.set("runs", runs);
        Api.ok(ctx, data);
    }
}
