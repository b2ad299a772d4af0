package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/auth}: Python Studio's auth routes. Without a token the Studio is Python's default
 * auth type {@code "none"} (its {@code NoAuthProvider}: everyone is the default user, a login is
 * automatic); with a token (ours, not a login) the type is {@code "token"}: every route outside
 * {@link #EXCLUDE_PATHS} needs it, and the login routes refuse, since there is no login that could
 * hand the token out.
 */
public final class AuthRoutes {
    /** The user of a Studio without logins, as Python's. */
    public static final String DEFAULT_USER_ID = "guestuser@gmail.com";
    /** The paths reachable without the token: Python's {@code AuthConfig.exclude_paths}. */
    public static final List<String> EXCLUDE_PATHS = List.of("/", "/api/health", "/api/version", "/api/auth/login-url",
            "/api/auth/callback-handler", "/api/auth/callback", "/api/auth/type");
    /** {@link #EXCLUDE_PATHS} under {@code /api}. */
    static final Set<String> PUBLIC_API_PATHS = Set.copyOf(EXCLUDE_PATHS.subList(1, EXCLUDE_PATHS.size()));
    private static final String NO_LOGIN = "This Studio has no login: it is protected by the token given when it "
            + "started (--auth-token or AUTOGEN_STUDIO_TOKEN). Send it as 'Authorization: Bearer TOKEN', or open the "
            + "Studio once at /?token=TOKEN";

    private final boolean token;

    /** The routes of a Studio with a token ({@code token} true) or without. */
    public AuthRoutes(boolean token) {
        this.token = token;
    }

    /** Adds the routes to {@code app}. */
    public void register(Javalin app) {
        app.get("/api/auth/type", this::type);
        app.get("/api/auth/me", ctx -> Api.json(ctx, user()));
        app.get("/api/auth/login-url", this::loginUrl);
        app.get("/api/auth/callback", this::callback);
        app.post("/api/auth/callback-handler", this::callbackHandler);
    }

    private void type(Context ctx) {
        ObjectNode body = Api.object().put("type", token ? "token" : "none");
        EXCLUDE_PATHS.forEach(body.putArray("exclude_paths")::add);
        Api.json(ctx, body);
    }

    /** The current user: the default user, {@code provider} saying how the request was let in. */
    private ObjectNode user() {
        ObjectNode user = Api.object().put("id", DEFAULT_USER_ID).put("name", "Default User").put("email", DEFAULT_USER_ID)
                .put("provider", token ? "token" : "none");
        user.putArray("roles").add("user");
        return user;
    }

    private void loginUrl(Context ctx) {
        refuseWithToken();
        Api.json(ctx, Api.object().put("login_url", "/api/auth/callback?automatic=true"));
    }

    /** The page a login provider sends the browser back to; it hands the result to the Studio's window. */
    private void callback(Context ctx) {
        refuseWithToken();
        String error = ctx.queryParam("error");
        if (error != null) {
            ObjectNode message = Api.object().put("type", "auth-error").put("error", error);
            ctx.contentType("text/html; charset=utf-8").result(CallbackPage.html("Authentication failed", message,
                    "/?auth_error=" + java.net.URLEncoder.encode(error, java.nio.charset.StandardCharsets.UTF_8)));
            return;
        }
        if (ctx.queryParam("code") == null && !"true".equals(ctx.queryParam("automatic"))) {
            throw HttpError.of(400, "Missing required 'code' parameter");
        }
        ObjectNode message = Api.object().put("type", "auth-success").put("token", noneToken());
        message.set("user", loginUser());
        ctx.contentType("text/html; charset=utf-8").result(CallbackPage.html("Authentication successful", message, "/"));
    }

    private void callbackHandler(Context ctx) {
        refuseWithToken();
        JsonNode code = Api.body(ctx).get("code");
        if (code == null || code.isNull() || code.asText().isEmpty()) {
            throw HttpError.of(400, "Authorization code is required");
        }
        ObjectNode body = Api.object().put("token", noneToken());
        body.set("user", loginUser());
        Api.json(ctx, body);
    }

    /** The user a login hands back, as Python's callback writes it (no roles). */
    private ObjectNode loginUser() {
        ObjectNode user = user();
        user.remove("roles");
        return user;
    }

    /** Python's token when it has no JWT secret, as with the "none" type; nothing checks it. */
    private static String noneToken() {
        return "dummy_token_" + DEFAULT_USER_ID;
    }

    private void refuseWithToken() {
        if (token) {
            throw HttpError.of(400, NO_LOGIN);
        }
    }
}
