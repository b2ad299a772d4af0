package dev.autogen.studio.db;

import java.util.List;
import java.util.Map;

/**
 * The Studio's tables, with the operations that touch several at once (deleting a team deletes its
 * sessions, their runs and messages, in one transaction).
 */
public final class StudioStore {
    private final Database database;
    /** Teams: {@code component}, the team's component JSON. */
    public final Table teams;
    /** Sessions: {@code team_id}, {@code name}. */
    public final Table sessions;
    /** Runs: their status, task, result, error, the team config they run and their checkpoint run. */
    public final Table runs;
    /** Messages of runs, each as the agentchat message's JSON ({@code config}). */
    public final Table messages;
    /** Gallery entries: {@code config}, a whole gallery. */
    public final Table gallery;
    /** Settings per user: {@code config}. */
    public final Table settings;

    /** The tables of {@code database}. */
    public StudioStore(Database database) {
        this.database = database;
        this.teams = new Table(database, "studio_teams", List.of(Column.json("component")));
        this.sessions = new Table(database, "studio_sessions", List.of(Column.integer("team_id"), Column.text("name")));
        this.runs = new Table(database, "studio_runs", List.of(Column.integer("session_id"), Column.text("status"),
                Column.json("task"), Column.json("team_result"), Column.text("error_message"),
                Column.json("team_config"), Column.text("checkpoint_run_id")));
        this.messages = new Table(database, "studio_messages", List.of(Column.integer("session_id"),
                Column.integer("run_id"), Column.json("config"), Column.json("message_meta")));
        this.gallery = new Table(database, "studio_gallery", List.of(Column.json("config")));
        this.settings = new Table(database, "studio_settings", List.of(Column.json("config")));
    }

    /** The database the tables live in. */
    public Database database() {
        return database;
    }

    /** Deletes a user's team with its sessions, their runs and messages; returns whether it existed. */
    public boolean deleteTeam(long id, String userId) {
        return database.transaction(c -> {
            if (teams.find(c, Map.of("id", id, "user_id", userId), "id").isEmpty()) {
                return false;
            }
            for (var session : sessions.find(c, Map.of("team_id", id, "user_id", userId), "id")) {
                deleteSession(c, session.get("id").asLong());
            }
            teams.delete(c, Map.of("id", id));
            return true;
        });
    }

    /** Deletes a user's session with its runs and their messages; returns whether it existed. */
    public boolean deleteSession(long id, String userId) {
        return database.transaction(c -> {
            if (sessions.find(c, Map.of("id", id, "user_id", userId), "id").isEmpty()) {
                return false;
            }
            deleteSession(c, id);
            return true;
        });
    }

    private void deleteSession(java.sql.Connection c, long id) throws java.sql.SQLException {
        messages.delete(c, Map.of("session_id", id));
        runs.delete(c, Map.of("session_id", id));
        sessions.delete(c, Map.of("id", id));
    }
}
