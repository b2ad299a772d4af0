package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request that fails: its status and the {@code detail} of FastAPI's error body, a sentence
 * ({@code {"detail": "Team not found"}}) or, for a 422, a list of validation problems
 * ({@code {"detail": [{"type", "loc", "msg", "input"}]}}).
 */
public final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient JsonNode detail;

    private HttpError(int status, JsonNode detail, String message) {
        super(message, null, false, false);
        this.status = status;
        this.detail = detail;
    }

    /** An error with a sentence as its detail. */
    public static HttpError of(int status, String detail) {
        return new HttpError(status, TextNode.valueOf(detail), detail);
    }

    /** 404 with {@code detail}. */
    public static HttpError notFound(String detail) {
        return of(404, detail);
    }

    /**
     * 422 for one bad part of the request, as FastAPI reports it.
     *
     * @param type FastAPI's error type, e.g. {@code missing}, {@code int_parsing}, {@code json_invalid}
     * @param loc where: {@code ["query", "user_id"]}, {@code ["body", "component"]}
     */
    public static HttpError invalid(String type, List<?> loc, String msg, @Nullable JsonNode input) {
        ObjectNode problem = JsonNodeFactory.instance.objectNode();
        problem.put("type", type);
        ArrayNode where = problem.putArray("loc");
        loc.forEach(part -> {
            if (part instanceof Number n) {
                where.add(n.intValue());
            } else {
                where.add(String.valueOf(part));
            }
        });
        problem.put("msg", msg);
        problem.set("input", input == null ? JsonNodeFactory.instance.nullNode() : input);
        ArrayNode detail = JsonNodeFactory.instance.arrayNode().add(problem);
        return new HttpError(422, detail, String.join(".", loc.stream().map(String::valueOf).toList()) + ": " + msg);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The body: {@code {"detail": ...}}. */
    public ObjectNode body() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("detail", detail);
        return body;
    }
}
