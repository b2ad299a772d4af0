package dev.autogen.ext.agents.web_surfer;

import java.util.List;
import java.util.Objects;

/**
 * An element of the page a user could act on, found by the surfer's page script.
 *
 * @param id the number drawn on the screenshot and passed to tools such as {@code click}
 * @param tagName the element's tag, lower case
 * @param role its ARIA role (given or implied by the tag), empty if none
 * @param ariaName its accessible name (label, text, placeholder...), empty if none
 * @param verticallyScrollable whether it scrolls on its own (a scrollable div or menu)
 * @param rects its boxes in viewport pixels, on top of the page (not covered by another element)
 */
public record InteractiveRegion(String id, String tagName, String role, String ariaName,
        boolean verticallyScrollable, List<DomRect> rects) {
    public InteractiveRegion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tagName, "tagName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(ariaName, "ariaName");
        rects = List.copyOf(rects);
    }

    /** Whether the model may type into it. */
    public boolean acceptsText() {
        return role.equals("textbox") || role.equals("searchbox") || role.equals("search")
                || role.equals("combobox") && tagName.equals("input");
    }
}
