package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reading and writing the parts every team config shares. */
final class TeamComponents {
    private TeamComponents() {
    }

    static List<ComponentModel> dumpParticipants(BaseGroupChat team) {
        List<ComponentModel> models = new ArrayList<>();
        for (Participant participant : team.participants()) {
            if (!(participant instanceof ComponentBase component)) {
                throw new IllegalStateException("participant '" + participant.name()
                        + "' of team '" + team.name() + "' is not a component, so the team cannot be dumped");
            }
            models.add(component.dumpComponent());
        }
        return models;
    }

    /** Loads the participants, each an agent or a team; reports every failure with its path. */
    static List<Participant> loadParticipants(List<ComponentModel> models, ComponentContext context) {
        if (models.isEmpty()) {
            throw context.invalid("participants", "at least one participant is required");
        }
        List<ComponentBase> loaded = context.loadAll(models, ComponentBase.class);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            if (!(loaded.get(i) instanceof Participant participant)) {
                throw context.invalid("participants[" + i + "]", "'" + models.get(i).provider()
                        + "' is neither an agent nor a team");
            }
            participants.add(participant);
        }
        return participants;
    }

    static @Nullable TerminationCondition loadTermination(@Nullable ComponentModel model, ComponentContext context) {
        return model == null ? null : context.load(model, TerminationCondition.class, "termination_condition");
    }

    /** Builds the team, turning a constructor's complaint into a config error. */
    static <T> T build(ComponentContext context, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw context.invalid("participants", e.getMessage());
        }
    }

}
