package dev.autogen.ext.agents.web_surfer;

/**
 * One box of an element on the page, in viewport pixels (the browser's {@code DOMRect}).
 *
 * @param x left edge
 * @param y top edge
 * @param width width
 * @param height height
 */
public record DomRect(double x, double y, double width, double height) {
    /** The top edge. */
    public double top() {
        return y;
    }

    /** The left edge. */
    public double left() {
        return x;
    }

    /** The right edge. */
    public double right() {
        return x + width;
    }

    /** The bottom edge. */
    public double bottom() {
        return y + height;
    }

    /** Whether the box has no area. */
    public boolean isEmpty() {
        return width <= 0 || height <= 0;
    }
}
