/**
 * Calls an HTTP endpoint as a tool, the counterpart of {@code autogen_ext.tools.http}. Start at
 * {@link dev.autogen.ext.tools.http.HttpTool}; its component config is Python's {@code HttpToolConfig}.
 */
@NullMarked
package dev.autogen.ext.tools.http;

import org.jspecify.annotations.NullMarked;
