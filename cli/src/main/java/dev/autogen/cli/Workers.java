package dev.autogen.cli;

import dev.autogen.ext.runtimes.grpc.ConnectionSecurity;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** Joining an AutoGen host as a worker, for {@code autogen run --host} and {@code autogen worker}. */
final class Workers {
    private Workers() {
    }

    /** The variable that holds the host's token, for 'autogen host' and the workers that join it. */
    static final String TOKEN_VARIABLE = "AUTOGEN_HOST_TOKEN";

    /** The host's token from the environment, or null. */
    static @Nullable String token() {
        return nonBlank(System.getenv(TOKEN_VARIABLE));
    }

    /** {@code value}, or null when it is absent or blank (an unset variable). */
    static @Nullable String nonBlank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A started worker of the host at {@code address}, trusting {@code tlsCa} for TLS when given and
     * showing the token of {@value #TOKEN_VARIABLE} when set.
     *
     * @throws CliException (run failure) naming the address when the host cannot be reached
     */
    static GrpcWorkerAgentRuntime connect(String address, @Nullable Path tlsCa) {
        if (tlsCa != null && !Files.isReadable(tlsCa)) {
            throw CliException.config("autogen: --tls-ca '" + tlsCa + "' is not a readable file.");
        }
        GrpcWorkerAgentRuntime runtime;
        try {
            runtime = GrpcWorkerAgentRuntime.builder(address).security(new ConnectionSecurity(tlsCa, token())).build();
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
