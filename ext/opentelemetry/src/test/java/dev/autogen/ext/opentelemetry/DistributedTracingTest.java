package dev.autogen.ext.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.agents.AssistantAgent;
import dev.autogen.agentchat.teams.RemoteParticipant;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.ext.models.replay.ReplayChatCompletionClient;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntime;
import dev.autogen.ext.runtimes.grpc.GrpcWorkerAgentRuntimeHost;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A team whose participant another worker serves is still one trace: the W3C traceparent travels in
 * the gRPC messages' metadata through a real host, so the remote participant's spans join the run's.
 */
class DistributedTracingTest {
    @RegisterExtension
    static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

    @Test
    @Timeout(120)
    void theSpansOfAParticipantOnAnotherWorkerJoinTheRunsTrace() {
        var tracing = OpenTelemetryTracing.builder(OTEL.getOpenTelemetry()).build();
        try (var host = GrpcWorkerAgentRuntimeHost.builder().build()) {
            host.start();
            try (var teamWorker = GrpcWorkerAgentRuntime.builder(host.address()).listenerFactory(tracing).build();
                    var participantWorker = GrpcWorkerAgentRuntime.builder(host.address()).listenerFactory(tracing)
                            .build()) {
                teamWorker.start();
                participantWorker.start();
                RemoteParticipant.serve(participantWorker, "traced",
                        AssistantAgent.builder("bob", ReplayChatCompletionClient.of("bob here")).build());
                var alice = AssistantAgent.builder("alice", ReplayChatCompletionClient.of("alice here")).build();
                RoundRobinGroupChat.builder(List.of(alice, RemoteParticipant.of("bob", "Answers second.")))
                        .maxTurns(2).teamId("traced").runtime(teamWorker).build().run("Say hello.");
            }
        }

        SpanTree tree = new SpanTree(OTEL.getSpans());
        SpanData workflow = tree.one("invoke_workflow RoundRobinGroupChatManager");
        SpanData bob = tree.one("invoke_agent bob");
        List<SpanData> bobChats = tree.all("chat unknown").stream().filter(chat -> bob.equals(tree.parent(chat))).toList();
        assertThat(tree.spans()).filteredOn(span -> !span.getTraceId().equals(workflow.getTraceId()))
                .extracting(SpanData::getName).as("spans outside the run's trace").isEmpty();
        assertThat(tree.descends(bob, workflow)).as("bob's turn, on the other worker, under the run").isTrue();
        assertThat(bobChats).as("bob's model call under bob's turn").hasSize(1);
        assertThat(bob.getAttributes().get(GenAiAttributes.CONVERSATION_ID)).isEqualTo("traced");
        assertThat(tree.descends(tree.one("invoke_agent alice"), workflow)).isTrue();
    }
}
