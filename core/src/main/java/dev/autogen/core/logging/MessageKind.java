package dev.autogen.core.logging;

/** Placeholder until the logging events land. */
public enum MessageKind { DIRECT, PUBLISH, RESPOND }
