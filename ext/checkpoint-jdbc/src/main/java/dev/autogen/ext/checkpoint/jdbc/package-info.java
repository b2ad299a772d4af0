/** Durable-run checkpoints in SQLite (the embedded default) or PostgreSQL, schema by Flyway. */
@NullMarked
package dev.autogen.ext.checkpoint.jdbc;

import org.jspecify.annotations.NullMarked;
