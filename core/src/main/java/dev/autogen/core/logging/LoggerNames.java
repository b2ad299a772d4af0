package dev.autogen.core.logging;

/**
 * The SLF4J logger names AutoGen uses, identical to Python AutoGen's, so logging configuration
 * carries over.
 *
 * <!-- java-context: import org.slf4j.Logger; import org.slf4j.LoggerFactory; import dev.autogen.core.AgentId;
 *      String payload; AgentId sender; AgentId receiver; -->
 * <pre>{@code
 * Logger events = LoggerFactory.getLogger(LoggerNames.EVENT_LOGGER_NAME);
 * events.info("{}", new MessageDroppedEvent(payload, sender, receiver, MessageKind.PUBLISH));
 * }</pre>
 */
public final class LoggerNames {
    /** The root logger of the core library: {@code autogen_core}. */
    public static final String ROOT_LOGGER_NAME = "autogen_core";
    /** Structured events, one JSON object per record: {@code autogen_core.events}. */
    public static final String EVENT_LOGGER_NAME = "autogen_core.events";
    /** Developer-oriented trace logging whose content and format may change: {@code autogen_core.trace}. */
    public static final String TRACE_LOGGER_NAME = "autogen_core.trace";

    private LoggerNames() {
    }
}
