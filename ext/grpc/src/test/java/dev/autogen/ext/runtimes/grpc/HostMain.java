package dev.autogen.ext.runtimes.grpc;

/**
 * A host in a process of its own, for the multi-process tests: prints {@code HOST-READY <address>}
 * once listening, and runs until killed (SIGTERM stops it cleanly).
 */
public final class HostMain {
    private HostMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GrpcWorkerAgentRuntimeHost host = GrpcWorkerAgentRuntimeHost.builder()
                .port(args.length > 0 ? Integer.parseInt(args[0]) : 0).build();
        host.start();
        Runtime.getRuntime().addShutdownHook(new Thread(host::close));
        System.out.println("HOST-READY " + host.address());
        System.out.flush();
        host.awaitTermination();
    }
}
