package dev.autogen.ext.tools.graphrag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of a GraphRAG index, read from its parquet output with DuckDB (in process, no server)
 * and held in memory as records, as Python's tools hold pandas frames. A missing file or column fails
 * with an error naming the file and what it lacks.
 */
public final class GraphRagIndex {
    private static final Logger LOG = LoggerFactory.getLogger(GraphRagIndex.class);

    /** An entity ({@code entities.parquet}); {@code shortId} is GraphRAG's {@code human_readable_id}. */
    public record Entity(String id, String shortId, String title, String type, String description,
            List<String> textUnitIds, int degree) {
        public Entity {
            textUnitIds = List.copyOf(textUnitIds);
        }
    }

    /** A community at a level of the hierarchy ({@code communities.parquet}). */
    public record Community(String community, int level, List<String> entityIds) {
        public Community {
            entityIds = List.copyOf(entityIds);
        }
    }

    /** A community's report ({@code community_reports.parquet}). */
    public record CommunityReport(String community, String shortId, int level, String title, String summary,
            String fullContent, double rank) {
    }

    /** A relationship between two entities, by title ({@code relationships.parquet}). */
    public record Relationship(String id, String shortId, String source, String target, String description,
            double weight, int combinedDegree, List<String> textUnitIds) {
        public Relationship {
            textUnitIds = List.copyOf(textUnitIds);
        }
    }

    /** A chunk of a source document ({@code text_units.parquet}). */
    public record TextUnit(String id, String shortId, String text, List<String> relationshipIds) {
        public TextUnit {
            relationshipIds = List.copyOf(relationshipIds);
        }
    }

    private GraphRagIndex() {
    }

    static Path tablePath(DataConfig config, String table) {
        return Path.of(config.inputDir()).resolve(table + ".parquet");
    }

    static List<Entity> readEntities(DataConfig config) {
        Path file = tablePath(config, config.entityTable());
        return read(file, "entities", List.of("id", "title|name", "description"), row -> {
            String id = row.text("id");
            return new Entity(id, row.textOr("human_readable_id", id), row.text("title|name"), row.textOr("type", ""),
                    row.textOr("description", ""), row.list("text_unit_ids"), row.intOr("degree", 0));
        });
    }

    static List<Community> readCommunities(DataConfig config) {
        Path file = tablePath(config, config.communityTable());
        return read(file, "communities", List.of("community", "level", "entity_ids"),
                row -> new Community(row.text("community"), row.intOr("level", 0), row.list("entity_ids")));
    }

    static List<CommunityReport> readReports(DataConfig config) {
        Path file = tablePath(config, config.communityReportTable());
        return read(file, "community_reports", List.of("community", "level", "title", "full_content"), row -> {
            String community = row.text("community");
            return new CommunityReport(community, row.textOr("human_readable_id", community), row.intOr("level", 0),
                    row.textOr("title", ""), row.textOr("summary", ""), row.textOr("full_content", ""),
                    row.doubleOr("rank", 0));
        });
    }

    static List<Relationship> readRelationships(DataConfig config) {
        Path file = tablePath(config, config.relationshipTable());
        return read(file, "relationships", List.of("source", "target", "description"), row -> {
            String id = row.textOr("id", row.text("source") + "->" + row.text("target"));
            return new Relationship(id, row.textOr("human_readable_id", id), row.text("source"), row.text("target"),
                    row.textOr("description", ""), row.doubleOr("weight", 1.0), row.intOr("combined_degree", 0),
                    row.list("text_unit_ids"));
        });
    }

    static List<TextUnit> readTextUnits(DataConfig config) {
        Path file = tablePath(config, config.textUnitTable());
        return read(file, "text_units", List.of("id", "text"), row -> {
            String id = row.text("id");
            return new TextUnit(id, row.textOr("human_readable_id", id), row.text("text"), row.list("relationship_ids"));
        });
    }

