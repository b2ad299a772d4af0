package dev.autogen.agentchat.tools;

import dev.autogen.agentchat.base.Team;
import dev.autogen.core.component.AbstractComponentProvider;
import dev.autogen.core.component.ComponentContext;
import dev.autogen.core.component.ComponentTypes;

/** Loads and writes {@link TeamTool} configs ({@code autogen_agentchat.tools.TeamTool}). */
public final class TeamToolProvider extends AbstractComponentProvider<TeamTool, TeamToolConfig> {
    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public TeamToolProvider() {
        super(TeamTool.PROVIDER, ComponentTypes.TOOL, TeamTool.class, TeamToolConfig.class,
                "Tool that can be used to run a task.");
    }

    @Override
    public TeamTool fromConfig(TeamToolConfig config, ComponentContext context) {
        return new TeamTool(context.load(config.team(), Team.class, "team"), config.name(), config.description(),
                Boolean.TRUE.equals(config.returnValueAsLastMessage()));
    }
}
