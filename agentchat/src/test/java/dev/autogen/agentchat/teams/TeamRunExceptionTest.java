package dev.autogen.agentchat.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.TeamRunException;
import dev.autogen.agentchat.teams.events.SerializableException;
import org.junit.jupiter.api.Test;

class TeamRunExceptionTest {
    @Test
    void aLocalParticipantFailureIsUnwrappedToTheOriginalException() {
        var original = new IllegalArgumentException("bad argument");
        var error = SerializableException.from(new ChatAgentContainer.ParticipantException("writer", original));

        TeamRunException e = BaseGroupChat.runFailed("team", error);

        assertThat(e.getCause()).isSameAs(original);
        assertThat(e.participant()).contains("writer");
        assertThat(e.errorType()).isEqualTo("IllegalArgumentException");
        assertThat(e).hasMessage("team 'team' stopped: participant 'writer' failed: bad argument");
    }

    @Test
    void aFailureFromAnotherProcessKeepsTheParticipantAndTypeFromItsText() {
        var error = new SerializableException("ValueError", "participant 'writer' failed: no model", "Traceback ...");

        TeamRunException e = BaseGroupChat.runFailed("team", error);

        assertThat(e.getCause()).isNull();
        assertThat(e.participant()).contains("writer");
        assertThat(e.errorType()).isEqualTo("ValueError");
        assertThat(e).hasMessage("team 'team' stopped: participant 'writer' failed: no model");
    }

    @Test
    void aManagerFailureNamesNoParticipant() {
        TeamRunException e = BaseGroupChat.runFailed("team",
                SerializableException.from(new IllegalStateException("invalid speaker")));

        assertThat(e.participant()).isEmpty();
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(e).hasMessage("team 'team' stopped: invalid speaker");
    }
}
