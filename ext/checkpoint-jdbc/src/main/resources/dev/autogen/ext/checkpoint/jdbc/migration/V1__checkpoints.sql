-- Durable runs of AutoGen for Java teams: one row per run, one per completed turn of a run.
-- Portable SQL: the same file creates the schema in SQLite and in PostgreSQL.
CREATE TABLE autogen_runs (
    run_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    team_name   VARCHAR(500) NOT NULL,
    status      VARCHAR(32)  NOT NULL,
    last_turn   INTEGER      NOT NULL,
    stop_reason TEXT,
    updated_at  BIGINT       NOT NULL
);

CREATE TABLE autogen_checkpoints (
    run_id       VARCHAR(200) NOT NULL,
    turn         INTEGER      NOT NULL,
    team_name    VARCHAR(500) NOT NULL,
    status       VARCHAR(32)  NOT NULL,
    stop_reason  TEXT,
    team_state   TEXT         NOT NULL,
    messages     TEXT         NOT NULL,
    checked_from INTEGER      NOT NULL,
    created_at   BIGINT       NOT NULL,
    version      VARCHAR(16)  NOT NULL,
    PRIMARY KEY (run_id, turn)
);
