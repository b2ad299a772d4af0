package dev.autogen.studio.db;

/**
 * A column of a {@link Table} besides the ones every row has ({@code id}, {@code user_id},
 * {@code created_at}, {@code updated_at}, {@code version}).
 *
 * @param name the column's name, which is also the JSON field's
 * @param kind how its value is stored
 */
public record Column(String name, Kind kind) {
    /** How a column's value is stored and shown. */
    public enum Kind {
        /** A string. */
        TEXT,
        /** An integer (ids of other rows). */
        INTEGER,
        /** Any JSON value, stored as its text. */
        JSON
    }

    /** A text column. */
    public static Column text(String name) {
        return new Column(name, Kind.TEXT);
    }

    /** An integer column. */
    public static Column integer(String name) {
        return new Column(name, Kind.INTEGER);
    }

    /** A JSON column. */
    public static Column json(String name) {
        return new Column(name, Kind.JSON);
    }
}
