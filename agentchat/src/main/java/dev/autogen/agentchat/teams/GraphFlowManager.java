package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.BaseChatMessage;
import dev.autogen.agentchat.messages.BaseMessage;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.state.AgentChatState;
import dev.autogen.agentchat.state.GraphManagerState;
import dev.autogen.core.CancellationToken;
import dev.autogen.core.serialization.AutogenJson;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link DiGraph}: the ready nodes speak (in parallel when several are ready); after each response
 * the speaker's edges whose condition holds count down their target's activation group, queuing the
 * target when its group is satisfied. When nothing is ready the run ends with "Digraph execution is complete".
 */
final class GraphFlowManager extends BaseGroupChatManager {
    /** The stop reason when no node is left to run, as Python's. */
    static final String STOP_MESSAGE = "Digraph execution is complete";

    private final DiGraph graph;
    private final @Nullable TerminationCondition terminationCondition;
    private final Map<String, Map<String, DiGraphActivation>> activation = new HashMap<>();
    private final Map<String, Map<String, Integer>> originRemaining;
    private final Map<String, Set<String>> triggeredGroups = new HashMap<>();
    private Map<String, Map<String, Integer>> remaining = new LinkedHashMap<>();
    private Map<String, Map<String, Boolean>> enqueuedAny = new LinkedHashMap<>();
    private final Deque<String> ready = new ArrayDeque<>();

    GraphFlowManager(TeamWiring wiring, DiGraph graph) {
        super(wiring, wiring.maxTurns(), false);
        this.graph = graph;
        this.terminationCondition = wiring.terminationCondition();
        for (DiGraphNode node : graph.nodes().values()) {
            for (DiGraphEdge edge : node.edges()) {
                activation.computeIfAbsent(edge.target(), t -> new HashMap<>())
                        .putIfAbsent(edge.activationGroup(), edge.activationCondition());
            }
        }
        this.originRemaining = graph.remainingMap();
        resetExecutionState();
    }

    private void resetExecutionState() {
        remaining = new LinkedHashMap<>();
        enqueuedAny = new LinkedHashMap<>();
        graph.remainingMap().forEach((target, groups) -> {
            remaining.put(target, new LinkedHashMap<>(groups));
            Map<String, Boolean> flags = new LinkedHashMap<>();
            groups.keySet().forEach(group -> flags.put(group, false));
            enqueuedAny.put(target, flags);
        });
        triggeredGroups.clear();
        ready.clear();
        ready.addAll(graph.startNodes());
    }

    @Override
    void handleResponse(String speaker, List<BaseMessage> delta, CancellationToken token) {
        if (!delta.isEmpty() && delta.get(delta.size() - 1) instanceof BaseChatMessage message
                && graph.nodes().containsKey(speaker)) {
            propagate(speaker, message);
        }
        super.handleResponse(speaker, delta, token);
    }

    private void propagate(String source, BaseChatMessage message) {
        for (DiGraphEdge edge : graph.nodes().get(source).edges()) {
            if (!edge.checkCondition(message)) {
                continue;
            }
            String target = edge.target();
            String group = edge.activationGroup();
            if (activation.get(target).get(group) == DiGraphActivation.ALL) {
                Map<String, Integer> counts = remaining.computeIfAbsent(target, t -> new LinkedHashMap<>());
                int left = counts.getOrDefault(group, originRemaining.get(target).get(group)) - 1;
                counts.put(group, left);
                if (left == 0) {
                    ready.add(target);
                    triggeredGroups.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(group);
                }
            } else {
                Map<String, Boolean> flags = enqueuedAny.computeIfAbsent(target, t -> new LinkedHashMap<>());
                if (!flags.getOrDefault(group, false)) {
                    ready.add(target);
                    flags.put(group, true);
                    triggeredGroups.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(group);
                }
            }
        }
    }

