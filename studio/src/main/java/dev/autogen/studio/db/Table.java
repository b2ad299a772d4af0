package dev.autogen.studio.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autogen.core.serialization.AutogenJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One table of the Studio's database, whose rows are read and written as JSON objects with the field
 * names of Python Studio's models: every row has {@code id}, {@code created_at}, {@code updated_at},
 * {@code user_id} and {@code version}, then the table's own {@link Column}s. Timestamps are UTC ISO
 * strings of fixed width, so they sort as text.
 */
public final class Table {
    /** The row format's version, Python Studio's. */
    public static final String ROW_VERSION = "0.0.1";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private final Database database;
    private final String name;
    private final Map<String, Column> columns;

    /** A table called {@code name} with these columns besides the common ones. */
    public Table(Database database, String name, List<Column> columns) {
        this.database = database;
        this.name = name;
        this.columns = new LinkedHashMap<>();
        columns.forEach(column -> this.columns.put(column.name(), column));
    }

    /** The current time as rows store it. */
    public static String now() {
        return TIMESTAMP.format(Instant.now());
    }

    /**
     * Inserts a row from the fields of {@code values} that are columns (others are ignored).
     *
     * @return the row as stored
     */
    public ObjectNode insert(@Nullable String userId, ObjectNode values) {
        return database.transaction(c -> insert(c, userId, values));
    }

    /** {@link #insert(String, ObjectNode)} inside a caller's transaction. */
    public ObjectNode insert(Connection c, @Nullable String userId, ObjectNode values) throws SQLException {
        String now = now();
        List<String> names = new ArrayList<>(List.of("user_id", "created_at", "updated_at", "version"));
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(userId, now, now, ROW_VERSION));
        for (Column column : columns.values()) {
            if (values.has(column.name())) {
                names.add(column.name());
                args.add(toSql(column, values.get(column.name())));
            }
        }
        String sql = "INSERT INTO " + name + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ") RETURNING id";
        long id;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            bind(insert, args);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return get(c, id).orElseThrow();
    }

    /**
     * The rows of {@code userId}, newest first; when there are none, inserts {@code first} for the user
     * in the same transaction, so concurrent first requests insert it once.
     */
    public List<ObjectNode> listOrInsert(String userId, java.util.function.Supplier<ObjectNode> first) {
        return database.transaction(c -> {
            List<ObjectNode> rows = find(c, Map.of("user_id", userId), "created_at DESC, id DESC");
            return rows.isEmpty() ? List.of(insert(c, userId, first.get())) : rows;
        });
    }

    /** The row with this id. */
    public Optional<ObjectNode> get(long id) {
        return database.transaction(c -> get(c, id));
    }

    /** {@link #get(long)} inside a caller's transaction. */
    public Optional<ObjectNode> get(Connection c, long id) throws SQLException {
        List<ObjectNode> rows = find(c, Map.of("id", id), "id");
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * The rows whose columns equal {@code filters} (a null value matches SQL NULL), in
     * {@code orderBy} order (e.g. {@code "created_at DESC, id DESC"}).
     */
    public List<ObjectNode> find(Map<String, ?> filters, String orderBy) {
        return database.transaction(c -> find(c, filters, orderBy));
    }

    /** {@link #find(Map, String)} inside a caller's transaction. */
    public List<ObjectNode> find(Connection c, Map<String, ?> filters, String orderBy) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + allColumns() + " FROM " + name + where(filters, args) + " ORDER BY " + orderBy;
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, args);
            List<ObjectNode> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(read(result));
                }
            }
            return rows;
        }
    }

    /**
     * Sets the columns present in {@code values} (and {@code updated_at}) of the row with this id.
     *
     * @return the updated row, or empty if there is none
     */
    public Optional<ObjectNode> update(long id, ObjectNode values) {
        return database.transaction(c -> update(c, id, values));
    }

    /** {@link #update(long, ObjectNode)} inside a caller's transaction. */
    public Optional<ObjectNode> update(Connection c, long id, ObjectNode values) throws SQLException {
        List<String> sets = new ArrayList<>(List.of("updated_at = ?"));
        List<Object> args = new ArrayList<>(List.of(now()));
        for (Column column : columns.values()) {
            if (values.has(column.name())) {
                sets.add(column.name() + " = ?");
                args.add(toSql(column, values.get(column.name())));
            }
        }
        args.add(id);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE " + name + " SET " + String.join(", ", sets) + " WHERE id = ?")) {
            bind(update, args);
            if (update.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        return get(c, id);
    }

    /** Deletes the rows matching {@code filters}; returns how many. */
    public int delete(Map<String, ?> filters) {
        return database.transaction(c -> delete(c, filters));
    }

    /** {@link #delete(Map)} inside a caller's transaction. */
    public int delete(Connection c, Map<String, ?> filters) throws SQLException {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + name + where(filters, args))) {
            bind(delete, args);
            return delete.executeUpdate();
        }
    }

    private String allColumns() {
        return Stream.concat(Stream.of("id", "created_at", "updated_at", "user_id", "version"),
                columns.keySet().stream()).collect(Collectors.joining(", "));
    }

    private String where(Map<String, ?> filters, List<Object> args) {
        if (filters.isEmpty()) {
            return "";
        }
        List<String> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> filter : filters.entrySet()) {
            if (!filter.getKey().equals("id") && !filter.getKey().equals("user_id") && !columns.containsKey(filter.getKey())) {
                throw new IllegalArgumentException("table " + name + " has no column " + filter.getKey());
            }
            if (filter.getValue() == null) {
                conditions.add(filter.getKey() + " IS NULL");
            } else {
                conditions.add(filter.getKey() + " = ?");
                args.add(filter.getValue());
            }
        }
        return " WHERE " + String.join(" AND ", conditions);
    }

    private ObjectNode read(ResultSet result) throws SQLException {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        row.put("id", result.getLong("id"));
        row.put("created_at", result.getString("created_at"));
        row.put("updated_at", result.getString("updated_at"));
        row.put("user_id", result.getString("user_id"));
        row.put("version", result.getString("version"));
        for (Column column : columns.values()) {
            switch (column.kind()) {
                case TEXT -> row.put(column.name(), result.getString(column.name()));
                case INTEGER -> {
                    long value = result.getLong(column.name());
                    if (result.wasNull()) {
                        row.putNull(column.name());
                    } else {
                        row.put(column.name(), value);
                    }
                }
                case JSON -> {
                    String text = result.getString(column.name());
                    try {
                        row.set(column.name(), text == null ? JsonNodeFactory.instance.nullNode()
                                : AutogenJson.mapper().readTree(text));
                    } catch (JsonProcessingException e) {
                        throw new SQLException("column " + name + "." + column.name() + " holds malformed JSON", e);
                    }
                }
            }
        }
        return row;
    }

    private static @Nullable Object toSql(Column column, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return switch (column.kind()) {
            case TEXT -> value.isTextual() ? value.asText() : value.toString();
            case INTEGER -> value.asLong();
            case JSON -> value.toString();
        };
    }

    private static void bind(PreparedStatement statement, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (arg instanceof Long number) {
                statement.setLong(i + 1, number);
            } else if (arg instanceof Integer number) {
                statement.setLong(i + 1, number);
            } else {
                statement.setString(i + 1, arg.toString());
            }
        }
    }
}
