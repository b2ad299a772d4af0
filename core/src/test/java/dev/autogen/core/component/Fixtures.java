package dev.autogen.core.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** JSON written by Python AutoGen (copied from the project's shared fixtures into test resources). */
final class Fixtures {
    private Fixtures() {
    }

    static JsonNode read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/autogen-python/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource fixtures/autogen-python/" + name + " is missing");
            }
            return AutogenJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The team Python dumped in scenario 03 ({@code component}) and its compact JSON ({@code component_json}). */
    static ObjectNode roundRobinTeam() {
        return (ObjectNode) read("03_round_robin_dump_component.normalized.json").get("component").deepCopy();
    }

    static String roundRobinTeamJson() {
        return read("03_round_robin_dump_component.normalized.json").get("component_json").asText();
    }
}
