package dev.autogen.agentchat.teams;

import dev.autogen.agentchat.messages.MessageFactory;
import dev.autogen.core.TopicId;
import java.util.List;

/**
 * How one team's agents find each other on the runtime: the team id (the key of all its agents and
 * the source of all its topics), the group topic, a topic per participant, the output channel and the
 * message factory.
 */
record TeamWiring(String teamId, String groupTopicType, List<String> participantNames,
        List<String> participantDescriptions, OutputChannel output, MessageFactory messageFactory) {
    TeamWiring {
        participantNames = List.copyOf(participantNames);
        participantDescriptions = List.copyOf(participantDescriptions);
    }

    TopicId groupTopic() {
        return new TopicId(groupTopicType, teamId);
    }

    String participantTopicType(String participant) {
        return participant + "_" + teamId;
    }

    TopicId participantTopic(String participant) {
        return new TopicId(participantTopicType(participant), teamId);
    }
}
