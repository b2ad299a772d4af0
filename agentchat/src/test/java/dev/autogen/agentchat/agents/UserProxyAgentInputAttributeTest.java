package dev.autogen.agentchat.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autogen.agentchat.base.Team;
import dev.autogen.agentchat.teams.RoundRobinGroupChat;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.serialization.AutogenJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An application gives the UserProxyAgents of a config an input function through the loader. */
class UserProxyAgentInputAttributeTest {
    @Test
    void everyUserProxyOfALoadedTeamAsksTheGivenFunction() throws Exception {
        String json = AutogenJson.mapper().writeValueAsString(RoundRobinGroupChat.builder(
                List.of(new UserProxyAgent("alice"), new UserProxyAgent("bob"))).maxTurns(2).build().dumpComponent());
        InputFunction ask = InputFunction.of(prompt -> "from the page");
        Team team = ComponentLoader.defaultLoader().withAttribute(InputFunction.class, ask).load(json, Team.class);
        var result = team.run("hello");
        assertThat(result.messages().stream().filter(m -> m.source().equals("alice") || m.source().equals("bob"))
                .filter(m -> m.toText().equals("from the page")).count()).isEqualTo(2);
        UserProxyAgent alone = ComponentLoader.defaultLoader().withAttribute(InputFunction.class, ask)
                .load(AutogenJson.mapper().writeValueAsString(new UserProxyAgent("carol").dumpComponent()), UserProxyAgent.class);
        assertThat(alone.inputFunction()).isSameAs(ask);
        assertThat(ComponentLoader.defaultLoader().load(AutogenJson.mapper().writeValueAsString(
                new UserProxyAgent("dave").dumpComponent()), UserProxyAgent.class).inputFunction())
                .as("without one, the console").isSameAs(InputFunction.console());
    }
}
