package dev.autogen.ext.memory.canvas;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.BaseTool;

/** The {@code update_file} tool: creates a file on a {@link TextCanvas} or replaces its content. */
public final class UpdateFileTool extends BaseTool<UpdateFileTool.Args, CanvasToolResult> {
    /** The tool's arguments: {@code filename} and {@code new_content}. */
    public record Args(String filename, String newContent) {
    }

    private final TextCanvas canvas;

    public UpdateFileTool(TextCanvas canvas) {
        super(Args.class, "update_file", "Create/update a file on the canvas with the provided content.");
        this.canvas = canvas;
    }

    @Override
    public CanvasToolResult run(Args args, CancellationToken cancellationToken) {
        canvas.addOrUpdateFile(args.filename(), args.newContent());
        return new CanvasToolResult("OK");
    }
}
