package dev.autogen.ext.agents.web_surfer;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Draws "set-of-marks" on a screenshot: the page in grey, each visible interactive element outlined in
 * its own colour with its id in a label of that colour, as Python's {@code _set_of_mark.py}. Pure Java
 * 2D with a built-in digit font, so it needs no fonts on the machine.
 */
public final class SetOfMarks {
    /** Labels are not drawn above an element this close to the top edge; they go below it instead. */
    static final int TOP_NO_LABEL_ZONE = 20;
    private static final int DIGIT_SCALE = 2;

    /**
     * A marked screenshot and where the elements are relative to the viewport.
     *
     * @param image the marked screenshot
     * @param visible ids of elements drawn (centre inside the screenshot), in page order
     * @param above ids of elements above the viewport (scroll up to see them)
     * @param below ids of elements below the viewport (scroll down to see them)
     */
    public record Marked(BufferedImage image, List<String> visible, List<String> above, List<String> below) {
        public Marked {
            visible = List.copyOf(visible);
            above = List.copyOf(above);
            below = List.copyOf(below);
        }

        /** The marked screenshot as PNG bytes. */
        public byte[] png() {
            return SetOfMarks.png(image);
        }
    }

    private SetOfMarks() {
    }

    /**
     * Marks {@code regions} on the PNG {@code screenshot}.
     *
     * @throws IllegalArgumentException if the bytes are not an image
     */
    public static Marked mark(byte[] screenshot, Map<String, InteractiveRegion> regions) {
        BufferedImage source;
        try {
            source = ImageIO.read(new ByteArrayInputStream(screenshot));
        } catch (IOException e) {
            throw new UncheckedIOException("screenshot could not be read: " + e.getMessage(), e);
        }
        if (source == null) {
            throw new IllegalArgumentException("screenshot is not a PNG or JPEG image");
        }
        return mark(source, regions);
    }

    /** Marks {@code regions} on {@code screenshot}, which is left unchanged. */
    public static Marked mark(BufferedImage screenshot, Map<String, InteractiveRegion> regions) {
        int width = screenshot.getWidth();
        int height = screenshot.getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D gg = grey.createGraphics();
            gg.drawImage(screenshot, 0, 0, null);
            gg.dispose();
            g.drawImage(grey, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            Set<String> visible = new LinkedHashSet<>();
            Set<String> above = new LinkedHashSet<>();
            Set<String> below = new LinkedHashSet<>();
            for (InteractiveRegion region : regions.values()) {
                for (DomRect rect : region.rects()) {
                    if (rect.isEmpty()) {
                        continue;
                    }
                    double midX = (rect.left() + rect.right()) / 2;
                    double midY = (rect.top() + rect.bottom()) / 2;
                    if (midX < 0 || midX >= width) {
                        continue;
                    }
                    if (midY < 0) {
                        above.add(region.id());
                    } else if (midY >= height) {
                        below.add(region.id());
                    } else {
                        visible.add(region.id());
                        draw(g, region.id(), rect);
                    }
                }
            }
            return new Marked(out, new ArrayList<>(visible), new ArrayList<>(above), new ArrayList<>(below));
        } finally {
            g.dispose();
        }
    }

    /** The colour of the mark with id {@code id}: the same id always gets the same colour. */
    public static Color color(String id) {
        long seed = id.chars().allMatch(Character::isDigit) && !id.isEmpty() && id.length() < 18
                ? Long.parseLong(id) : id.hashCode();
        Random random = new Random(seed * 0x9E3779B97F4A7C15L);
        int[] channels = {random.nextInt(256), 125 + random.nextInt(131), random.nextInt(51)};
        for (int i = channels.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = channels[i];
            channels[i] = channels[j];
            channels[j] = t;
        }
        return new Color(channels[0], channels[1], channels[2]);
    }

    /** Scales {@code image} to {@code width} x {@code height}, for the size a vision model expects. */
    public static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** {@code image} as PNG bytes. */
    public static byte[] png(BufferedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void draw(Graphics2D g, String id, DomRect rect) {
        Color color = color(id);
        int left = (int) Math.round(rect.left());
        int top = (int) Math.round(rect.top());
        int w = Math.max(1, (int) Math.round(rect.width()));
        int h = Math.max(1, (int) Math.round(rect.height()));
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 48));
        g.fillRect(left, top, w, h);
        g.setColor(color);
        g.setStroke(new BasicStroke(2));
        g.drawRect(left, top, w - 1, h - 1);

        int labelWidth = DigitFont.width(id, DIGIT_SCALE) + 6;
        int labelHeight = DigitFont.height(DIGIT_SCALE) + 6;
        int labelRight = left + w;
        // Above the element's top-right corner, or below its bottom-right corner near the page's top.
        int labelTop = top - labelHeight;
        if (top <= TOP_NO_LABEL_ZONE) {
            labelTop = top + h;
        }
        g.fillRect(labelRight - labelWidth, labelTop, labelWidth, labelHeight);
        double luminance = color.getRed() * 0.3 + color.getGreen() * 0.59 + color.getBlue() * 0.11;
        g.setColor(luminance > 90 ? Color.BLACK : Color.WHITE);
        DigitFont.draw(g, id, labelRight - labelWidth + 3, labelTop + 3, DIGIT_SCALE);
    }
}
