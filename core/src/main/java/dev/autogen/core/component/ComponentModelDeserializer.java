package dev.autogen.core.component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link ComponentModel} with the same checks as {@link ComponentModel#fromJson}, and,
 * while a {@link LoadSession} binds a config, records the JSON path of each nested component so
 * that errors in it can name where it sits.
 */
final class ComponentModelDeserializer extends StdDeserializer<ComponentModel> {
    private static final long serialVersionUID = 1L;

    ComponentModelDeserializer() {
        super(ComponentModel.class);
    }

    @Override
    public ComponentModel deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String relative = ComponentJson.relativePath(parser.getParsingContext());
        JsonNode node = context.readTree(parser);
        Object base = context.getAttribute(LoadSession.BASE_PATH);
        String path = base instanceof String basePath ? basePath + relative
                : relative.isEmpty() ? ComponentJson.rootPath(node) : relative.substring(relative.startsWith(".") ? 1 : 0);
        List<ComponentProblem> problems = new ArrayList<>();
        ComponentModel model = ComponentJson.envelope(node, path, problems);
        if (model == null) {
            throw new ComponentLoadException(problems);
        }
        if (context.getAttribute(LoadSession.SESSION) instanceof LoadSession session) {
            session.record(model, path);
        }
        return model;
    }
}
