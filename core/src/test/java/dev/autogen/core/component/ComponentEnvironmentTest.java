package dev.autogen.core.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentEnvironmentTest {
    @Test
    void givenVariablesWinOverTheBaseAndTheRestOfTheBaseStays() {
        var given = new ComponentEnvironment(Map.of("OPENAI_API_KEY", "sk-user", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"));

        Map<String, String> seen = given.over(Map.of("OPENAI_API_KEY", "sk-process", "PATH", "/usr/bin"));

        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("OPENAI_API_KEY", "sk-user",
                "OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "PATH", "/usr/bin"));
        Map<String, String> base = Map.of("PATH", "/bin");
        assertThat(new ComponentEnvironment(Map.of()).over(base)).isSameAs(base);
    }
}
