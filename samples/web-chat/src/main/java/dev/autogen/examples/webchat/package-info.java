/**
 * The FastAPI sample of Python AutoGen as a small web app on the Studio's server stack (Javalin on
 * Jetty): a single agent over {@code POST /chat} and a team over a WebSocket whose
 * {@code UserProxyAgent} asks the browser, both keeping their state in JSON files between requests.
 * Start at {@link dev.autogen.examples.webchat.WebChatApp}.
 */
@NullMarked
package dev.autogen.examples.webchat;

import org.jspecify.annotations.NullMarked;
