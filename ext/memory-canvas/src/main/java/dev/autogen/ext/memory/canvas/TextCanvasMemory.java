package dev.autogen.ext.memory.canvas;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.component.ComponentModel;
import dev.autogen.core.memory.Memory;
import dev.autogen.core.memory.MemoryContent;
import dev.autogen.core.memory.MemoryMimeType;
import dev.autogen.core.memory.MemoryQueryResult;
import dev.autogen.core.memory.UpdateContextResult;
import dev.autogen.core.model_context.ChatCompletionContext;
import dev.autogen.core.models.SystemMessage;
import java.util.List;
import java.util.Objects;

/**
 * A memory that shows a {@link TextCanvas} to the model: before each inference, every file at its
 * latest revision goes into the model context as a system message (Python's {@code TextCanvasMemory}).
 * Agents change the canvas with {@link #updateFileTool()} and {@link #applyPatchTool()}; several agents
 * given the same memory edit one document together.
 *
 * <!-- java-context: import dev.autogen.agentchat.agents.AssistantAgent;
 *      import dev.autogen.core.models.ChatCompletionClient; ChatCompletionClient model; -->
 * <pre>{@code
 * var canvas = new TextCanvasMemory();
 * var writer = AssistantAgent.builder("writer", model)
 *         .systemMessage("Keep the story in story.md on the canvas: create it with update_file, change it with apply_patch.")
 *         .tools(canvas.updateFileTool(), canvas.applyPatchTool())
 *         .memory(canvas)
 *         .build();
 * writer.run("Write a short story about a bunny and a sunflower.");
 * String story = canvas.canvas().latestContent("story.md");
 * }</pre>
 *
 * <p>{@link #add} and {@link #query} do nothing, as in Python: the tools change the canvas. It has no
 * component config (Python's has none either).
 */
public final class TextCanvasMemory implements Memory {
    private final TextCanvas canvas;

    public TextCanvasMemory() {
        this(new TextCanvas());
    }

    public TextCanvasMemory(TextCanvas canvas) {
        this.canvas = Objects.requireNonNull(canvas, "canvas");
    }

    /** The canvas shown to the model. */
    public TextCanvas canvas() {
        return canvas;
    }

    /** A tool that creates or replaces a file of this memory's canvas. */
    public UpdateFileTool updateFileTool() {
        return new UpdateFileTool(canvas);
    }

    /** A tool that applies a unified diff to a file of this memory's canvas. */
    public ApplyPatchTool applyPatchTool() {
        return new ApplyPatchTool(canvas);
    }

    @Override
    public String name() {
        return "text_canvas_memory";
    }

    @Override
    public UpdateContextResult updateContext(ChatCompletionContext modelContext) {
        String snapshot = canvas.allContentsForContext();
        modelContext.addMessage(new SystemMessage(snapshot));
        return new UpdateContextResult(new MemoryQueryResult(List.of(new MemoryContent(snapshot, MemoryMimeType.TEXT))));
    }

    @Override
    public MemoryQueryResult query(MemoryContent query, CancellationToken cancellationToken) {
        return new MemoryQueryResult(List.of());
    }

    @Override
    public void add(MemoryContent content, CancellationToken cancellationToken) {
    }

    /**
     * Empties the canvas. Unlike Python, which swaps in a new canvas that tools made before no longer
     * reach, the tools go on working on the emptied one.
     */
    @Override
    public void clear() {
        canvas.clear();
    }

    @Override
    public void close() {
    }

    /**
     * @throws UnsupportedOperationException always: the canvas memory has no component config, as in
     *     Python, since its tools and content live only in this process
     */
    @Override
    public ComponentModel dumpComponent() {
        throw new UnsupportedOperationException("the text canvas memory has no component config (as in Python):"
                + " build it in code");
    }
}
