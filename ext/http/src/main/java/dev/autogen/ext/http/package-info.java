/**
 * HTTP plumbing the model clients in {@code ext/} share, on the JDK's {@link java.net.http.HttpClient}
 * only: {@link dev.autogen.ext.http.HttpExchanges} sends one request that a
 * {@link dev.autogen.core.CancellationToken} aborts, {@link dev.autogen.ext.http.HttpRetries}
 * holds the retry rules the official model SDKs use (retryable statuses, {@code Retry-After}, backoff,
 * a cancellable wait), {@link dev.autogen.ext.http.HttpBodies} reads error bodies and closes
 * abandoned ones, and {@link dev.autogen.ext.http.ServerSentEvents} reads
 * {@code text/event-stream} bodies. Each client keeps its own requests, headers and error types.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.http;
