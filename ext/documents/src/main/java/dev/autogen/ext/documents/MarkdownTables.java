package dev.autogen.ext.documents;

import java.util.List;

/** Writes rows of cells as a Markdown table, the first row as the header. */
final class MarkdownTables {
    private MarkdownTables() {
    }

    static String table(List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (columns == 0) {
            return "";
        }
        var sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append('|');
            for (int c = 0; c < columns; c++) {
                List<String> row = rows.get(r);
                String cell = c < row.size() ? row.get(c) : "";
                sb.append(' ').append(cell.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ").strip()).append(" |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|').append(" --- |".repeat(columns)).append('\n');
            }
        }
        return sb.toString();
    }
}
