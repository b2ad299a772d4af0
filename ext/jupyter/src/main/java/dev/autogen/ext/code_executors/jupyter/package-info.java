/**
 * Runs code blocks statefully in a Jupyter kernel, the counterpart of
 * {@code autogen_ext.code_executors.jupyter}. Start at
 * {@link dev.autogen.ext.code_executors.jupyter.JupyterCodeExecutor}.
 *
 * <p>The executor starts a kernel process itself and talks to it over the Jupyter messaging
 * protocol (ZeroMQ, HMAC-SHA256 signed messages), so no Jupyter server is needed. The kernel runs
 * code on this machine with the rights of this JVM.
 */
@NullMarked
package dev.autogen.ext.code_executors.jupyter;

import org.jspecify.annotations.NullMarked;
