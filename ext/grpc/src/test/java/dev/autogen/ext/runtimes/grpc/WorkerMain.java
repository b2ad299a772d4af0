package dev.autogen.ext.runtimes.grpc;

/**
 * A worker in a process of its own, for the multi-process tests: {@code WorkerMain HOST:PORT NAME}
 * hosts {@link TestAgents#registerWorkerAgents the test agents} suffixed with NAME, prints
 * {@code WORKER-READY NAME} once connected, and runs until killed.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GrpcWorkerAgentRuntime runtime = GrpcWorkerAgentRuntime.builder(args[0]).build();
        TestAgents.registerWorkerAgents(runtime, args[1]);
        runtime.start();
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        System.out.println("WORKER-READY " + args[1]);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
