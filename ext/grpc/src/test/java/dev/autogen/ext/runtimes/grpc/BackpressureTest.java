package dev.autogen.ext.runtimes.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.core.AgentId;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.ext.runtimes.grpc.internal.ClientIds;
import dev.autogen.ext.runtimes.grpc.internal.proto.AgentRpcGrpc;
import dev.autogen.ext.runtimes.grpc.internal.proto.Message;
import dev.autogen.ext.runtimes.grpc.internal.proto.RegisterAgentTypeRequest;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker that reads nothing the host sends it: the host holds back at most its limit of bytes for it
 * and refuses calls beyond that with an error saying the worker is not keeping up, instead of
 * buffering without bound.
 */
@Timeout(120)
class BackpressureTest {
    record Blob(String data) {
    }

    @Test
    void callsToAWorkerThatDoesNotKeepUpFailOnceItsQueueIsFull() throws Exception {
        try (var host = GrpcWorkerAgentRuntimeHost.builder().maxQueuedBytesPerWorker(256 * 1024).build()) {
            host.start();
            ManagedChannel channel = NettyChannelBuilder.forTarget(host.address()).usePlaintext().build();
            try (var caller = GrpcWorkerAgentRuntime.builder(host.address()).build()) {
                Metadata headers = new Metadata();
                headers.put(ClientIds.HEADER, "slow-worker");
                var attach = MetadataUtils.newAttachHeadersInterceptor(headers);
                // a stalled worker: opens its stream but never asks for a message
                AgentRpcGrpc.newStub(channel).withInterceptors(attach).openChannel(new ClientResponseObserver<Message, Message>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<Message> requestStream) {
                        requestStream.disableAutoRequestWithInitial(0);
                    }

                    @Override
                    public void onNext(Message value) {
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
                AgentRpcGrpc.newBlockingStub(channel).withInterceptors(attach)
                        .registerAgent(RegisterAgentTypeRequest.newBuilder().setType("slow").build());

                caller.addMessageSerializer(JsonMessageSerializer.of(Blob.class));
                caller.start();
                String data = "x".repeat(64 * 1024);
                List<CompletableFuture<Object>> calls = new ArrayList<>();
                ExecutionException refused = null;
                // the stream's windows take a few MiB before the host's queue even starts; 400 calls are 25 MiB
                for (int i = 0; i < 400 && refused == null; i++) {
                    calls.add(caller.sendMessageAsync(new Blob(data), new AgentId("slow", "k" + i)));
                    for (CompletableFuture<Object> call : calls) {
                        if (call.isCompletedExceptionally()) {
                            try {
                                call.get();
                            } catch (ExecutionException e) {
                                refused = e;
                            }
                        }
                    }
                    if (i % 50 == 49 && refused == null) {
                        Thread.sleep(200); // let the replies of refused calls come back
                    }
                }
                // the last refusals are on their way back: wait for one, not for a fixed window
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (refused == null && System.nanoTime() < deadline) {
                    for (CompletableFuture<Object> call : calls) {
                        if (call.isCompletedExceptionally()) {
                            try {
                                call.get();
                            } catch (ExecutionException e) {
                                refused = e;
                                break;
                            }
                        }
                    }
                    if (refused == null) {
                        Thread.sleep(50);
                    }
                }
                assertThat(refused).as("a call refused because the worker does not keep up").isNotNull();
                assertThat(refused.getCause()).isInstanceOf(RemoteAgentException.class)
                        .hasMessageContaining("its worker slow-worker is not keeping up")
                        .hasMessageContaining("bytes already wait to be sent to it");
            } finally {
                channel.shutdownNow();
            }
        }
    }
}
