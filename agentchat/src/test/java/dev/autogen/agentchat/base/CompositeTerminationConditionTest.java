package dev.autogen.agentchat.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autogen.agentchat.conditions.ExternalTermination;
import dev.autogen.agentchat.conditions.FunctionalTermination;
import dev.autogen.agentchat.conditions.MaxMessageTermination;
import dev.autogen.agentchat.conditions.SourceMatchTermination;
import dev.autogen.agentchat.conditions.TextMentionTermination;
import dev.autogen.agentchat.messages.StopMessage;
import dev.autogen.agentchat.messages.TextMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTerminationConditionTest {
    private static List<TextMessage> says(String source, String content) {
        return List.of(new TextMessage(content, source));
    }

    @Test
    void orFiresWhenEitherFiresAndJoinsWhatFiredInTheSameCheck() {
        var condition = new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(3));
        assertThat(condition).isInstanceOf(OrTerminationCondition.class);

        assertThat(condition.check(says("user", "task"))).isNull();
        assertThat(condition.check(says("a", "hello"))).isNull();
        StopMessage both = condition.check(says("b", "TERMINATE"));

        assertThat(both.content())
                .isEqualTo("Text 'TERMINATE' mentioned, Maximum number of messages 3 reached, current message count: 3");
        assertThat(both.source()).isEqualTo("TextMentionTermination, MaxMessageTermination");
        assertThat(condition.terminated()).isTrue();
    }

    @Test
    void orReportsOnlyTheConditionThatFired() {
        var condition = new TextMentionTermination("TERMINATE").or(new MaxMessageTermination(10));
        StopMessage stop = condition.check(says("a", "TERMINATE"));
        assertThat(stop.content()).isEqualTo("Text 'TERMINATE' mentioned");
        assertThat(stop.source()).isEqualTo("TextMentionTermination");
    }

    @Test
    void orRefusesASecondCheckAndResetsEveryCondition() {
        var max = new MaxMessageTermination(2);
        var mention = new TextMentionTermination("STOP");
        var condition = max.or(mention);
        assertThat(condition.check(says("a", "go on"))).isNull();
        assertThat(condition.check(says("b", "STOP"))).isNotNull();
        assertThat(max.terminated()).isTrue();
        assertThat(mention.terminated()).isTrue();

        assertThatThrownBy(() -> condition.check(says("c", "more")))
                .isInstanceOf(TerminatedException.class)
                .hasMessage("Termination condition has already been reached");

        condition.reset();
        assertThat(max.terminated()).isFalse();
        assertThat(mention.terminated()).isFalse();
        assertThat(max.messageCount()).isZero();
    }

    @Test
    void andWaitsForAllAcrossChecksAndJoinsEveryStopMessage() {
        var approved = new TextMentionTermination("APPROVE", List.of("critic"));
        var enough = new MaxMessageTermination(4);
        var condition = approved.and(enough);
        assertThat(condition).isInstanceOf(AndTerminationCondition.class);

        assertThat(condition.check(says("user", "task"))).isNull();
        assertThat(condition.check(says("critic", "APPROVE"))).as("only the mention has fired").isNull();
        assertThat(approved.terminated()).isTrue();
        assertThat(condition.terminated()).isFalse();

        assertThat(condition.check(says("writer", "APPROVE again"))).isNull();
        StopMessage stop = condition.check(says("critic", "thanks"));

        assertThat(stop.content())
                .isEqualTo("Text 'APPROVE' mentioned, Maximum number of messages 4 reached, current message count: 4");
        assertThat(stop.source()).isEqualTo("TextMentionTermination, MaxMessageTermination");
        assertThat(condition.terminated()).isTrue();
    }

    @Test
    void andDoesNotCheckConditionsThatAlreadyFired() {
        var mention = new TextMentionTermination("APPROVE");
        var condition = mention.and(new MaxMessageTermination(3));
        condition.check(says("a", "APPROVE"));
        // a fired condition would throw if checked again
        assertThat(condition.check(says("b", "ok"))).isNull();
        assertThat(condition.check(says("c", "ok"))).isNotNull();
    }

    @Test
    void andRefusesASecondCheckWithPythonsMessageAndResetClearsCollectedStops() {
        var external = new ExternalTermination();
        var condition = new AndTerminationCondition(new SourceMatchTermination("critic"), external);
        condition.check(says("critic", "done"));
        external.set();
        assertThat(condition.check(says("writer", "x")).content()).isEqualTo("'critic' answered, External termination requested");

        assertThatThrownBy(() -> condition.check(says("writer", "y")))
                .isInstanceOf(TerminatedException.class)
                .hasMessage("Termination condition has already been reached.");

        condition.reset();
        assertThat(condition.terminated()).isFalse();
        external.set();
        assertThat(condition.check(says("writer", "z"))).as("the source has not answered since the reset").isNull();
        assertThat(condition.check(says("critic", "again")).content())
                .as("stop messages in the order the conditions fired")
                .isEqualTo("External termination requested, 'critic' answered");
    }

    @Test
    void chainsNestAsInPython() {
        var a = new MaxMessageTermination(10);
        var b = new TextMentionTermination("X");
        var c = new ExternalTermination();
        OrTerminationCondition chain = a.or(b).or(c);
        assertThat(chain.conditions()).hasSize(2);
        assertThat(chain.conditions().get(0)).isInstanceOf(OrTerminationCondition.class);
        assertThat(chain.conditions().get(1)).isSameAs(c);

        var mixed = a.or(b.and(c));
        assertThat(mixed.conditions().get(1)).isInstanceOf(AndTerminationCondition.class);
    }

    @Test
    void compositesNeedConditions() {
        assertThatThrownBy(OrTerminationCondition::new).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OrTerminationCondition needs at least one condition to combine");
        assertThatThrownBy(() -> new AndTerminationCondition(List.of()))
                .hasMessage("AndTerminationCondition needs at least one condition to combine");
    }

    @Test
    void dumpingACompositeWithAFunctionalConditionNamesIt() {
        var condition = new MaxMessageTermination(5).or(new FunctionalTermination(m -> false));
        assertThatThrownBy(condition::dumpComponent)
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("OrTerminationCondition conditions[1] cannot be dumped: FunctionalTermination");
    }
}
