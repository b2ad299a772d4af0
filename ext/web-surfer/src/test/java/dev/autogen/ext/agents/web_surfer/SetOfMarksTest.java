package dev.autogen.ext.agents.web_surfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The marks drawn on a real page's screenshot match the page's clickable elements. */
class SetOfMarksTest {
    @TempDir
    Path dir;

    @Test
    void marksEveryClickableElementWithItsIdAndColour() throws Exception {
        Chromium.assumeInstalled();
        try (var site = new TestSite();
                var browser = new PlaywrightController(new BrowserOptions(Chromium.EXECUTABLE, true, null, null, 1280, 720,
                        true, null, UrlPolicy.ANY, Duration.ofSeconds(30), Duration.ofSeconds(5), List.of()))) {
            browser.start(site.url("/"));
            browser.settle();

            Map<String, InteractiveRegion> regions = browser.interactiveRegions();
            // Each region is the element the page marks with that id, and every link and button is a region.
            for (InteractiveRegion region : regions.values()) {
                var element = browser.page().locator("[__elementId='" + region.id() + "']");
                assertThat(element.count()).isEqualTo(1);
                assertThat(element.evaluate("e => e.tagName.toLowerCase()")).isEqualTo(region.tagName());
            }
            assertThat(regions.values().stream().collect(Collectors.toMap(InteractiveRegion::ariaName, InteractiveRegion::role)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("About us", "link", "Contact form", "link",
                            "Long page", "link", "Get the report", "link", "Press me", "button"));
            assertThat(browser.page().locator("a, button").count()).isEqualTo(regions.size());

            byte[] screenshot = browser.screenshot();
            SetOfMarks.Marked marked = SetOfMarks.mark(screenshot, regions);
            assertThat(marked.visible()).containsExactlyInAnyOrderElementsOf(regions.keySet());
            assertThat(marked.above()).isEmpty();
            assertThat(marked.below()).isEmpty();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(marked.png()));
            assertThat(image.getWidth()).isEqualTo(1280);
            for (InteractiveRegion region : regions.values()) {
                DomRect rect = region.rects().get(0);
                int x = (int) Math.round(rect.left());
                int y = (int) Math.round(rect.top() + rect.height() / 2);
                assertThat(image.getRGB(x, y) & 0xFFFFFF).as("outline of mark %s", region.id())
                        .isEqualTo(SetOfMarks.color(region.id()).getRGB() & 0xFFFFFF);
            }
            Files.write(dir.resolve("marked.png"), marked.png());
        }
    }

    @Test
    void sortsElementsAboveAndBelowTheViewport() {
        var image = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        var regions = Map.of(
                "1", new InteractiveRegion("1", "a", "link", "up", false, List.of(new DomRect(10, -50, 20, 10))),
                "2", new InteractiveRegion("2", "a", "link", "here", false, List.of(new DomRect(10, 40, 20, 10))),
                "3", new InteractiveRegion("3", "a", "link", "down", false, List.of(new DomRect(10, 150, 20, 10))),
                "4", new InteractiveRegion("4", "a", "link", "empty", false, List.of(new DomRect(10, 40, 0, 10))));
        SetOfMarks.Marked marked = SetOfMarks.mark(image, regions);
        assertThat(marked.visible()).containsExactly("2");
        assertThat(marked.above()).containsExactly("1");
        assertThat(marked.below()).containsExactly("3");
        assertThat(SetOfMarks.color("2")).isEqualTo(SetOfMarks.color("2")).isNotEqualTo(SetOfMarks.color("3"));
    }
}
