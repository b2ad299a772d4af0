package dev.autogen.ext.memory.canvas;

/** What the canvas tools return: {@code {"status": "OK"}} or {@code {"status": "PATCH APPLIED"}}, as Python's. */
public record CanvasToolResult(String status) {
}
