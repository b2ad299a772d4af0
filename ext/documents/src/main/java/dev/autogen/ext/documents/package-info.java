/**
 * Documents for agents: {@link dev.autogen.ext.documents.MarkdownConverter} turns files (HTML, PDF,
 * DOCX, XLSX, PPTX, CSV, JSON, text) into Markdown, as Python's {@code markitdown} does for its file
 * surfer; {@link dev.autogen.ext.documents.TextChunker} splits text into overlapping chunks; and
 * {@link dev.autogen.ext.documents.DocumentIndexer} puts a folder's files into a
 * {@link dev.autogen.core.memory.Memory}, skipping those that did not change.
 */
@NullMarked
package dev.autogen.ext.documents;

import org.jspecify.annotations.NullMarked;
