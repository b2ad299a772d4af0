package dev.autogen.ext.runtimes.grpc.cluster;

import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import java.time.Duration;

/**
 * A worker in a process of its own: {@code WorkerMain HOST:PORT,HOST:PORT... NAME} hosts the
 * {@link ClusterTestAgents test agents} suffixed with NAME, connecting to the first node that answers
 * (and to the next when it goes away), prints {@code WORKER-READY NAME} once connected and runs until killed.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GrpcWorkerAgentRuntime runtime = GrpcWorkerAgentRuntime.builder(args[0])
                .reconnectBackoff(Duration.ofMillis(500)).build();
        ClusterTestAgents.registerWorkerAgents(runtime, args[1]);
        runtime.start();
        Runtime.getRuntime().addShutdownHook(new Thread(runtime::close));
        System.out.println("WORKER-READY " + args[1]);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
