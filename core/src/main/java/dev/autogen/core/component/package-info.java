/**
 * Declarative component configuration, interchangeable with Python AutoGen's
 * {@code autogen_core.ComponentModel} JSON: {@code {"provider", "component_type", "version",
 * "component_version", "description", "label", "config"}}.
 *
 * <p>Start at {@link dev.autogen.core.component.ComponentLoader#loadComponent(String, Class)} to
 * load and {@link dev.autogen.core.component.ComponentBase#dumpComponent()} to dump. A component
 * kind plugs in through the {@link dev.autogen.core.component.ComponentProvider} SPI, found with
 * {@link java.util.ServiceLoader} and kept in an explicit
 * {@link dev.autogen.core.component.ComponentRegistry}: loading never instantiates a class merely
 * named in JSON, so a config from an untrusted source cannot run arbitrary code.
 */
@NullMarked
package dev.autogen.core.component;

import org.jspecify.annotations.NullMarked;