    /**
     * Entity id to description embedding, from {@code entity_embedding_table}: its {@code id} column
     * and a {@code description_embedding} column (as GraphRAG wrote it into the entities table) or a
     * {@code vector} column (as in a LanceDB table exported to parquet).
     */
    static Map<String, float[]> readEmbeddings(DataConfig config) {
        Path file = tablePath(config, config.entityEmbeddingTable());
        Map<String, float[]> out = new LinkedHashMap<>();
        read(file, "entity embeddings", List.of("id", "description_embedding|vector"), row -> {
            Object[] values = row.array("description_embedding|vector");
            if (values != null) {
                float[] vector = new float[values.length];
                for (int i = 0; i < values.length; i++) {
                    vector[i] = ((Number) values[i]).floatValue();
                }
                out.put(row.text("id"), vector);
            }
            return null;
        });
        return out;
    }

    /** One row, with columns found by name; {@code a|b} takes the first of the names the file has. */
    static final class Row {
        private final Map<String, Object> values;
        private final Path file;

        Row(Map<String, Object> values, Path file) {
            this.values = values;
            this.file = file;
        }

        private @Nullable Object get(String names) {
            for (String name : names.split("\\|")) {
                if (values.containsKey(name)) {
                    return values.get(name);
                }
            }
            return null;
        }

        String text(String names) {
            Object v = get(names);
            if (v == null) {
                throw new IllegalArgumentException(file + ": a row has no value in column '" + names + "'");
            }
            return asText(v);
        }

        String textOr(String names, String fallback) {
            Object v = get(names);
            return v == null ? fallback : asText(v);
        }

        int intOr(String names, int fallback) {
            Object v = get(names);
            if (v instanceof Number n) {
                return n.intValue();
            }
            if (v != null) {
                try {
                    return Integer.parseInt(v.toString().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": column '" + names + "' holds '" + v + "', not a whole number");
                }
            }
            return fallback;
        }

        double doubleOr(String names, double fallback) {
            Object v = get(names);
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            if (v != null) {
                try {
                    return Double.parseDouble(v.toString().strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ": column '" + names + "' holds '" + v + "', not a number");
                }
            }
            return fallback;
        }

        @Nullable Object[] array(String names) {
            Object v = get(names);
            return v instanceof Object[] a ? a : null;
        }

        List<String> list(String names) {
            Object[] a = array(names);
            if (a == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>(a.length);
            for (Object o : a) {
                if (o != null) {
                    out.add(asText(o));
                }
            }
            return out;
        }

        private static String asText(Object v) {
            if (v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            return v.toString();
        }
    }

    /**
     * Reads every row of {@code file}, checking first that it exists and has the {@code required}
     * columns (each may list alternatives, {@code a|b}).
     */
    static <T> List<T> read(Path file, String what, List<String> required, Function<Row, @Nullable T> mapper) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("GraphRAG " + what + " table not found: " + file
                    + " does not exist (check data_config.input_dir and the table name)");
        }
        String source = "read_parquet('" + file.toAbsolutePath().toString().replace("'", "''") + "')";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            Set<String> columns = new LinkedHashSet<>();
            try (ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                while (rs.next()) {
                    columns.add(rs.getString("column_name"));
                }
            }
            for (String names : required) {
                boolean found = false;
                for (String name : names.split("\\|")) {
                    found |= columns.contains(name);
                }
                if (!found) {
                    throw new IllegalArgumentException(file + " has no column '" + names.replace("|", "' or '")
                            + "', which the GraphRAG " + what + " table needs (it has: " + String.join(", ", columns) + ")");
                }
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + source)) {
                int n = rs.getMetaData().getColumnCount();
                List<String> names = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    names.add(rs.getMetaData().getColumnName(i));
                }
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof Array array) {
                            v = array.getArray();
                        }
                        if (v != null) {
                            values.put(names.get(i - 1), v);
                        }
                    }
                    T item = mapper.apply(new Row(values, file));
                    if (item != null) {
                        out.add(item);
                    }
                }
            }
            LOG.debug("read {} rows of GraphRAG {} from {}", out.size(), what, file);
            return out;
        } catch (SQLException e) {
            throw new IllegalArgumentException("could not read " + file + " as a parquet file: " + firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(@Nullable String s) {
        return s == null ? "(no message)" : s.strip().lines().findFirst().orElse("");
    }
}
