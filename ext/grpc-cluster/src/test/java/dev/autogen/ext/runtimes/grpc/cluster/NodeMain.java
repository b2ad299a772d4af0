package dev.autogen.ext.runtimes.grpc.cluster;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A host node in a process of its own: {@code NodeMain CLUSTER_PORT SEED,SEED...} prints
 * {@code NODE-READY <grpc address>} once it is a member and listening, then {@code SHARDS n} whenever
 * the number of directory shards it holds changes; runs until killed (SIGTERM leaves the cluster).
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        GrpcClusterHost node = GrpcClusterHost.builder()
                .clusterPort(Integer.parseInt(args[0]))
                .seedNodes(args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of())
                .downAfter(Duration.ofSeconds(2))
                .build();
        node.start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println("NODE-READY " + node.address());
        System.out.flush();
        int shards = -1;
        while (node.isRunning()) {
            int now = node.localShards();
            if (now != shards) {
                shards = now;
                System.out.println("SHARDS " + shards);
                System.out.flush();
            }
            Thread.sleep(300);
        }
    }
}
