package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.base.Participant;
import dev.autogen.agentchat.base.TerminationCondition;
import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.agentchat.teams.events.GroupChatSerializers;
import dev.autogen.core.AgentId;
import dev.autogen.core.AgentRuntime;
import dev.autogen.core.TopicId;
import dev.autogen.core.TypeSubscription;
import dev.autogen.core.serialization.JsonMessageSerializer;
import dev.autogen.core.serialization.MessageSerializer;
import dev.autogen.core.serialization.SerializationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one team's agents find each other on the runtime, and what its manager is given, as in
 * Python's group chat: the team id (the key of all its agents and the source of all its topics),
 * the group topic every participant and the manager subscribe to, a topic per participant, the
 * output topic where participants publish what the caller sees, and the run's limits.
 */
public final class TeamWiring {
    private static final Pattern TEAM_ID = Pattern.compile("[\\w\\-.]+");

    private final String teamId;
    private final String managerName;
    private final List<String> participantNames;
    private final List<String> participantDescriptions;
    private final @Nullable TerminationCondition terminationCondition;
    private final @Nullable Integer maxTurns;
    private final boolean emitTeamEvents;
    private static final List<MessageSerializer<?>> SNAPSHOT_SERIALIZERS = List.of(
            JsonMessageSerializer.of(SnapshotRequest.class), JsonMessageSerializer.of(ContainerSnapshot.class));
    /** What a team without custom message types registers on its runtime, built once for all teams. */
    private static final SerializationRegistry.Bundle BUILT_IN_SERIALIZERS = bundle(MessageFactory.builtIn());

    private final MessageFactory messageFactory;
    private final OutputChannel output;
    private final Set<String> localParticipants;
    private final StepSequencer steps = new StepSequencer();
    private final RunCheckpoints checkpoints = new RunCheckpoints();
    /** Names made once: every turn asks for them, and every subscription and agent cell keeps one. */
    private final TopicId groupTopic;
    private final TopicId outputTopic;
    private final AgentId managerId;
    private final List<TopicId> participantTopics;

    TeamWiring(String teamId, String managerName, List<String> participantNames, List<String> participantDescriptions,
            @Nullable TerminationCondition terminationCondition, @Nullable Integer maxTurns, boolean emitTeamEvents,
            MessageFactory messageFactory, OutputChannel output, Set<String> localParticipants) {
        this.teamId = teamId;
        this.managerName = managerName;
        this.participantNames = List.copyOf(participantNames);
        this.participantDescriptions = List.copyOf(participantDescriptions);
        this.terminationCondition = terminationCondition;
        this.maxTurns = maxTurns;
        this.emitTeamEvents = emitTeamEvents;
        this.messageFactory = messageFactory;
        this.output = output;
        this.localParticipants = Set.copyOf(localParticipants);
        this.groupTopic = new TopicId("group_topic_" + teamId, teamId);
        this.outputTopic = new TopicId("output_topic_" + teamId, teamId);
        this.managerId = new AgentId(managerName + "_" + teamId, teamId);
        this.participantTopics = this.participantNames.stream()
                .map(name -> new TopicId(name + "_" + teamId, teamId)).toList();
    }

    /**
     * @return {@code teamId}, which becomes part of agent types
     * @throws IllegalArgumentException if it has other characters than letters, digits, {@code _}, {@code -} and {@code .}
     */
    static String checkTeamId(String teamId) {
        if (!TEAM_ID.matcher(teamId).matches()) {
            throw new IllegalArgumentException("team id '" + teamId + "' may contain only letters, digits, '_', '-' and"
                    + " '.': it becomes part of the team's agent types");
        }
        return teamId;
    }

    /** The team's id: the key of its agents and the source of its topics. */
    public String teamId() {
        return teamId;
    }

    /** The manager's name, its key in the team state (e.g. {@code RoundRobinGroupChatManager}). */
    public String managerName() {
        return managerName;
    }

