/**
 * Code execution in a Jupyter server's kernels, the counterpart of Python's
 * {@code autogen_ext.code_executors.docker_jupyter}:
 * {@link dev.autogen.ext.code_executors.docker_jupyter.DockerJupyterCodeExecutor} talks to any Jupyter
 * server or kernel gateway over its REST and WebSocket API
 * ({@link dev.autogen.ext.code_executors.docker_jupyter.JupyterClient}), and
 * {@link dev.autogen.ext.code_executors.docker_jupyter.DockerJupyterServer} runs a kernel gateway in a
 * Docker container.
 */
@NullMarked
package dev.autogen.ext.code_executors.docker_jupyter;

import org.jspecify.annotations.NullMarked;
