package dev.autogen.agentchat.teams;

import dev.autogen.core.Agent;
import dev.autogen.core.AgentFactory;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentInstantiationContext;
import dev.autogen.core.AgentMetadata;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.AgentType;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.SingleThreadedAgentRuntime;
import dev.autogen.core.Subscription;
import dev.autogen.core.TopicId;
import dev.autogen.core.serialization.MessageSerializer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jspecify.annotations.Nullable;

/**
 * A runtime of its own class that forwards every call of the {@link AgentRuntime} contract to an
 * in-process runtime and records it. Agents created by its factories are bound to it, so their sends
 * and publishes are recorded too. A team that needed anything beyond the contract would fail on it.
 */
final class RecordingRuntime implements AgentRuntime {
    final ConcurrentLinkedQueue<String> calls = new ConcurrentLinkedQueue<>();
    private final AgentRuntime delegate = new SingleThreadedAgentRuntime();

    private void record(String call) {
        calls.add(call);
    }

    @Override
    public void start() {
        record("start");
        delegate.start();
    }

    @Override
    public boolean isRunning() {
        return delegate.isRunning();
    }

    @Override
    public void stop() {
        record("stop");
        delegate.stop();
    }

    @Override
    public void stopWhenIdle() {
        record("stopWhenIdle");
        delegate.stopWhenIdle();
    }

    @Override
    public void close() {
        record("close");
        delegate.close();
    }

    @Override
    public CompletableFuture<@Nullable Object> sendMessageAsync(Object message, AgentId recipient,
            @Nullable AgentId sender, @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        record("send " + message.getClass().getSimpleName() + " -> " + recipient.type());
        return delegate.sendMessageAsync(message, recipient, sender, cancellationToken, messageId);
    }

    @Override
    public void publishMessage(Object message, TopicId topicId, @Nullable AgentId sender,
            @Nullable CancellationToken cancellationToken, @Nullable String messageId) {
        record("publish " + message.getClass().getSimpleName() + " -> " + topicId.type());
        delegate.publishMessage(message, topicId, sender, cancellationToken, messageId);
    }

    @Override
    public <T extends Agent> AgentType registerFactory(String type, AgentFactory<T> factory, @Nullable Class<T> expectedClass) {
        record("registerFactory " + type);
        return delegate.registerFactory(type, context -> factory.create(new AgentInstantiationContext(this,
                context.agentId())), expectedClass);
    }

    @Override
    public AgentId registerAgentInstance(Agent agent, AgentId agentId) {
        record("registerAgentInstance " + agentId);
        return delegate.registerAgentInstance(agent, agentId);
    }

    @Override
    public void addSubscription(Subscription subscription) {
        record("addSubscription");
        delegate.addSubscription(subscription);
    }

    @Override
    public void removeSubscription(String subscriptionId) {
        record("removeSubscription");
        delegate.removeSubscription(subscriptionId);
    }

    @Override
    public List<Subscription> subscriptions() {
        return delegate.subscriptions();
    }

    @Override
    public void addMessageSerializer(MessageSerializer<?>... serializers) {
        record("addMessageSerializer");
        delegate.addMessageSerializer(serializers);
    }

    @Override
    public AgentId get(String type, String key, boolean lazy) {
        return delegate.get(type, key, lazy);
    }

    @Override
    public Map<String, Object> saveState() {
        return delegate.saveState();
    }

    @Override
    public void loadState(Map<String, Object> state) {
        delegate.loadState(state);
    }

    @Override
    public Map<String, Object> agentSaveState(AgentId agentId) {
        record("agentSaveState " + agentId.type());
        return delegate.agentSaveState(agentId);
    }

    @Override
    public void agentLoadState(AgentId agentId, Map<String, Object> state) {
        record("agentLoadState " + agentId.type());
        delegate.agentLoadState(agentId, state);
    }

    @Override
    public AgentMetadata agentMetadata(AgentId agentId) {
        return delegate.agentMetadata(agentId);
    }

    @Override
    public <T extends Agent> T tryGetUnderlyingAgentInstance(AgentId agentId, Class<T> type) {
        record("tryGetUnderlyingAgentInstance");
        return delegate.tryGetUnderlyingAgentInstance(agentId, type);
    }
}
