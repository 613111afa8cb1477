package com.engagementtracker.api;

public enum OrganisationKind {
    SUPPLIER, CUSTOMER, PARTNER
}
