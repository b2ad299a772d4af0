/**
 * The one HTTP pipeline of the model clients in {@code ext/} (OpenAI and Azure, Anthropic, Ollama) and
 * of {@code HttpTool}, on the JDK's {@link java.net.http.HttpClient} only.
 *
 * <ul>
 *   <li>{@link dev.autogen.ext.http.HttpTransport} sends a request with a
 *       {@link dev.autogen.ext.http.RetryPolicy} (408/409/429/5xx, {@code Retry-After}, backoff), aborts it
 *       on a {@link dev.autogen.core.CancellationToken}, and hands a failure to the provider's
 *       {@link dev.autogen.ext.http.HttpErrorDecoder};</li>
 *   <li>{@link dev.autogen.ext.http.ChatCompletionPipeline} is the create / createStream skeleton: it runs
 *       the {@link dev.autogen.core.models.ChatCompletionInterceptor}s (the LLM event log by default),
 *       then sends what a provider's {@link dev.autogen.ext.http.ChatProtocol} builds and reads the
 *       answer or the stream ({@link dev.autogen.ext.http.StreamFraming}) with it;</li>
 *   <li>{@link dev.autogen.ext.http.HttpExchanges}, {@link dev.autogen.ext.http.HttpRetries},
 *       {@link dev.autogen.ext.http.HttpBodies} and {@link dev.autogen.ext.http.ServerSentEvents} are the
 *       pieces underneath.</li>
 * </ul>
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.http;
