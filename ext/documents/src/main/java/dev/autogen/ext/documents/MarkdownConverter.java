package dev.autogen.ext.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns a file into Markdown, choosing by extension, as Python's MarkItDown does for the formats
 * Magentic-One reads: HTML (jsoup, then flexmark-html2md), PDF (Apache PDFBox), Word, Excel and
 * PowerPoint ({@code .docx}, {@code .xlsx}, {@code .pptx}: Apache POI), CSV (a table), JSON (pretty
 * printed in a fenced block) and any text file. A file that is not text in a known format is refused.
 *
 * <pre>{@code
 * MarkdownDocument doc = new MarkdownConverter().convert(Path.of("report.docx"));
 * System.out.println(doc.markdown());
 * }</pre>
 */
public final class MarkdownConverter {
    private static final Set<String> HTML = Set.of("html", "htm", "xhtml");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Converts {@code file}, reading it without following a symbolic link in its last component.
     *
     * @throws UnsupportedFormatException if the file is neither text nor a supported format
     * @throws DocumentConversionException if the file is damaged or cannot be read
     */
    public MarkdownDocument convert(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        try {
            byte[] bytes;
            // A link is not followed on disk; a file inside an archive (a jar on the class path) has no links.
            OpenOption[] options = file.getFileSystem() == FileSystems.getDefault()
                    ? new OpenOption[] {LinkOption.NOFOLLOW_LINKS} : new OpenOption[0];
            try (InputStream in = Files.newInputStream(file, options)) {
                bytes = in.readAllBytes();
            }
            return switch (extension) {
                case "pdf" -> pdf(bytes, name);
                case "docx" -> docx(bytes, name);
                case "xlsx" -> xlsx(bytes, name);
                case "pptx" -> pptx(bytes, name);
                case "csv" -> new MarkdownDocument(null, MarkdownTables.table(Csv.parse(text(bytes, name))));
                case "json" -> json(bytes, name);
                default -> HTML.contains(extension) ? html(text(bytes, name)) : new MarkdownDocument(null, text(bytes, name));
            };
        } catch (UnsupportedFormatException | DocumentConversionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DocumentConversionException("Error converting '" + file + "' to Markdown: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** {@code html} as Markdown, scripts and styles left out; the title is the page's {@code <title>}. */
    public MarkdownDocument html(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, noscript").remove();
        String title = document.title().isBlank() ? null : document.title().strip();
        String body = document.body() == null ? document.html() : document.body().html();
        String markdown = FlexmarkHtmlConverter.builder(new MutableDataSet().set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false))
                .build().convert(body);
        return new MarkdownDocument(title, markdown.strip() + "\n");
    }

    private static String text(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnsupportedFormatException("Cannot preview '" + name + "' as Markdown: it is not UTF-8 text "
                    + "nor HTML, PDF, DOCX, XLSX, PPTX, CSV or JSON");
        }
    }

    private static MarkdownDocument json(byte[] bytes, String name) throws IOException {
        JsonNode node = JSON.readTree(text(bytes, name));
        return new MarkdownDocument(null, "```json\n" + JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node)
                + "\n```\n");
    }

    private static MarkdownDocument pdf(byte[] bytes, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes)) {
            String title = document.getDocumentInformation() == null ? null : document.getDocumentInformation().getTitle();
            return new MarkdownDocument(title == null || title.isBlank() ? null : title,
                    new PDFTextStripper().getText(document).strip() + "\n");
        }
    }

    private static MarkdownDocument docx(byte[] bytes, String name) throws IOException {
        try (XWPFDocument document = new XWPFDocument(new java.io.ByteArrayInputStream(bytes))) {
            var sb = new StringBuilder();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = paragraph.getText().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    sb.append(headingPrefix(paragraph.getStyle(), document, paragraph)).append(text).append("\n\n");
                } else if (element instanceof XWPFTable table) {
                    List<List<String>> rows = new ArrayList<>();
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cell.getText());
                        }
                        rows.add(cells);
                    }
                    sb.append(MarkdownTables.table(rows)).append('\n');
                }
            }
            String title = document.getProperties().getCoreProperties().getTitle();
            return new MarkdownDocument(title == null || title.isBlank() ? null : title, sb.toString());
        }
    }

    private static String headingPrefix(String styleId, XWPFDocument document, XWPFParagraph paragraph) {
        String style = styleId;
        if (style != null && document.getStyles() != null && document.getStyles().getStyle(style) != null) {
            style = document.getStyles().getStyle(style).getName();
        }
        if (style == null) {
            return "";
        }
        String lower = style.toLowerCase(Locale.ROOT).replace(" ", "");
        if (lower.equals("title")) {
            return "# ";
        }
        if (lower.startsWith("heading") && lower.length() > 7 && Character.isDigit(lower.charAt(7))) {
            return "#".repeat(Math.min(6, lower.charAt(7) - '0')) + " ";
        }
        return "";
    }

    private static MarkdownDocument xlsx(byte[] bytes, String name) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            DataFormatter formatter = new DataFormatter();
            var evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            var sb = new StringBuilder();
            for (Sheet sheet : workbook) {
                sb.append("## ").append(sheet.getSheetName()).append("\n\n");
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell, evaluator));
                    }
                    rows.add(cells);
                }
                sb.append(MarkdownTables.table(rows)).append('\n');
            }
            return new MarkdownDocument(null, sb.toString());
        }
    }

    private static MarkdownDocument pptx(byte[] bytes, String name) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(new java.io.ByteArrayInputStream(bytes))) {
            var sb = new StringBuilder();
            int number = 0;
            for (XSLFSlide slide : show.getSlides()) {
                number++;
                sb.append("<!-- Slide number: ").append(number).append(" -->\n");
                String title = slide.getTitle();
                if (title != null && !title.isBlank()) {
                    sb.append("# ").append(title.strip()).append("\n\n");
                }
                for (XSLFShape shape : slide.getShapes()) {
                    if (shape instanceof XSLFTextShape text) {
                        String value = text.getText().strip();
                        if (!value.isEmpty() && !value.equals(title == null ? null : title.strip())) {
                            sb.append(value).append("\n\n");
                        }
                    } else if (shape instanceof XSLFTable table) {
                        List<List<String>> rows = new ArrayList<>();
                        for (XSLFTableRow row : table.getRows()) {
                            List<String> cells = new ArrayList<>();
                            for (XSLFTableCell cell : row.getCells()) {
                                cells.add(cell.getText());
                            }
                            rows.add(cells);
                        }
                        sb.append(MarkdownTables.table(rows)).append('\n');
                    }
                }
                if (slide.getNotes() != null) {
                    var notes = new StringBuilder();
                    for (XSLFShape shape : slide.getNotes().getShapes()) {
                        if (shape instanceof XSLFTextShape text && !text.getText().isBlank()
                                && text.getTextType() != null && text.getTextType().name().equals("BODY")) {
                            notes.append(text.getText().strip()).append('\n');
                        }
                    }
                    if (!notes.isEmpty()) {
                        sb.append("### Notes:\n").append(notes).append('\n');
                    }
                }
            }
            return new MarkdownDocument(null, sb.toString());
        }
    }
}
