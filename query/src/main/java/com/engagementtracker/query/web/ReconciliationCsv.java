package com.engagementtracker.query.web;

import com.engagementtracker.api.queries.Reconciliation;

/** The reconciliation as RFC 4180 CSV: a stable header, one line per engagement and month, plain decimals. */
final class ReconciliationCsv {

    static final String HEADER = "engagementId,customerName,currency,month,billed,paid,outstanding";

    private ReconciliationCsv() {
    }

    static String write(Reconciliation reconciliation) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Reconciliation.Line line : reconciliation.lines()) {
            csv.append(line.engagementId()).append(',')
                    .append(quoted(line.customerName())).append(',')
                    .append(line.currency().getCurrencyCode()).append(',')
                    .append(line.month()).append(',')
                    .append(line.billed().amount().toPlainString()).append(',')
                    .append(line.paid().amount().toPlainString()).append(',')
                    .append(line.outstanding().amount().toPlainString()).append("\r\n");
        }
        return csv.toString();
    }

    /**
     * Quotes a field that holds a comma, a quote or a line break, doubling its quotes. A field that a
     * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe: finance opens
     * this file in one, and customer names come from outside.
     */
    static String quoted(String text) {
        String field = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
