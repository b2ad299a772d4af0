package dev.autogen.benchmarks;

/**
 * Prints the component config of {@link TeamThroughput}'s 1,000-message team (two AssistantAgents on
 * replay models), for {@code benchmarks/footprint.sh} to run through the command line in a fresh JVM:
 * {@code java -cp benchmarks.jar dev.autogen.benchmarks.OneRunConfig > team.json; ./autogen run team.json}.
 */
public final class OneRunConfig {
    private OneRunConfig() {
    }

    public static void main(String[] args) {
        System.out.println(TeamThroughput.writerAndCritic(TeamThroughput.writerModel(), TeamThroughput.criticModel())
                .dumpComponent().toJson());
    }
}
