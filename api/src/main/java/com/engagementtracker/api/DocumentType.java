package com.engagementtracker.api;

/** An invoice, or a credit note: an invoice whose total is negative. */
public enum DocumentType {
    INVOICE, CREDIT_NOTE
}
