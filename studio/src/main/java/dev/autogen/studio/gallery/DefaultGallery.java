package dev.autogen.studio.gallery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gallery a user gets at first start: the components of Python Studio's default gallery that
 * exist in Java (model clients, agents, tools, terminations, teams, workbenches), led by a team that
 * runs offline on scripted replies (a writer and a critic on {@code ReplayChatCompletionClient}s), and
 * a scripted model client to build such teams in the Team Builder.
 * The entries of Python's gallery that cannot exist in Java are left out and listed in
 * {@code metadata.left_out} with the reasons.
 */
public final class DefaultGallery {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGallery.class);
    private static final String RESOURCES = "/dev/autogen/studio/gallery/";

    private DefaultGallery() {
    }

    /** Python Studio's own default gallery file, as shipped with it. */
    public static ObjectNode python() {
        return (ObjectNode) resource("python_default_gallery.json");
    }

    /** The offline team: RoundRobinGroupChat of a writer and a critic on scripted replies. */
    public static ObjectNode offlineTeam() {
        ObjectNode team = (ObjectNode) resource("reflection_team.json");
        team.put("label", "Offline Writer and Critic (scripted replies)");
        return team;
    }

    /**
     * A model client on scripted replies ({@code ReplayChatCompletionClient}), so that a team built in
     * the Team Builder runs offline: each agent it is dropped on says the replies in turn.
     */
    public static ObjectNode scriptedModel() {
        ObjectNode model = AutogenJson.mapper().createObjectNode();
        model.put("provider", "autogen_ext.models.replay.ReplayChatCompletionClient");
        model.put("component_type", "replay_chat_completion_client");
        model.put("version", 1);
        model.put("component_version", 1);
        model.put("description", "Scripted replies, for trying a team offline: each call gives the next reply.");
        model.put("label", "Scripted replies (offline)");
        ObjectNode config = model.putObject("config");
        config.putArray("chat_completions").add("Here is a first draft.").add("TERMINATE");
        config.putObject("model_info").put("vision", false).put("function_calling", false).put("json_output", false)
                .put("family", "unknown").put("structured_output", false);
        return model;
    }

    /** Builds the gallery config: {@code {"id", "name", "url", "metadata", "components"}}. */
    public static ObjectNode create() {
        ObjectNode python = python();
        List<GalleryCheck.Entry> entries = GalleryCheck.check(python);
        ObjectNode gallery = AutogenJson.mapper().createObjectNode();
        gallery.put("id", "gallery_java_default");
        gallery.put("name", "Default Component Gallery (Java)");
        gallery.putNull("url");
        ObjectNode metadata = gallery.putObject("metadata");
        metadata.put("author", "AutoGen for Java");
        metadata.put("version", "1.0.0");
        metadata.put("description", "The components of AutoGen Studio's default gallery that exist in Java, "
                + "and a team that runs offline on scripted replies");
        metadata.putArray("tags").add("human-in-loop").add("assistant").add("offline");
        metadata.put("license", "MIT");
        metadata.putNull("homepage");
        metadata.put("category", "conversation");
        metadata.put("last_synced", Instant.now().toString());
        ObjectNode components = gallery.putObject("components");
        for (String group : List.of("agents", "models", "tools", "terminations", "teams", "workbenches")) {
            components.putArray(group);
        }
        ((ArrayNode) components.get("teams")).add(offlineTeam());
        ((ArrayNode) components.get("models")).add(scriptedModel());
        ArrayNode leftOut = metadata.putArray("left_out");
        for (GalleryCheck.Entry entry : entries) {
            if (entry.check().ok()) {
                ArrayNode group = components.has(entry.group()) ? (ArrayNode) components.get(entry.group())
                        : components.putArray(entry.group());
                group.add(entry.component());
            } else {
                ObjectNode item = leftOut.addObject().put("label", entry.label())
                        .put("provider", entry.component().path("provider").asText(""));
                ArrayNode reasons = item.putArray("reasons");
                entry.check().problems().forEach(p -> reasons.add(p.toString()));
                LOG.debug("default gallery: left out {}: {}", entry.label(), entry.check().problems());
            }
        }
        return gallery;
    }

    /** The first team of the default gallery, the one a new user gets: it runs offline. */
    public static ObjectNode defaultTeam() {
        return offlineTeam();
    }

    private static JsonNode resource(String name) {
        try (InputStream in = DefaultGallery.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("the Studio lacks its resource " + name);
            }
            return AutogenJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Studio's resource " + name, e);
        }
    }
}
