package dev.autogen.ext.memory.canvas;

import dev.autogen.core.CancellationToken;
import dev.autogen.core.tools.BaseTool;

/** The {@code apply_patch} tool: applies a unified diff to a file of a {@link TextCanvas}. */
public final class ApplyPatchTool extends BaseTool<ApplyPatchTool.Args, CanvasToolResult> {
    /** The tool's arguments: {@code filename} and {@code patch_text}. */
    public record Args(String filename, String patchText) {
    }

    private final TextCanvas canvas;

    public ApplyPatchTool(TextCanvas canvas) {
        super(Args.class, "apply_patch", "Apply a unified diff patch to an existing file on the canvas. "
                + "The patch must be in diff/patch format. The file must exist or be created first.");
        this.canvas = canvas;
    }

    @Override
    public CanvasToolResult run(Args args, CancellationToken cancellationToken) {
        canvas.applyPatch(args.filename(), args.patchText());
        return new CanvasToolResult("PATCH APPLIED");
    }
}
