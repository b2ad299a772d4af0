package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.studio.db.StudioStore;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/teams/{id}/export?format=json|java|dockerfile}: a team to take away: its component
 * JSON ({@code team.json}), a Java program that loads and runs it, or a Dockerfile that serves it
 * with {@code autogen studio serve}.
 */
public final class ExportRoutes {
    private final StudioStore store;

    /** Routes over {@code store}. */
    public ExportRoutes(StudioStore store) {
        this.store = store;
    }

    /** Adds the route to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/teams/{id}/export", this::export);
    }

    private void export(Context ctx) {
        long id = Api.pathId(ctx, "id");
        String userId = Api.userId(ctx);
        List<ObjectNode> teams = store.teams.find(Map.of("id", id, "user_id", userId), "id");
        if (teams.isEmpty()) {
            throw HttpError.notFound("Team not found");
        }
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        switch (format) {
            case "json" -> {
                ctx.header("Content-Disposition", "attachment; filename=\"team.json\"");
                ctx.contentType("application/json").result(pretty(teams.get(0).get("component")));
            }
            case "java" -> ctx.contentType("text/plain; charset=utf-8").result(JAVA);
            case "dockerfile" -> ctx.contentType("text/plain; charset=utf-8").result(DOCKERFILE);
            default -> throw HttpError.invalid("enum", List.of("query", "format"),
                    "Input should be 'json', 'java' or 'dockerfile'", com.fasterxml.jackson.databind.node.TextNode.valueOf(format));
        }
    }

    private static String pretty(Object json) {
        try {
            return AutogenJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the team's JSON", e);
        }
    }

    private static final String JAVA = """
            // Runs a team exported from AutoGen Studio: save its JSON as team.json next to this file.
            // Dependencies: dev.autogen:autogen-agentchat and the autogen-ext-* modules of its model clients.
            import dev.autogen.agentchat.base.Team;
            import dev.autogen.agentchat.ui.Console;
            import dev.autogen.core.component.ComponentLoader;
            import java.nio.file.Files;
            import java.nio.file.Path;

            public class RunTeam {
                public static void main(String[] args) throws Exception {
                    String json = Files.readString(Path.of("team.json"));
                    try (Team team = ComponentLoader.loadComponent(json, Team.class)) {
                        Console.print(team.runStream(args.length > 0 ? args[0] : "Hello!"));
                    }
                }
            }
            """;

    private static final String DOCKERFILE = """
            # Serves a team exported from AutoGen Studio at GET /predict/{task} (docs/studio.md).
            # Build context: a checkout of AutoGen for Java with the exported team.json at its root.
            #   docker build -t my-team . && docker run -p 8084:8084 -e AUTOGEN_STUDIO_TOKEN=... -e OPENAI_API_KEY=... my-team
            FROM eclipse-temurin:21-jdk
            WORKDIR /autogen
            COPY . .
            RUN ./mvnw -B -q -ntp -DskipTests install -pl cli -am
            EXPOSE 8084
            # Listening on every interface needs a token: give AUTOGEN_STUDIO_TOKEN at docker run.
            CMD ["./autogen", "studio", "serve", "--team", "team.json", "--host", "0.0.0.0", "--port", "8084"]
            """;
}
