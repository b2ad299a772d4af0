package dev.autogen.ext.agents.web_surfer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses the surfer may open: only {@code http}, {@code https} and {@code file} URLs (and
 * {@code about:blank}), and when an allow-list is given, only URLs starting with one of its prefixes.
 * Applied to every page the browser loads, whether the model typed the URL, clicked a link or a page
 * redirected.
 *
 * <pre>{@code
 * UrlPolicy policy = UrlPolicy.allowing(List.of("http://127.0.0.1:8080/", "https://en.wikipedia.org/"));
 * policy.refusal("https://example.com/");   // Optional["'https://example.com/' is not under the allow-list ..."]
 * }</pre>
 *
 * @param allowedPrefixes URL prefixes the surfer may open; empty allows every http, https and file URL
 */
public record UrlPolicy(List<String> allowedPrefixes) {
    /** http, https and file URLs anywhere. */
    public static final UrlPolicy ANY = new UrlPolicy(List.of());

    private static final List<String> SCHEMES = List.of("http", "https", "file");

    public UrlPolicy {
        allowedPrefixes = List.copyOf(allowedPrefixes);
        for (String prefix : allowedPrefixes) {
            Optional<String> problem = schemeProblem(prefix);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("url allow-list entry " + problem.get());
            }
        }
    }

    /** A policy allowing only URLs under {@code prefixes}. */
    public static UrlPolicy allowing(List<String> prefixes) {
        return new UrlPolicy(prefixes);
    }

    /** Why {@code url} may not be opened, or empty if it may. */
    public Optional<String> refusal(String url) {
        if (url.equals("about:blank")) {
            return Optional.empty();
        }
        Optional<String> problem = schemeProblem(url);
        if (problem.isPresent()) {
            return problem;
        }
        if (allowedPrefixes.isEmpty() || allowedPrefixes.stream().anyMatch(url::startsWith)) {
            return Optional.empty();
        }
        return Optional.of("'" + url + "' is not under the surfer's URL allow-list " + allowedPrefixes);
    }

    /** Whether {@code url} may be opened. */
    public boolean allows(String url) {
        return refusal(url).isEmpty();
    }

    private static Optional<String> schemeProblem(String url) {
        String scheme;
        try {
            scheme = new URI(url).getScheme();
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a valid URL: " + e.getReason());
        }
        if (scheme == null || !SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + url + "' is not an http, https or file URL");
        }
        return Optional.empty();
    }
}
