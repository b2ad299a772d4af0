package dev.autogen.studio.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.websocket.WsContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who may use the Studio: with a token, every request carries {@code Authorization: Bearer TOKEN}
 * (a WebSocket may give it as {@code ?token=}, as browsers cannot set headers there); a request from a
 * web page carries an {@code Origin}, which must be the Studio's own, so another site open in the same
 * browser can neither read the API (CORS) nor drive it (state-changing requests and WebSockets are
 * refused outright).
 */
public final class AccessGuard {
    private final byte @Nullable [] token;
    private final boolean publicPages;
    private volatile Set<String> origins = Set.of();

    /** A guard for {@code token} (null: no token) on every route. */
    public AccessGuard(@Nullable String token) {
        this(token, false);
    }

    private AccessGuard(@Nullable String token, boolean publicPages) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.publicPages = publicPages;
    }

    /**
     * The Studio's guard: the token on the API, while the web pages (every GET outside {@code /api}),
     * which hold no data, load without it, since the browser gets the token from the page, and so do
     * the API paths of Python's exclude list ({@link AuthRoutes#EXCLUDE_PATHS}: health, version, the
     * auth type and login routes).
     */
    public static AccessGuard withPublicPages(@Nullable String token) {
        return new AccessGuard(token, true);
    }

    /** The origins of pages served from {@code host:port} (on loopback, under each of its names). */
    public static Set<String> ownOrigins(String host, int port) {
        Set<String> origins = new java.util.LinkedHashSet<>();
        String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        origins.add("http://" + shown + ":" + port);
        if (dev.autogen.studio.StudioConfig.isLoopback(host)) {
            origins.add("http://localhost:" + port);
            origins.add("http://127.0.0.1:" + port);
            origins.add("http://[::1]:" + port);
        }
        return origins;
    }

    /** The origins of the Studio's own pages, known once the server listens. */
    public void origins(Set<String> allowed) {
        this.origins = Set.copyOf(allowed);
    }

    /** Whether a request from a page of {@code origin} is allowed (no origin: not from a page). */
    public boolean originAllowed(@Nullable String origin) {
        return origin == null || origins.contains(origin);
    }

    /** Whether {@code presented} is the token (constant time); always true without a token. */
    public boolean tokenMatches(@Nullable String presented) {
        if (token == null) {
            return true;
        }
        return presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String bearer(@Nullable String header) {
        if (header == null) {
            return null;
        }
        return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    /**
     * Checks a request before its route: the origin, then the token (not for a WebSocket's upgrade,
     * whose token the socket checks, answering as Python Studio does, nor, with {@link #withPublicPages},
     * for the web pages and Python's excluded paths). Answers CORS preflights.
     *
     * @throws HttpError 403 for a foreign origin, 401 without the token
     */
    public void check(Context ctx) {
        String origin = ctx.header("Origin");
        if (!originAllowed(origin)) {
            throw HttpError.of(403, "Requests from " + origin + " are not allowed; use the Studio's own pages");
        }
        if (origin != null) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
        }
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.status(204);
            ctx.skipRemainingHandlers();
            return;
        }
        if (publicPages && isPublic(ctx) || isSocket(ctx)) {
            return;
        }
        if (!tokenMatches(bearer(ctx.header("Authorization")))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw HttpError.of(401, "Not authenticated: send the Studio's token as 'Authorization: Bearer TOKEN'");
        }
    }

    private static boolean isPublic(Context ctx) {
        String path = ctx.path().length() > 1 && ctx.path().endsWith("/")
                ? ctx.path().substring(0, ctx.path().length() - 1) : ctx.path();
        return ctx.method() == HandlerType.GET && !path.startsWith("/api") || AuthRoutes.PUBLIC_API_PATHS.contains(path);
    }

    /** A run socket, or the upgrade of an MCP socket: the socket checks the token, answering as Python Studio does. */
    private static boolean isSocket(Context ctx) {
        return ctx.path().startsWith("/api/ws/") || ctx.path().startsWith("/api/mcp/ws/")
                && "websocket".equalsIgnoreCase(ctx.header("Upgrade"));
    }

    /** Whether a WebSocket carries the token, in {@code ?token=} or an {@code Authorization} header. */
    public boolean authorized(WsContext ctx) {
        String presented = ctx.queryParam("token");
        if (presented == null || presented.equals("null")) {
            presented = bearer(ctx.header("Authorization"));
        }
        return tokenMatches(presented);
    }
}
