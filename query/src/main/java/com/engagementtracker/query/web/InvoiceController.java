package com.engagementtracker.query.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.queries.Aging;
import com.engagementtracker.api.queries.EngagementCustomer;
import com.engagementtracker.api.queries.FetchAgingQuery;
import com.engagementtracker.api.queries.FetchInvoicesQuery;
import com.engagementtracker.api.queries.FindEngagementCustomerQuery;
import com.engagementtracker.api.queries.FindInvoiceQuery;
import com.engagementtracker.api.queries.Invoice;
import com.engagementtracker.api.queries.InvoiceDocument;
import com.engagementtracker.api.queries.Invoices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Issued invoices (as JSON and as the PDF sent), and finance's aging of what is owed. */
@RestController
@RequestMapping("/api")
@Tag(name = "Invoices", description = "Invoices and credit notes as issued, with what was paid on them; aging")
class InvoiceController {

    private final QueryGateway queries;
    private final String supplier;

    InvoiceController(QueryGateway queries, @Value("${engagement.invoicing.supplier-name:Supplier Co}") String supplier) {
        this.queries = queries;
        this.supplier = supplier;
    }

    @GetMapping("/engagements/{id}/invoices")
    @Operation(summary = "The engagement's invoices and credit notes, oldest first")
    List<Invoice> invoices(@PathVariable EngagementId id) {
        NotFound.unlessNull(queries.query(new FindEngagementCustomerQuery(id), EngagementCustomer.class).join(), "engagement", id);
        return queries.query(new FetchInvoicesQuery(id), Invoices.class).join().invoices();
    }

    @GetMapping("/invoices/{invoiceId}")
    @Operation(summary = "One invoice or credit note, with what has been paid on it")
    Invoice invoice(@PathVariable String invoiceId) {
        return document(invoiceId).invoice();
    }

    @GetMapping(value = "/invoices/{invoiceId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "One invoice or credit note as the PDF sent to the customer")
    ResponseEntity<byte[]> pdf(@PathVariable String invoiceId) throws IOException {
        InvoiceDocument document = document(invoiceId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + document.invoice().number() + ".pdf\"")
                .body(InvoicePdf.render(document, supplier));
    }

    @GetMapping("/billing/aging")
    @Operation(summary = "(finance) What is owed per customer and currency, by days past due")
    List<Aging.Row> aging() {
        return queries.query(new FetchAgingQuery(), Aging.class).join().rows();
    }

    @GetMapping(value = "/billing/aging.csv", produces = "text/csv")
    @Operation(summary = "(finance) The aging as CSV")
    ResponseEntity<String> agingCsv() {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"aging.csv\"")
                .body(BillingCsv.aging(queries.query(new FetchAgingQuery(), Aging.class).join()));
    }

    private InvoiceDocument document(String invoiceId) {
        return NotFound.unlessNull(queries.query(new FindInvoiceQuery(invoiceId), InvoiceDocument.class).join(), "invoice", invoiceId);
    }
}
