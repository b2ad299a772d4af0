package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.core.AgentId;
import dev.autogen.core.ClosureAgent;
import dev.autogen.core.serialization.JsonMessageSerializer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A host with TLS and a token: workers that have both join; others are refused with a reason. */
@Timeout(120)
class HostSecurityTest {
    record Ping(int n) {
    }

    @TempDir
    static Path dir;
    static Path certificate;
    static Path key;

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A self-signed certificate for 127.0.0.1, made by the machine's openssl. */
    @BeforeAll
    static void makeCertificate() throws Exception {
        certificate = dir.resolve("host.pem");
        key = dir.resolve("host-key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", certificate.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl req").isZero();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T open(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private GrpcWorkerAgentRuntimeHost secureHost() {
        GrpcWorkerAgentRuntimeHost host = open(GrpcWorkerAgentRuntimeHost.builder().tls(certificate, key)
                .token("s3cret").build());
        host.start();
        return host;
    }

    private GrpcWorkerAgentRuntime worker(String address, ConnectionSecurity security) {
        GrpcWorkerAgentRuntime worker = open(GrpcWorkerAgentRuntime.builder(address).security(security).build());
        worker.addMessageSerializer(JsonMessageSerializer.of(Ping.class));
        return worker;
    }

    @Test
    void workersWithTheCertificateAndTheTokenExchangeMessages() {
        GrpcWorkerAgentRuntimeHost host = secureHost();
        var security = new ConnectionSecurity(certificate, "s3cret");
        GrpcWorkerAgentRuntime serving = worker(host.address(), security);
        serving.start();
        ClosureAgent.builder("echo", Ping.class, (ctx, ping, mctx) -> new Ping(ping.n() + 1)).register(serving);
        GrpcWorkerAgentRuntime asking = worker(host.address(), security);
        asking.start();

        assertThat(asking.sendMessage(new Ping(1), AgentId.of("echo"))).isEqualTo(new Ping(2));
    }

    @Test
    void aWorkerWithoutTheRightTokenIsRefusedSayingWhy() {
        GrpcWorkerAgentRuntimeHost host = secureHost();

        assertThatThrownBy(() -> worker(host.address(), new ConnectionSecurity(certificate, null)).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("this host needs a token");
        assertThatThrownBy(() -> worker(host.address(), new ConnectionSecurity(certificate, "guess")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the token does not match the host's");
    }

    @Test
    void aPlaintextWorkerCannotJoinATlsHost() {
        GrpcWorkerAgentRuntimeHost host = secureHost();

        assertThatThrownBy(() -> worker(host.address(), new ConnectionSecurity(null, "s3cret")).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(host.address());
    }

    @Test
    void aHostOtherMachinesReachNeedsAToken() {
        var open = open(GrpcWorkerAgentRuntimeHost.builder().bindAddress("0.0.0.0").build());
        assertThatThrownBy(open::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the host would listen on 0.0.0.0, which other machines reach, without a token");

        var guarded = open(GrpcWorkerAgentRuntimeHost.builder().bindAddress("0.0.0.0").token("s3cret").build());
        guarded.start();
        assertThat(guarded.isRunning()).isTrue();
    }
}
