package com.engagementtracker.query.web;

import com.engagementtracker.api.Money;
import com.engagementtracker.api.queries.Aging;
import com.engagementtracker.api.queries.Reconciliation;

/** Finance's downloads as RFC 4180 CSV: a stable header, one line per row, plain decimals. */
final class BillingCsv {

    static final String HEADER = "engagementId,customerName,currency,month,billed,paid,outstanding,invoiced";
    static final String AGING_HEADER = "customerId,customerName,currency,current,days1to30,days31to60,days61to90,over90";

    private BillingCsv() {
    }

    static String aging(Aging aging) {
        StringBuilder csv = new StringBuilder(AGING_HEADER).append("\r\n");
        for (Aging.Row row : aging.rows()) {
            csv.append(quoted(row.customerId())).append(',').append(quoted(row.customerName())).append(',')
                    .append(row.currency().getCurrencyCode());
            for (Money bucket : new Money[]{row.current(), row.days1to30(), row.days31to60(), row.days61to90(), row.over90()}) {
                csv.append(',').append(bucket.amount().toPlainString());
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String reconciliation(Reconciliation reconciliation) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Reconciliation.Line line : reconciliation.lines()) {
            csv.append(line.engagementId()).append(',')
                    .append(quoted(line.customerName())).append(',')
                    .append(line.currency().getCurrencyCode()).append(',')
                    .append(line.month()).append(',')
                    .append(line.billed().amount().toPlainString()).append(',')
                    .append(line.paid().amount().toPlainString()).append(',')
                    .append(line.outstanding().amount().toPlainString()).append(',')
                    .append(line.invoiced().amount().toPlainString()).append("\r\n");
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
