/**
 * GraphRAG search tools, the Java counterpart of Python's {@code autogen_ext.tools.graphrag}:
 * {@link dev.autogen.ext.tools.graphrag.GlobalSearchTool} (map-reduce over community reports) and
 * {@link dev.autogen.ext.tools.graphrag.LocalSearchTool} (entities nearest the query and what surrounds
 * them), reading the parquet files a GraphRAG index writes.
 */
@NullMarked
package dev.autogen.ext.tools.graphrag;

import org.jspecify.annotations.NullMarked;
