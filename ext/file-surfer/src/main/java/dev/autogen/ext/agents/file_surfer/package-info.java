/**
 * {@link dev.autogen.ext.agents.file_surfer.FileSurfer}, Magentic-One's file reading agent
 * ({@code autogen_ext.agents.file_surfer}): a model opens files and folders under a base directory,
 * pages through them and searches them, each file shown as Markdown by
 * {@link dev.autogen.ext.documents.MarkdownConverter}.
 */
@org.jspecify.annotations.NullMarked
package dev.autogen.ext.agents.file_surfer;
