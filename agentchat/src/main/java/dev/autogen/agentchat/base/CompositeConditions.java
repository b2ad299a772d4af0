package dev.autogen.agentchat.base;

import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.core.component.ComponentModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What {@link OrTerminationCondition} and {@link AndTerminationCondition} share. */
final class CompositeConditions {
    private CompositeConditions() {
    }

    static List<TerminationCondition> copy(String owner, List<? extends TerminationCondition> conditions) {
        Objects.requireNonNull(conditions, "conditions");
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException(owner + " needs at least one condition to combine");
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i) == null) {
                throw new NullPointerException(owner + " conditions[" + i + "] is null");
            }
        }
        return List.copyOf(conditions);
    }

    /** The models of the conditions, naming the one that cannot be dumped. */
    static List<ComponentModel> dumpAll(String owner, List<TerminationCondition> conditions) {
        List<ComponentModel> models = new ArrayList<>(conditions.size());
        for (int i = 0; i < conditions.size(); i++) {
            try {
                models.add(conditions.get(i).dumpComponent());
            } catch (UnsupportedOperationException e) {
                throw new UnsupportedOperationException(owner + " conditions[" + i + "] cannot be dumped: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(models);
    }

    /** One stop message whose content and source join those given, with {@code ", "} as Python does. */
    static StopMessage join(List<StopMessage> stopMessages) {
        String content = stopMessages.stream().map(StopMessage::content).collect(Collectors.joining(", "));
        String source = stopMessages.stream().map(StopMessage::source).collect(Collectors.joining(", "));
        return new StopMessage(content, source);
    }
}