    /** The participants' names, in order. */
    public List<String> participantNames() {
        return participantNames;
    }

    /** The participants' descriptions, in the order of {@link #participantNames()}. */
    public List<String> participantDescriptions() {
        return participantDescriptions;
    }

    /** When a run stops, if set. */
    public @Nullable TerminationCondition terminationCondition() {
        return terminationCondition;
    }

    /** The most turns in one run, if set. */
    public @Nullable Integer maxTurns() {
        return maxTurns;
    }

    /** Whether team events such as {@code SelectSpeakerEvent} appear in the output. */
    public boolean emitTeamEvents() {
        return emitTeamEvents;
    }

    /** Reads the messages of this team, custom types included. */
    public MessageFactory messageFactory() {
        return messageFactory;
    }

    /** {@code group_topic_{teamId}}: every participant and the manager receive what is published here. */
    public String groupTopicType() {
        return groupTopic.type();
    }

    /** The group topic. */
    public TopicId groupTopic() {
        return groupTopic;
    }

    /** {@code output_topic_{teamId}}: messages for the caller of the run, relayed by the manager. */
    public String outputTopicType() {
        return outputTopic.type();
    }

    /** The output topic. */
    public TopicId outputTopic() {
        return outputTopic;
    }

    /** {@code {name}_{teamId}}: the agent type of a participant's container, and its own topic type. */
    public String participantTopicType(String participant) {
        return participantTopic(participant).type();
    }

    /** The topic a participant's container listens on. */
    public TopicId participantTopic(String participant) {
        int index = participantNames.indexOf(participant);
        return index >= 0 ? participantTopics.get(index) : new TopicId(participant + "_" + teamId, teamId);
    }

    /** The id of a participant's container. */
    public AgentId participantId(String participant) {
        return new AgentId(participantTopicType(participant), teamId);
    }

    /** {@code {managerName}_{teamId}}: the manager's agent type and topic type. */
    public String managerType() {
        return managerId.type();
    }

    /** The manager's id. */
    public AgentId managerId() {
        return managerId;
    }

    /** Whether the container of {@code participant} is served by this team's process (not a {@link RemoteParticipant}). */
    boolean isLocal(String participant) {
        return localParticipants.contains(participant);
    }

    /**
     * Lets {@code runtime} carry this team's messages between processes: the group-chat protocol under
     * Python's type names, and the checkpoint snapshots.
     */
    void addSerializers(AgentRuntime runtime) {
        runtime.addMessageSerializers(messageFactory == MessageFactory.builtIn() ? BUILT_IN_SERIALIZERS
                : bundle(messageFactory));
    }

    private static SerializationRegistry.Bundle bundle(MessageFactory messageFactory) {
        List<MessageSerializer<?>> serializers = new ArrayList<>(GroupChatSerializers.all(messageFactory));
        serializers.addAll(SNAPSHOT_SERIALIZERS);
        return SerializationRegistry.Bundle.of(serializers);
    }

    /**
     * Registers the container that hosts {@code participant} on {@code runtime}, subscribed to its own
     * topic and the group topic, as Python's group chat does.
     */
    void registerContainer(AgentRuntime runtime, Participant participant) {
        String type = participantTopicType(participant.name());
        runtime.registerFactory(type, context -> BaseGroupChat.bound(new ChatAgentContainer(participant, groupTopic(),
                outputTopic(), messageFactory, steps, checkpoints), context));
        runtime.addSubscription(new TypeSubscription(type, type));
        runtime.addSubscription(new TypeSubscription(groupTopicType(), type));
    }

    OutputChannel output() {
        return output;
    }

    /** Orders what the speakers of a step publish; shared by the manager and the containers. */
    StepSequencer steps() {
        return steps;
    }

    /** Where the current run's checkpoints go, if the team is durable. */
    RunCheckpoints checkpoints() {
        return checkpoints;
    }
}
