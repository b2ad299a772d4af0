package dev.autogen.examples.samples;

import dev.autogen.ext.http.HttpCallException;
import dev.autogen.ext.http.HttpErrorDecoder;
import dev.autogen.ext.http.HttpStatusError;
import dev.autogen.ext.http.HttpTransport;
import dev.autogen.ext.http.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP transport of the samples' search tools, whose errors carry the service's own words for the model. */
final class SampleHttp {
    private static final int BODY_SHOWN = 500;

    private SampleHttp() {
    }

    /** A transport without retries whose failures name {@code service} and quote its error answer. */
    static HttpTransport transport(String service) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return new HttpTransport(client, RetryPolicy.none(), new HttpErrorDecoder() {
            @Override
            public RuntimeException status(HttpStatusError error) {
                String body = error.body().strip();
                if (body.length() > BODY_SHOWN) {
                    body = body.substring(0, BODY_SHOWN) + "...";
                }
                return new HttpCallException(service + " answered HTTP " + error.status()
                        + (body.isEmpty() ? "" : ": " + body), error.uri(), error.status(), error.body(), null);
            }

            @Override
            public RuntimeException failure(URI uri, IOException cause, int attempts) {
                return HttpErrorDecoder.DEFAULT.failure(uri, cause, attempts);
            }
        }, service + " request");
    }
}
