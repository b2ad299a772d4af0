package dev.autogen.ext.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Real files of every supported format, written with the same libraries that read them. */
public final class SampleFiles {
    private SampleFiles() {
    }

    public static void writeAll(Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "Plain notes: the meeting is on Tuesday.\n");
        Files.writeString(dir.resolve("page.html"), "<html><head><title>Quarterly page</title><script>var x = 1;</script>"
                + "</head><body><h1>Results</h1><p>Revenue grew by <b>12%</b>.</p><ul><li>North</li><li>South</li></ul>"
                + "<a href=\"https://example.com/\">details</a></body></html>");
        Files.writeString(dir.resolve("cities.csv"), "city,population\nParis,2102650\n\"Rome, Italy\",2746984\n");
        Files.writeString(dir.resolve("config.json"), "{\"name\":\"surfer\",\"tags\":[\"a\",\"b\"]}");
        Files.write(dir.resolve("blob.bin"), new byte[] {0, (byte) 0xFF, (byte) 0xFE, 1, 2, (byte) 0x80});
        pdf(dir.resolve("paper.pdf"));
        docx(dir.resolve("report.docx"));
        xlsx(dir.resolve("budget.xlsx"));
        pptx(dir.resolve("slides.pptx"));
    }

    private static void pdf(Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText("The PDF says the launch code is ORCHID.");
                content.endText();
            }
            document.getDocumentInformation().setTitle("Launch paper");
            document.save(file.toFile());
        }
    }

    private static void docx(Path file) throws IOException {
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            document.createParagraph().createRun().setText("The report concludes that sales doubled.");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("Region");
            table.getRow(0).getCell(1).setText("Sales");
            table.getRow(1).getCell(0).setText("North");
            table.getRow(1).getCell(1).setText("42");
            document.write(out);
        }
    }

    private static void xlsx(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Budget");
            sheet.createRow(0).createCell(0).setCellValue("Item");
            sheet.getRow(0).createCell(1).setCellValue("Cost");
            sheet.createRow(1).createCell(0).setCellValue("Rent");
            sheet.getRow(1).createCell(1).setCellValue(1200);
            sheet.createRow(2).createCell(0).setCellValue("Total");
            sheet.getRow(2).createCell(1).setCellFormula("B2*2");
            workbook.write(out);
        }
    }

    private static void pptx(Path file) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(file)) {
            XSLFSlide slide = show.createSlide();
            XSLFTextBox box = slide.createTextBox();
            box.setText("Slide one mentions the roadmap for 2027.");
            show.write(out);
        }
    }
}
