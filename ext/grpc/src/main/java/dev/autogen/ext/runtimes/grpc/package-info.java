/**
 * The distributed agent runtime of AutoGen, over gRPC and AutoGen's own worker protocol (service
 * {@code agents.AgentRpc}, CloudEvents for published messages), so Java workers join a Python or .NET
 * AutoGen host and Python workers join ours. Start at
 * {@link dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost}, which routes messages between
 * workers, and {@link dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime}, the
 * {@link dev.autogen.core.AgentRuntime} of one worker process.
 */
@NullMarked
package dev.autogen.ext.runtimes.grpc;

import org.jspecify.annotations.NullMarked;
