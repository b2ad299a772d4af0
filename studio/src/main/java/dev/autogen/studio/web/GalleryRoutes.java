package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.studio.db.Table;
import dev.autogen.studio.gallery.DefaultGallery;
import dev.autogen.studio.gallery.GalleryCheck;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/gallery}: a user's galleries of components, the default one inserted on first listing.
 * Creating or updating one also reports, in {@code compatibility}, the entries that cannot be loaded
 * in Java and why; {@code POST /api/gallery/check} does that for a gallery without storing it.
 */
public final class GalleryRoutes {
    private final Table gallery;

    /** Routes over the {@code gallery} table. */
    public GalleryRoutes(Table gallery) {
        this.gallery = gallery;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/gallery", this::list);
        app.post("/api/gallery/check", this::check);
        app.get("/api/gallery/{id}", this::get);
        app.post("/api/gallery", this::create);
        app.put("/api/gallery/{id}", this::update);
        app.delete("/api/gallery/{id}", this::delete);
    }

    private static ObjectNode response(String message, JsonNode data) {
        ObjectNode body = Api.object().put("message", message).put("status", true);
        body.set("data", data);
        return body;
    }

    private void list(Context ctx) {
        String userId = Api.userId(ctx);
        List<ObjectNode> entries = gallery.find(Map.of("user_id", userId), "created_at DESC, id DESC");
        if (entries.isEmpty()) {
            // built outside the database thread (checking Python's gallery takes a while), inserted once
            ObjectNode values = Api.object();
            values.set("config", DefaultGallery.create());
            entries = gallery.listOrInsert(userId, () -> values);
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        entries.forEach(data::add);
        Api.json(ctx, response("Gallery Retrieved Successfully", data));
    }

    private ObjectNode find(long id) {
        return gallery.get(id).orElseThrow(() -> HttpError.notFound("Gallery entry not found"));
    }

    private void get(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        ObjectNode entry = find(id);
        if (!userId.equals(entry.path("user_id").asText())) {
            throw HttpError.notFound("Gallery entry not found");
        }
        Api.json(ctx, response("Gallery Retrieved Successfully", entry));
    }

    private static ObjectNode config(ObjectNode body) {
        ObjectNode config = Api.requiredObject(body, "config");
        if (!config.path("components").isObject()) {
            throw HttpError.invalid("missing", List.of("body", "config", "components"), "Field required", config);
        }
        return config;
    }

    private void create(Context ctx) {
        ObjectNode body = Api.body(ctx);
        String userId = Api.requiredText(body, "user_id");
        ObjectNode values = Api.object();
        ObjectNode config = config(body);
        values.set("config", config);
        ObjectNode response = response("Gallery Created Successfully", gallery.insert(userId, values));
        response.set("compatibility", GalleryCheck.report(GalleryCheck.check(config)));
        Api.json(ctx, response);
    }

    private void update(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        ObjectNode body = Api.body(ctx);
        ObjectNode existing = find(id);
        if (!userId.equals(existing.path("user_id").asText())) {
            throw HttpError.of(403, "Not authorized to update this gallery entry");
        }
        ObjectNode config = config(body);
        ObjectNode values = Api.object();
        values.set("config", config);
        ObjectNode response = response("Gallery Updated Successfully", gallery.update(id, values).orElseThrow());
        response.set("compatibility", GalleryCheck.report(GalleryCheck.check(config)));
        Api.json(ctx, response);
    }

    private void delete(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        ObjectNode existing = find(id);
        if (!userId.equals(existing.path("user_id").asText())) {
            throw HttpError.notFound("Gallery entry not found");
        }
        gallery.delete(Map.of("id", id));
        Api.json(ctx, response("Gallery Deleted Successfully", NullNode.getInstance()));
    }

    /** {@code {"config": gallery}} -> {@code {"status": true, "data": [entries that do not load or run code]}}. */
    private void check(Context ctx) {
        ObjectNode config = config(Api.body(ctx));
        Api.ok(ctx, GalleryCheck.report(GalleryCheck.check(config)));
    }
}
