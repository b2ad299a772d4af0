/**
 * The AutoGen gRPC host as a cluster of nodes on Apache Pekko (Cluster, Cluster Sharding,
 * Distributed Data): {@link dev.autogen.ext.runtimes.grpc.cluster.GrpcClusterHost}. See
 * docs/distributed.md for when to use it instead of the single
 * {@link dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost}.
 */
@NullMarked
package dev.autogen.ext.runtimes.grpc.cluster;

import org.jspecify.annotations.NullMarked;
