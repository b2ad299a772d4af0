package dev.autogen.ext.runtimes.grpc.internal;

/**
 * The names Python AutoGen's gRPC runtime puts on the wire ({@code autogen_ext.runtimes.grpc._constants}
 * and the {@code client-id} call metadata), so both sides read each other's CloudEvents and calls.
 */
public final class WireConstants {
    /** CloudEvent attribute: content type of {@code binary_data}, e.g. {@code application/json}. */
    public static final String DATA_CONTENT_TYPE_ATTR = "datacontenttype";
    /** CloudEvent attribute: the message's type name, e.g. {@code Ping}. */
    public static final String DATA_SCHEMA_ATTR = "dataschema";
    /** CloudEvent attribute: the publishing agent's type ({@code unknown} from outside any agent). */
    public static final String AGENT_SENDER_TYPE_ATTR = "agagentsendertype";
    /** CloudEvent attribute: the publishing agent's key ({@code unknown} from outside any agent). */
    public static final String AGENT_SENDER_KEY_ATTR = "agagentsenderkey";
    /** CloudEvent attribute: what kind of message the event carries. */
    public static final String MESSAGE_KIND_ATTR = "agmsgkind";
    /** {@link #MESSAGE_KIND_ATTR} of a published message. */
    public static final String MESSAGE_KIND_VALUE_PUBLISH = "publish";
    /** {@link #MESSAGE_KIND_ATTR} values Python defines for RPC over events (unused by its runtime). */
    public static final String MESSAGE_KIND_VALUE_RPC_REQUEST = "rpc_request";
    public static final String MESSAGE_KIND_VALUE_RPC_RESPONSE = "rpc_response";
    public static final String MESSAGE_KIND_VALUE_RPC_ERROR = "error";
    /** The sender type and key Python writes when a message is published from outside any agent. */
    public static final String UNKNOWN_SENDER = "unknown";
    /** The CloudEvents spec version Python writes. */
    public static final String SPEC_VERSION = "1.0";
    /** gRPC call metadata naming the worker that makes a call. */
    public static final String CLIENT_ID_HEADER = "client-id";
    /** {@code data_type} of a reply that is null (Python's {@code type(None).__name__}). */
    public static final String NONE_TYPE = "NoneType";
    /** Control message destinations: {@code agentid=type/key} or {@code clientid=ID}. */
    public static final String AGENT_ID_DESTINATION = "agentid=";
    public static final String CLIENT_ID_DESTINATION = "clientid=";

    private WireConstants() {
    }
}
