package dev.autogen.ext.code_executors.docker_jupyter;

/** Something that can say where its Jupyter server listens, as Python's {@code JupyterConnectable}. */
@FunctionalInterface
public interface JupyterConnectable {
    /** Where the server listens and its token. */
    JupyterConnectionInfo connectionInfo();
}
