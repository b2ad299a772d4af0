package dev.autogen.agentchat.teams;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.core.component.ComponentBase;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

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

    /**
     * Loads the participants, each an agent or a team; reports every failure with its path. Those a
     * {@link TeamPlacement} puts in other processes become {@link RemoteParticipant}s, not built here.
     */
    static List<Participant> loadParticipants(List<ComponentModel> models, ComponentContext context) {
        if (models.isEmpty()) {
            throw context.invalid("participants", "at least one participant is required");
        }
        Set<String> remote = placement(context).map(TeamPlacement::remoteParticipants)
                .orElse(Set.of());
        Set<String> found = new HashSet<>();
        List<ComponentModel> local = new ArrayList<>();
        for (ComponentModel model : models) {
            String name = model.config().path("name").asText("");
            if (remote.contains(name)) {
                found.add(name);
            } else {
                local.add(model);
            }
        }
        if (!found.containsAll(remote)) {
            Set<String> missing = new TreeSet<>(remote);
            missing.removeAll(found);
            throw context.invalid("participants", "no participant is named " + missing + ", so none can be served"
                    + " by another process; the participants are " + models.stream()
                            .map(m -> m.config().path("name").asText("?")).toList());
        }
        Iterator<ComponentBase> loaded = context.loadAll(local, ComponentBase.class).iterator();
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String name = models.get(i).config().path("name").asText("");
            if (remote.contains(name)) {
                participants.add(remoteParticipant(models.get(i), context));
            } else if (loaded.next() instanceof Participant participant) {
                participants.add(participant);
            } else {
                throw context.invalid("participants[" + i + "]", "'" + models.get(i).provider()
                        + "' is neither an agent nor a team");
            }
        }
        return participants;
    }

    /**
     * A participant that another process serves, with its config's name and description; a config
     * without a description is built (and closed) to learn the participant's default one.
     */
    private static RemoteParticipant remoteParticipant(ComponentModel model, ComponentContext context) {
        String name = model.config().path("name").asText();
        JsonNode description = model.config().path("description");
        if (description.isTextual()) {
            return RemoteParticipant.of(name, description.asText());
        }
        ComponentBase built = context.load(model, ComponentBase.class);
        try {
            if (!(built instanceof Participant participant)) {
                throw context.invalid("participants", "'" + model.provider() + "' is neither an agent nor a team");
            }
            return RemoteParticipant.of(name, participant.description());
        } finally {
            if (built instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LoggerFactory.getLogger(TeamComponents.class).debug("closing participant '{}' failed", name, e);
                }
            }
        }
    }

    static @Nullable TerminationCondition loadTermination(@Nullable ComponentModel model, ComponentContext context) {
        return model == null ? null : context.load(model, TerminationCondition.class, "termination_condition");
    }

    /** The placement the application gave the load, for the team the load began with (not nested teams). */
    private static Optional<TeamPlacement> placement(ComponentContext context) {
        return context.isRoot() ? context.attribute(TeamPlacement.class) : Optional.empty();
    }

    /**
     * Builds the team on the runtime and under the team id a {@link TeamPlacement} gives, turning a
     * constructor's complaint into a config error.
     */
    static <T> T build(ComponentContext context, BaseGroupChat.Builder<?> builder, Supplier<T> build) {
        placement(context).ifPresent(placement -> builder.runtime(placement.runtime())
                .teamId(placement.teamId()));
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw context.invalid("participants", e.getMessage());
        }
    }

}
