-- AutoGen Studio for Java: the tables of Python Studio's models (teams, sessions, runs, messages, gallery,
-- settings). JSON values are stored as text. The team state after every turn lives in the checkpoint
-- store's tables (autogen_runs, autogen_checkpoints), which a run names by checkpoint_run_id.

CREATE TABLE studio_teams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    component TEXT NOT NULL
);

CREATE TABLE studio_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    team_id BIGINT,
    name TEXT
);

CREATE TABLE studio_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    session_id BIGINT NOT NULL,
    status VARCHAR(32) NOT NULL,
    task TEXT,
    team_result TEXT,
    error_message TEXT,
    team_config TEXT,
    checkpoint_run_id VARCHAR(200)
);

CREATE TABLE studio_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    session_id BIGINT,
    run_id BIGINT,
    config TEXT NOT NULL,
    message_meta TEXT
);

CREATE TABLE studio_gallery (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    config TEXT NOT NULL
);

CREATE TABLE studio_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(500),
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    version VARCHAR(16) NOT NULL,
    config TEXT NOT NULL
);

CREATE INDEX studio_teams_user ON studio_teams (user_id);
CREATE INDEX studio_sessions_user ON studio_sessions (user_id);
CREATE INDEX studio_runs_session ON studio_runs (session_id);
CREATE INDEX studio_messages_run ON studio_messages (run_id);
CREATE INDEX studio_gallery_user ON studio_gallery (user_id);
CREATE INDEX studio_settings_user ON studio_settings (user_id);
