package dev.autogen.core.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.autogen.core.serialization.AutogenJson;
import dev.autogen.core.tools.annotation.ToolParam;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * JSON schemas for Java types, shaped like the ones pydantic writes so that a Java tool looks to a
 * model exactly like its Python twin: every property has a {@code title} ({@code max_results} ->
 * {@code "Max Results"}), object types have the class name as title, {@code properties} keep
 * declaration order, nested types are inlined (as Python's tool schemas do with {@code jsonref}),
 * and Java names become snake_case as in {@link AutogenJson}. Built on victools'
 * jsonschema-generator.
 *
 * <pre>{@code
 * record Verdict(boolean approved, @ToolParam("Why") String reason) {}
 * ObjectNode schema = JsonSchemas.forType(Verdict.class);
 * // {"type":"object","title":"Verdict","properties":{"approved":{"type":"boolean","title":"Approved"},
 * //   "reason":{"type":"string","title":"Reason","description":"Why"}},"required":["approved","reason"]}
 * }</pre>
 */
public final class JsonSchemas {
    /** Generation is rare (once per tool) and victools' generator is not documented as thread-safe. */
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final SchemaGenerator INLINE = generator(true);
    private static final SchemaGenerator WITH_DEFS = generator(false);
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private JsonSchemas() {
    }

    /**
     * The schema of {@code type} (a record or class, or any type Jackson reads).
     *
     * @throws IllegalArgumentException if no schema can be made for the type
     */
    public static ObjectNode forType(Type type) {
        Type target = unwrapOptional(type);
        ObjectNode schema;
        LOCK.lock();
        try {
            schema = INLINE.generateSchema(target);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Recursive types cannot be inlined; keep "$defs" references for them.
            schema = WITH_DEFS.generateSchema(target);
        } finally {
            LOCK.unlock();
        }
        schema.remove("$schema");
        mergeAllOf(schema);
        return schema;
    }

    /** Folds the {@code allOf} victools writes for annotated members into one schema, as pydantic has. */
    private static void mergeAllOf(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("allOf") instanceof com.fasterxml.jackson.databind.node.ArrayNode all) {
            object.remove("allOf");
            for (JsonNode part : all) {
                if (part instanceof ObjectNode partObject) {
                    partObject.properties().forEach(e -> object.set(e.getKey(), e.getValue()));
                }
            }
        }
        node.forEach(JsonSchemas::mergeAllOf);
    }

    /** The tool argument name for a Java name: snake_case, as {@link AutogenJson} writes fields. */
    public static String argumentName(String javaName) {
        return SNAKE.translate(javaName);
    }

    /** Python's pydantic title for a field name: {@code max_results} -> {@code Max Results}. */
    public static String title(String name) {
        var sb = new StringBuilder(name.length());
        boolean previousCased = false;
        for (char c : name.toCharArray()) {
            sb.append(previousCased ? Character.toLowerCase(c) : Character.toUpperCase(c));
            previousCased = Character.isLetter(c);
        }
        return sb.toString().replace('_', ' ').strip();
    }

    /**
     * The arguments described by a record's components: name from {@link ToolParam#name()} or
     * {@link JsonProperty}, else the snake_case component name.
     */
    static List<Argument> argumentsOf(Class<? extends Record> recordType) {
        List<Argument> args = new ArrayList<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            ToolParam param = c.getAnnotation(ToolParam.class);
            JsonProperty property = c.getAnnotation(JsonProperty.class);
            String name = param != null && !param.name().isEmpty() ? param.name()
                    : property != null && !property.value().isEmpty() ? property.value()
                    : argumentName(c.getName());
            String description = param != null && !param.value().isEmpty() ? param.value() : null;
            args.add(new Argument(name, c.getGenericType(), description, isRequired(c.getGenericType(), c.getAnnotatedType())));
        }
        return args;
    }

    /** Whether a value of this type, declared with these annotations, must be given. */
    static boolean isRequired(Type type, @Nullable AnnotatedType annotated) {
        if (rawClass(type) == Optional.class) {
            return false;
        }
        return annotated == null || !annotated.isAnnotationPresent(Nullable.class);
    }

    /** The parameters schema for a list of arguments, with {@code additionalProperties: false}. */
    static ParametersSchema parametersFor(List<Argument> args) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Argument arg : args) {
            ObjectNode schema = forType(arg.type());
            ObjectNode property = AutogenJson.mapper().createObjectNode();
            if (arg.description() != null) {
                property.put("description", arg.description());
            }
            property.put("title", title(arg.name()));
            schema.remove("title");
            property.setAll(schema);
            if (!arg.required()) {
                property.putNull("default");
            } else {
                required.add(arg.name());
            }
            properties.put(arg.name(), property);
        }
        return ParametersSchema.of(properties, required);
    }

    static Type unwrapOptional(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return p.getActualTypeArguments()[0];
        }
        return type;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static SchemaGenerator generator(boolean inline) {
        var builder = new SchemaGeneratorConfigBuilder(AutogenJson.mapper(), SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.FLATTENED_ENUMS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.STANDARD_FORMATS);
        if (inline) {
            builder.with(Option.INLINE_ALL_SCHEMAS);
        }
        builder.forTypesInGeneral()
                // Free-form JSON: any value, as pydantic writes for Any.
                .withCustomDefinitionProvider((type, context) ->
                        type.isInstanceOf(JsonNode.class) || type.getErasedType() == Object.class
                                ? new CustomDefinition(context.getGeneratorConfig().createObjectNode(),
                                        CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES)
                                : null)
                .withPropertySorter((a, b) -> 0)
                .withTitleResolver(scope -> {
                    Class<?> raw = scope.getType().getErasedType();
                    return isModelType(raw) ? raw.getSimpleName() : null;
                });
        builder.forFields()
                .withPropertyNameOverrideResolver(JsonSchemas::fieldName)
                .withTitleResolver(field -> field.isFakeContainerItemScope() ? null : title(fieldName(field)))
                .withDescriptionResolver(field -> {
                    ToolParam p = field.getAnnotationConsideringFieldAndGetterIfSupported(ToolParam.class);
                    return p != null && !p.value().isEmpty() ? p.value() : null;
                })
                .withRequiredCheck(field -> !field.isFakeContainerItemScope()
                        && isRequired(field.getRawMember().getGenericType(), field.getRawMember().getAnnotatedType()));
        return new SchemaGenerator(builder.build());
    }

    private static String fieldName(FieldScope field) {
        AnnotatedElement member = field.getRawMember();
        ToolParam p = member.getAnnotation(ToolParam.class);
        if (p != null && !p.name().isEmpty()) {
            return p.name();
        }
        JsonProperty property = member.getAnnotation(JsonProperty.class);
        if (property != null && !property.value().isEmpty()) {
            return property.value();
        }
        return argumentName(field.getDeclaredName());
    }

    private static boolean isModelType(Class<?> raw) {
        return !raw.isPrimitive() && !raw.isArray() && !raw.isEnum() && !raw.getName().startsWith("java.")
                && !raw.getName().startsWith("com.fasterxml.");
    }

    /**
     * One tool argument.
     *
     * @param name the name the model uses
     * @param type the Java type the JSON value is converted to
     * @param description what it means; null if undocumented
     * @param required whether it must be given
     */
    record Argument(String name, Type type, @Nullable String description, boolean required) {
    }
}
