package dev.autogen.ext.agents.web_surfer;

import java.awt.Graphics2D;

/** A 3x5 pixel font of the digits, so mark labels need no font installed on the machine. */
final class DigitFont {
    private static final int COLUMNS = 3;
    private static final int ROWS = 5;
    // Each digit: 5 rows of 3 bits, top row first, most significant bit on the left.
    private static final int[][] GLYPHS = {
            {7, 5, 5, 5, 7}, {2, 6, 2, 2, 7}, {7, 1, 7, 4, 7}, {7, 1, 7, 1, 7}, {5, 5, 7, 1, 1},
            {7, 4, 7, 1, 7}, {7, 4, 7, 5, 7}, {7, 1, 2, 2, 2}, {7, 5, 7, 5, 7}, {7, 5, 7, 1, 7}};
    private static final int[] UNKNOWN = {0, 0, 7, 0, 0};

    private DigitFont() {
    }

    static int width(String text, int scale) {
        return text.isEmpty() ? 0 : (text.length() * (COLUMNS + 1) - 1) * scale;
    }

    static int height(int scale) {
        return ROWS * scale;
    }

    static void draw(Graphics2D g, String text, int x, int y, int scale) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int[] glyph = c >= '0' && c <= '9' ? GLYPHS[c - '0'] : UNKNOWN;
            int left = x + i * (COLUMNS + 1) * scale;
            for (int row = 0; row < ROWS; row++) {
                for (int col = 0; col < COLUMNS; col++) {
                    if ((glyph[row] >> (COLUMNS - 1 - col) & 1) == 1) {
                        g.fillRect(left + col * scale, y + row * scale, scale, scale);
                    }
                }
            }
        }
    }
}
