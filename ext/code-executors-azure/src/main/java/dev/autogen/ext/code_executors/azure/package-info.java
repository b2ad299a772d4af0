/**
 * Running code in Azure Container Apps dynamic sessions, Python's {@code autogen_ext.code_executors.azure}:
 * start at {@link dev.autogen.ext.code_executors.azure.ACADynamicSessionsCodeExecutor}.
 */
@NullMarked
package dev.autogen.ext.code_executors.azure;

import org.jspecify.annotations.NullMarked;
