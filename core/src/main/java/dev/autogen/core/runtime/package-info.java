/**
 * The in-process implementation of {@link dev.autogen.core.AgentRuntime}: agents' mailboxes, their
 * virtual threads and the runtime's event log. Users create it through
 * {@link dev.autogen.core.SingleThreadedAgentRuntime} or {@link InProcessAgentRuntime#builder()};
 * code built on the runtime (teams, extensions) speaks only to {@link dev.autogen.core.AgentRuntime}
 * and never imports this package.
 */
@NullMarked
package dev.autogen.core.runtime;

import org.jspecify.annotations.NullMarked;
