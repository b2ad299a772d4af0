package dev.autogen.core;

/**
 * An intervention handler that passes every message through; extend it and override what you watch.
 * {@link InterventionHandler}'s own defaults do the same; this class keeps Python AutoGen's name.
 */
public class DefaultInterventionHandler implements InterventionHandler {
}
