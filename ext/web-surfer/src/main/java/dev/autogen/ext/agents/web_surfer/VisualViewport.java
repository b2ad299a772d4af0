package dev.autogen.ext.agents.web_surfer;

/**
 * Where the viewport is on the page, in CSS pixels (the browser's {@code visualViewport} plus the
 * document's scroll size).
 *
 * @param width viewport width
 * @param height viewport height
 * @param pageLeft distance scrolled from the page's left edge
 * @param pageTop distance scrolled from the page's top
 * @param scrollWidth the page's full width
 * @param scrollHeight the page's full height
 */
public record VisualViewport(double width, double height, double pageLeft, double pageTop, double scrollWidth,
        double scrollHeight) {
    /** Whether part of the page lies above the viewport. */
    public boolean canScrollUp() {
        return pageTop > 5;
    }

    /** Whether part of the page lies below the viewport. */
    public boolean canScrollDown() {
        return pageTop + height + 5 < scrollHeight;
    }

    /** What share of the page's height the viewport shows, 0 to 100. */
    public int percentVisible() {
        return scrollHeight <= 0 ? 100 : (int) Math.min(100, height * 100 / scrollHeight);
    }

    /** How far down the page the viewport's top is, 0 to 100. */
    public int percentScrolled() {
        return scrollHeight <= 0 ? 0 : (int) (pageTop * 100 / scrollHeight);
    }

    /** "at the top of the page", "at the bottom of the page" or "N% down from the top of the page". */
    public String positionText() {
        if (percentScrolled() < 1) {
            return "at the top of the page";
        }
        if (percentScrolled() + percentVisible() >= 99) {
            return "at the bottom of the page";
        }
        return percentScrolled() + "% down from the top of the page";
    }
}
