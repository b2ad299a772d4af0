package dev.autogen.studio.web;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every error as FastAPI writes it, {@code {"detail": ...}}: ours, Javalin's (404, 405, 413) and the unexpected. */
public final class ErrorHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandlers.class);

    private ErrorHandlers() {
    }

    /** Installs the handlers on {@code app}, whose bodies are limited to {@code maxBodyBytes}. */
    public static void install(Javalin app, long maxBodyBytes) {
        app.exception(HttpError.class, (e, ctx) -> {
            ctx.status(e.status());
            Api.json(ctx, e.body());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ctx.status(e.getStatus());
            String detail = switch (e.getStatus()) {
                case 404 -> "Not Found";
                case 405 -> "Method Not Allowed";
                case 413 -> "Request body too large; the limit is " + maxBodyBytes + " bytes";
                default -> e.getMessage();
            };
            Api.json(ctx, Api.object().put("detail", detail));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("request {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500);
            Api.json(ctx, Api.object().put("detail", "Internal server error: " + dev.autogen.studio.runs.Errors.describe(e)));
        });
        app.error(404, ctx -> {
            if (Pages.isPageRequest(ctx)) {
                Pages.serveIndex(ctx);
                return;
            }
            if (ctx.result() == null || ctx.result().isEmpty() || "Not Found".equals(ctx.result())) {
                Api.json(ctx, Api.object().put("detail", "Not Found"));
            }
        });
        app.error(405, ctx -> Api.json(ctx, Api.object().put("detail", "Method Not Allowed")));
    }
}
