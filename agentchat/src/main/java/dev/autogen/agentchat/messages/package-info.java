/**
 * The messages agents exchange and the events they emit while working, mirroring
 * {@code autogen_agentchat.messages}. Chat messages ({@link dev.autogen.agentchat.messages.BaseChatMessage})
 * go between agents; agent events ({@link dev.autogen.agentchat.messages.BaseAgentEvent}) are for
 * observers such as {@link dev.autogen.agentchat.ui.Console}. Every type is an immutable record whose JSON
 * equals Python's, told apart by {@code "type": "TextMessage"}; {@link dev.autogen.agentchat.messages.MessageFactory}
 * reads them back, custom types included.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.agentchat.messages;
