package dev.autogen.studio.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The Studio's web pages: the single-page app built from {@code studio/frontend} into the jar under
 * {@code dev/autogen/studio/ui}, served at {@code /}; a page address ({@code /playground},
 * {@code /build?...}) gets {@code index.html}, so reloading a page works. {@code /api/...} (and
 * {@code /ws}, {@code /predict}, the paths of the served-team endpoint) is never answered with a
 * page. A jar built without the pages ({@code -Dstudio.frontend.skip=true}) answers page addresses
 * with a short note instead.
 */
public final class Pages {
    private static final String ROOT = "/dev/autogen/studio/ui";
    private static final String MISSING = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>AutoGen Studio (Java)</title></head>
            <body><h1>AutoGen Studio (Java)</h1><p>This Studio was built without its web pages
            (<code>-Dstudio.frontend.skip=true</code>, or npm was missing). Its API is at <code>/api</code>;
            build the studio module with npm installed to get the pages.</p></body></html>
            """;

    private Pages() {
    }

    /** Whether this jar holds the built pages. */
    public static boolean bundled() {
        return Pages.class.getResource(ROOT + "/index.html") != null;
    }

    /** Serves the pages' files (scripts, styles) from the class path, when they are bundled. */
    public static void configure(JavalinConfig config) {
        if (!bundled()) {
            return;
        }
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = ROOT;
            files.location = Location.CLASSPATH;
            // file names carry a content hash, except index.html, which must always be fresh
            files.headers = java.util.Map.of("Cache-Control", "no-cache");
        });
    }

    /** Whether a request that matched nothing is for a page of the app (a browser asking for HTML). */
    public static boolean isPageRequest(Context ctx) {
        String path = ctx.path();
        String accept = ctx.header("Accept");
        return ctx.method() == HandlerType.GET && !path.startsWith("/api") && !path.startsWith("/assets/")
                && !path.startsWith("/ws") && !path.startsWith("/predict")
                && !path.substring(path.lastIndexOf('/') + 1).contains(".")
                && accept != null && accept.contains("text/html");
    }

    /** Answers with the app's {@code index.html} (status 200), which shows the page the address names. */
    public static void serveIndex(Context ctx) {
        byte @Nullable [] index = read();
        ctx.status(200).contentType("text/html; charset=utf-8").header("Cache-Control", "no-cache");
        ctx.result(index != null ? index : MISSING.getBytes(StandardCharsets.UTF_8));
    }

    private static byte @Nullable [] read() {
        try (InputStream in = Pages.class.getResourceAsStream(ROOT + "/index.html")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Studio's index.html", e);
        }
    }
}
