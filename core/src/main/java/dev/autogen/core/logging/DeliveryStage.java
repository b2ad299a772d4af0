package dev.autogen.core.logging;

/** Placeholder until the logging events land. */
public enum DeliveryStage { SEND, DELIVER }
