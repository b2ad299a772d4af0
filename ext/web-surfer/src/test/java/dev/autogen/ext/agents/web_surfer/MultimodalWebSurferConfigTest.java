package dev.autogen.ext.agents.web_surfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autogen.agentchat.base.ChatAgent;
import dev.autogen.core.component.ComponentLoader;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.component.ConsentPolicy;
import dev.autogen.core.component.ConsentRefusedException;
import dev.autogen.core.component.ConsentRequest;
import dev.autogen.core.CancellationToken;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's config loads (starting no browser) and is written back with Python's field names. */
class MultimodalWebSurferConfigTest {
    private static final String REPLAY_MODEL = """
            {"provider": "autogen_ext.models.replay.ReplayChatCompletionClient", "component_type": "replay_chat_completion_client",
             "config": {"chat_completions": [], "model_info": {"vision": true, "function_calling": true,
              "json_output": true, "family": "gpt-4o", "structured_output": true}}}""";

    /** The gallery entry of Python's default gallery, with a replay model instead of OpenAI. */
    private static final String GALLERY_ENTRY = """
            {"provider": "autogen_ext.agents.web_surfer.MultimodalWebSurfer", "component_type": "agent",
             "version": 1, "component_version": 1,
             "description": "An agent that solves tasks by browsing the web using a headless browser.",
             "label": "Web Surfer Agent",
             "config": {"name": "websurfer_agent", "model_client": %s,
               "description": "an agent that solves tasks by browsing the web", "headless": true,
               "start_page": "https://www.bing.com/", "animate_actions": false, "to_save_screenshots": false,
               "use_ocr": false, "to_resize_viewport": true}}""".formatted(REPLAY_MODEL);

    /** Loading with consent: a surfer from a config starts a browser on this machine. */
    private static <T> T load(String json, Class<T> type) {
        return ComponentLoader.defaultLoader().withConsent(ConsentPolicy.allowAll()).load(json, type);
    }

    @Test
    void aConfiguredSurferStartsItsBrowserOnlyWithConsent() {
        Throwable refused = catchThrowable(() -> ComponentLoader.loadComponent(GALLERY_ENTRY, ChatAgent.class));
        assertThat(refused).hasMessageContaining("start the browser '/usr/bin/chromium' and let its model open any http, "
                + "https or file URL on this machine, with your rights")
                .hasMessageContaining("consent");

        List<String> asked = new CopyOnWriteArrayList<>();
        ConsentPolicy ask = new ConsentPolicy() {
            @Override
            public Decision decide(ConsentRequest request) {
                return Decision.ASK;
            }

            @Override
            public boolean approve(ConsentRequest request, String what, CancellationToken token) {
                asked.add(what);
                return false;
            }
        };
        ChatAgent agent = ComponentLoader.defaultLoader().withConsent(ask).load(GALLERY_ENTRY, ChatAgent.class);
        assertThat(catchThrowable(() -> agent.run("Search for cats."))).isInstanceOf(ConsentRefusedException.class);
        assertThat(asked).containsExactly("start /usr/bin/chromium for the web surfer 'websurfer_agent', opening "
                + "https://www.bing.com/");
        agent.close();
    }

    @Test
    void loadsPythonsGalleryEntryAndWritesItBack() throws Exception {
        ChatAgent agent = load(GALLERY_ENTRY, ChatAgent.class);

        assertThat(agent).isInstanceOf(MultimodalWebSurfer.class);
        assertThat(agent.name()).isEqualTo("websurfer_agent");
        assertThat(agent.description()).isEqualTo("an agent that solves tasks by browsing the web");
        var surfer = (MultimodalWebSurfer) agent;
        assertThat(surfer.browserOptions().headless()).isTrue();
        assertThat(surfer.browserOptions().executable()).isEqualTo(Path.of("/usr/bin/chromium"));

        JsonNode config = new ObjectMapper().readTree(agent.dumpComponent().toJson()).path("config");
        assertThat(config.path("name").asText()).isEqualTo("websurfer_agent");
        assertThat(config.path("start_page").asText()).isEqualTo("https://www.bing.com/");
        assertThat(config.path("headless").asBoolean()).isTrue();
        assertThat(config.path("to_resize_viewport").asBoolean()).isTrue();
        assertThat(config.has("browser_executable")).as("Java-only fields are written only when set").isFalse();
        agent.close();
    }

    @Test
    void javaSettingsRoundTrip() {
        String json = GALLERY_ENTRY.replace("\"use_ocr\": false,", "\"use_ocr\": false, \"browser_executable\": "
                + "\"/opt/chromium/chrome\", \"search_engine_url\": \"https://duckduckgo.com/html/?q={query}\", "
                + "\"viewport_width\": 1024, \"url_allow_list\": [\"https://www.bing.com/\"], \"downloads_folder\": \"dl\",");
        var surfer = load(json, MultimodalWebSurfer.class);
        ComponentModel model = surfer.dumpComponent();
        var again = load(model.toJson(), MultimodalWebSurfer.class);
        assertThat(again.toConfig()).isEqualTo(surfer.toConfig());
        assertThat(again.browserOptions().viewportWidth()).isEqualTo(1024);
        assertThat(again.browserOptions().viewportHeight()).isEqualTo(900);
        assertThat(again.browserOptions().urlPolicy().allowedPrefixes()).isEqualTo(List.of("https://www.bing.com/"));
        assertThat(again.browserOptions().downloadsFolder()).isEqualTo(Path.of("dl"));
    }

    @Test
    void badConfigsNameTheField() {
        Throwable e = catchThrowable(() -> load(
                GALLERY_ENTRY.replace("\"use_ocr\": false,", "\"use_ocr\": false, \"search_engine_url\": \"https://x/?q=\","),
                ChatAgent.class));
        assertThat(e).hasMessageContaining("search_engine_url 'https://x/?q=' must contain {query}");
        Throwable noName = catchThrowable(() -> load(
                GALLERY_ENTRY.replace("\"name\": \"websurfer_agent\",", ""), ChatAgent.class));
        assertThat(noName).hasMessageContaining("name");
    }
}
