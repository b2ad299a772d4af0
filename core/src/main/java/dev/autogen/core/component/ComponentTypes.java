package dev.autogen.core.component;

/**
 * The {@code component_type} strings Python AutoGen writes. The set is open: a provider may
 * declare any other string.
 */
public final class ComponentTypes {
    /** Chat completion clients ({@code ChatCompletionClient}). */
    public static final String MODEL = "model";
    /** Agents. */
    public static final String AGENT = "agent";
    /** Teams (group chats). */
    public static final String TEAM = "team";
    /** Termination conditions. */
    public static final String TERMINATION = "termination";
    /** Tools. */
    public static final String TOOL = "tool";
    /** Workbenches (sets of tools). */
    public static final String WORKBENCH = "workbench";
    /** Model contexts ({@code ChatCompletionContext}). */
    public static final String CHAT_COMPLETION_CONTEXT = "chat_completion_context";
    /** Memories. */
    public static final String MEMORY = "memory";
    /** Code executors. */
    public static final String CODE_EXECUTOR = "code_executor";
    /** Cache stores ({@code CacheStore}). */
    public static final String CACHE_STORE = "cache_store";
    /** Token providers (e.g. Azure AD tokens). */
    public static final String TOKEN_PROVIDER = "token_provider";

    private ComponentTypes() {
    }
}
