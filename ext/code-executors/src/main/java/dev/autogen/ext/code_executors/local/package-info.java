/**
 * Runs code blocks as local processes, the counterpart of {@code autogen_ext.code_executors.local}.
 * Start at {@link dev.autogen.ext.code_executors.local.LocalCommandLineCodeExecutor}.
 *
 * <p>This runs code on this machine with the rights of this JVM. Do not give it code from a model
 * without sandboxing the JVM (a container or a VM) first.
 */
@NullMarked
package dev.autogen.ext.code_executors.local;

import org.jspecify.annotations.NullMarked;
