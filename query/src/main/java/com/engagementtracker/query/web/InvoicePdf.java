package com.engagementtracker.query.web;

import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.InvoiceLine;
import com.engagementtracker.api.MetricGain;
import com.engagementtracker.api.queries.Invoice;
import com.engagementtracker.api.queries.InvoiceDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An invoice as the PDF sent to the customer (Apache PDFBox): supplier and customer, number and dates, each
 * line, the totals, and under each gain-share line the statement's breakdown per metric (baseline, measured
 * value, improvement, gain) and the share. Long invoices run onto further pages.
 */
final class InvoicePdf {

    private static final float MARGIN = 56;
    private static final float LEADING = 15;

    private InvoicePdf() {
    }

    static byte[] render(InvoiceDocument document, String supplier) throws IOException {
        Invoice invoice = document.invoice();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"H", (invoice.documentType().name().equals("CREDIT_NOTE") ? "Credit note " : "Invoice ") + invoice.number()});
        rows.add(new String[]{"", ""});
        rows.add(new String[]{"B", "From: " + supplier});
        rows.add(new String[]{"B", "To: " + invoice.customerName() + " (" + invoice.customerId() + ")"});
        rows.add(new String[]{"", "For the month " + invoice.month() + " - issued " + invoice.issuedOn() + " - due " + invoice.dueOn()});
        rows.add(new String[]{"", ""});
        for (InvoiceLine line : invoice.lines()) {
            rows.add(new String[]{"B", line.description() + " (" + line.periodStart() + " to " + line.periodEnd() + "): " + line.amount()});
            GainShareBreakdown breakdown = line.statementId() == null ? null : document.statements().get(line.statementId());
            if (breakdown != null) {
                for (MetricGain metric : breakdown.metrics()) {
                    rows.add(new String[]{"", "    " + metric.metricId() + ": baseline " + plain(metric.baselineValue())
                            + ", measured " + plain(metric.measuredValue()) + ", improvement " + plain(metric.improvement())
                            + ", gain " + plain(metric.gain())});
                }
                rows.add(new String[]{"", "    gross gain " + breakdown.figures().grossGain() + ", shareable "
                        + breakdown.figures().shareableGain() + ", supplier share " + plain(breakdown.sharePercent()) + " % = "
                        + breakdown.supplierShare()});
            }
        }
        rows.add(new String[]{"", ""});
        rows.add(new String[]{"B", "Total: " + invoice.total()});
        rows.add(new String[]{"", "Paid: " + invoice.paid()});
        rows.add(new String[]{"B", "Outstanding: " + invoice.outstanding()});
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDPageContentStream text = null;
            float y = 0;
            for (String[] row : rows) {
                if (text == null || y < MARGIN) {
                    if (text != null) {
                        text.endText();
                        text.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    pdf.addPage(page);
                    text = new PDPageContentStream(pdf, page);
                    text.beginText();
                    y = page.getMediaBox().getHeight() - MARGIN;
                    text.newLineAtOffset(MARGIN, y);
                }
                text.setFont(row[0].isEmpty() ? regular : bold, row[0].equals("H") ? 16 : 10);
                text.showText(printable(row[1]));
                text.newLineAtOffset(0, -LEADING);
                y -= LEADING;
            }
            text.endText();
            text.close();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.stripTrailingZeros().toPlainString();
    }

    /** The standard fonts know WinAnsi only: anything else is shown as a question mark, never a failure. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 32 && c < 127 || c >= 160 && c <= 255 ? Character.toString(c) : "?"));
        return out.toString();
    }
}