    @Override
    protected List<String> selectSpeakers(List<BaseMessage> thread, CancellationToken token) {
        Set<String> speakers = new LinkedHashSet<>();
        while (!ready.isEmpty()) {
            String speaker = ready.poll();
            speakers.add(speaker);
            resetTriggeredGroups(speaker);
        }
        return new ArrayList<>(speakers);
    }

    private void resetTriggeredGroups(String speaker) {
        Set<String> groups = triggeredGroups.remove(speaker);
        if (groups == null) {
            resetSpentGroups(speaker);
            return;
        }
        for (String group : groups) {
            if (activation.get(speaker).get(group) == DiGraphActivation.ANY) {
                enqueuedAny.computeIfAbsent(speaker, s -> new LinkedHashMap<>()).put(group, false);
            } else {
                remaining.computeIfAbsent(speaker, s -> new LinkedHashMap<>())
                        .put(group, originRemaining.get(speaker).get(group));
            }
        }
    }

    /** After a state load the triggering groups are unknown: re-arm every group of the speaker that fired. */
    private void resetSpentGroups(String speaker) {
        activation.getOrDefault(speaker, Map.of()).forEach((group, condition) -> {
            if (condition == DiGraphActivation.ANY) {
                enqueuedAny.computeIfAbsent(speaker, s -> new LinkedHashMap<>()).put(group, false);
            } else {
                Map<String, Integer> counts = remaining.computeIfAbsent(speaker, s -> new LinkedHashMap<>());
                if (counts.getOrDefault(group, 0) <= 0) {
                    counts.put(group, originRemaining.get(speaker).get(group));
                }
            }
        });
    }

    /** Ends the run when no node is ready (before the termination condition, as Python does). */
    @Override
    boolean applyTermination(List<BaseMessage> delta, boolean incrementTurn) {
        if (ready.isEmpty()) {
            complete();
            return true;
        }
        return super.applyTermination(delta, incrementTurn);
    }

    @Override
    void transitionToNextSpeakers(CancellationToken token) {
        if (ready.isEmpty()) {
            complete();
            return;
        }
        super.transitionToNextSpeakers(token);
    }

    private void complete() {
        resetExecutionState();
        if (terminationCondition != null) {
            terminationCondition.reset();
        }
        currentTurn = 0;
        signalTermination(new StopMessage(STOP_MESSAGE, name()), null);
    }

    @Override
    protected void resetState() {
        resetExecutionState();
    }

    @Override
    public Map<String, Object> saveState() {
        return stateValue().toMap();
    }

    @Override
    protected GraphManagerState stateValue() {
        return new GraphManagerState(messageThread, currentTurn, remaining, enqueuedAny, List.copyOf(ready));
    }

    @Override
    public void loadState(Map<String, Object> state) {
        var node = AutogenJson.mapper().valueToTree(state);
        GraphManagerState loaded = AgentChatState.fromMap(withoutThread(state), GraphManagerState.class,
                GraphManagerState.TYPE);
        messageThread.clear();
        messageThread.addAll(readThread(node.path("message_thread")));
        currentTurn = loaded.currentTurn();
        remaining = new LinkedHashMap<>();
        loaded.remaining().forEach((k, v) -> remaining.put(k, new LinkedHashMap<>(v)));
        enqueuedAny = new LinkedHashMap<>();
        loaded.enqueuedAny().forEach((k, v) -> enqueuedAny.put(k, new LinkedHashMap<>(v)));
        triggeredGroups.clear();
        ready.clear();
        for (String name : loaded.ready()) {
            if (!graph.nodes().containsKey(name)) {
                throw new IllegalArgumentException("GraphManagerState: ready node '" + name
                        + "' is not a node of the graph; nodes are " + graph.nodes().keySet());
            }
            ready.add(name);
        }
    }

    private static Map<String, ?> withoutThread(Map<String, Object> state) {
        Map<String, Object> copy = new LinkedHashMap<>(state);
        copy.remove("message_thread");
        return copy;
    }
}
