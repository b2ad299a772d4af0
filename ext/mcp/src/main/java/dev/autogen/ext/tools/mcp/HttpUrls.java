package dev.autogen.ext.tools.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks of the URLs and headers given for HTTP servers. */
final class HttpUrls {
    /** Headers that {@link java.net.http.HttpClient} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private HttpUrls() {
    }

    static URI check(String url, String field) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " '" + url + "' is not a valid URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an http:// or https:// URL with a host, e.g."
                    + " http://localhost:3001/mcp; got '" + url + "'");
        }
        return uri;
    }

    static void checkHeaders(Map<String, String> headers, String field) {
        for (String name : headers.keySet()) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(field + " has a blank header name");
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(field + " sets '" + name + "', which the HTTP client sets itself;"
                        + " remove it");
            }
        }
    }

    /** {@code scheme://authority} of a URL. */
    static String base(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The path and query of a URL, {@code "/"} when it has no path. */
    static String endpoint(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
