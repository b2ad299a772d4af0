package dev.autogen.cli;

import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;

/** Joining an AutoGen host as a worker, for {@code autogen run --host} and {@code autogen worker}. */
final class Workers {
    private Workers() {
    }

    /**
     * A started worker of the host at {@code address}.
     *
     * @throws CliException (run failure) naming the address when the host cannot be reached
     */
    static GrpcWorkerAgentRuntime connect(String address) {
        GrpcWorkerAgentRuntime runtime;
        try {
            runtime = GrpcWorkerAgentRuntime.builder(address).build();
        } catch (IllegalArgumentException e) {
            throw CliException.config("autogen: --host '" + address + "': " + e.getMessage());
        }
        try {
            runtime.start();
            return runtime;
        } catch (RuntimeException e) {
            runtime.close();
            throw new CliException(CliException.RUN_FAILURE, "autogen: cannot join the AutoGen host at " + address + ": "
                    + CliException.describe(e) + " Is 'autogen host' running there?");
        }
    }
}
