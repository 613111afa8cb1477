package com.engagementtracker.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.engagementtracker.api.EventJson;
import com.engagementtracker.api.GainShareBreakdown;
import com.engagementtracker.api.Money;
import com.engagementtracker.api.events.GainShareResolvedEvent;
import com.engagementtracker.api.events.TermsAgreedEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Events stored before invoicing read as they always meant: a breakdown without its figures gets them
 * rounded from its exact amounts, as the settlement would have; a resolution without the customer's share
 * leaves it to the statement; terms without payment terms mean 30 days.
 */
class LegacyEventsTest {

    private final ObjectMapper json = EventJson.mapper();

    @Test
    void aBreakdownStoredWithoutFiguresGetsThemRoundedOnce() throws Exception {
        GainShareBreakdown breakdown = json.readValue("""
                {"metrics": [], "grossGain": 7000.123456, "deficitBefore": 0, "deficitAfter": 0.005, "hurdle": 0,
                 "shareableGain": 7000.125, "sharePercent": 20, "uncappedSupplierShare": 1400.025, "capApplied": "NONE",
                 "supplierShare": {"amount": "1400.02", "currency": "EUR"},
                 "customerShare": {"amount": "5600.10", "currency": "EUR"}}""", GainShareBreakdown.class);

        assertThat(breakdown.figures()).isEqualTo(new GainShareBreakdown.Figures(Money.of("7000.12", "EUR"),
                Money.of("7000.12", "EUR"), Money.of("0.00", "EUR")));
        assertThat(json.readValue(json.writeValueAsString(breakdown), GainShareBreakdown.class)).isEqualTo(breakdown);
    }

    @Test
    void aResolutionAndTermsStoredBeforeInvoicingReadAsBefore() throws Exception {
        GainShareResolvedEvent resolved = json.readValue("""
                {"engagementId": "e-1", "statementId": "s-1", "settledShare": {"amount": "1400.00", "currency": "EUR"},
                 "supplierShare": {"amount": "1200.00", "currency": "EUR"}, "note": "split"}""", GainShareResolvedEvent.class);
        assertThat(resolved.customerShare()).isNull();

        TermsAgreedEvent terms = json.readValue("""
                {"engagementId": "e-1", "model": "SUBSCRIPTION",
                 "subscription": {"monthlyFee": {"amount": "1000.00", "currency": "EUR"}}}""", TermsAgreedEvent.class);
        assertThat(terms.paymentTermsDaysOrDefault()).isEqualTo(30);
    }
}
