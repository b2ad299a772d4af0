package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.db.StudioStore;
import dev.autogen.studio.gallery.DefaultGallery;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /api/teams}: a user's teams, each a team component config; POST upserts by {@code id}. */
public final class TeamRoutes {
    private final StudioStore store;

    /** Routes over {@code store}. */
    public TeamRoutes(StudioStore store) {
        this.store = store;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/teams", this::list);
        app.get("/api/teams/{id}", this::get);
        app.post("/api/teams", this::upsert);
        app.delete("/api/teams/{id}", this::delete);
    }

    private void list(Context ctx) {
        String userId = Api.userId(ctx);
        ObjectNode defaults = Api.object();
        defaults.set("component", DefaultGallery.defaultTeam());
        List<ObjectNode> teams = store.teams.listOrInsert(userId, () -> defaults);
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        teams.forEach(data::add);
        Api.ok(ctx, data);
    }

    private void get(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        Api.ok(ctx, find(id, userId));
    }

    private ObjectNode find(long id, String userId) {
        List<ObjectNode> teams = store.teams.find(Map.of("id", id, "user_id", userId), "id");
        if (teams.isEmpty()) {
            throw HttpError.notFound("Team not found");
        }
        return teams.get(0);
    }

    private void upsert(Context ctx) {
        ObjectNode body = Api.body(ctx);
        ObjectNode component = Api.requiredObject(body, "component");
        String userId = Api.requiredText(body, "user_id");
        ObjectNode values = Api.object();
        values.set("component", component);
        JsonNode id = body.get("id");
        if (id != null && !id.isNull()) {
            long teamId = Api.requiredId(body, "id");
            if (!store.teams.find(Map.of("id", teamId, "user_id", userId), "id").isEmpty()) {
                Api.ok(ctx, store.teams.update(teamId, values).orElseThrow());
                return;
            }
        }
        Api.ok(ctx, store.teams.insert(userId, values));
    }

    private void delete(Context ctx) {
        long id = Api.pathId(ctx, "id");
        store.deleteTeam(id, Api.userId(ctx));
        Api.json(ctx, Api.object().put("status", true).put("message", "Team deleted successfully"));
    }
}
