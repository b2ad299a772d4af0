package dev.autogen.studio.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The page of a login callback, as Python Studio's: in a popup it posts the result to the window that
 * opened it (only to the Studio's own origin, where Python posts to any) and closes; otherwise it goes
 * to {@code fallback}. Values are written as JSON with {@code <}, {@code >} and {@code &} escaped, so
 * nothing from the request can end the script.
 */
final class CallbackPage {
    private CallbackPage() {
    }

    static String html(String title, ObjectNode message, String fallback) {
        String token = message.path("token").asText(null);
        return """
                <!DOCTYPE html>
                <html><head><meta charset="utf-8"><title>%s</title>
                <script>
                window.onload = function () {
                  var result = %s;
                  if (window.opener) {
                    window.opener.postMessage(result, window.location.origin);
                    window.close();
                  } else {
                    %s
                    window.location.href = %s;
                  }
                };
                </script></head>
                <body><p>%s. This window should close by itself.</p></body></html>
                """.formatted(title, script(message.toString()),
                token == null ? "" : "localStorage.setItem('auth_token', result.token);",
                script(TextNode.valueOf(fallback).toString()), title);
    }

    /** JSON made safe inside a script element. */
    private static String script(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
