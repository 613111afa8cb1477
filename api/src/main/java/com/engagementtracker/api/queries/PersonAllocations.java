package com.engagementtracker.api.queries;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.PersonId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's allocations across engagements, each ending at its release or the engagement's end if
 * earlier, and the periods in which they add up to more than 100 %: flagged, never refused.
 */
public record PersonAllocations(PersonId personId, List<Allocation> allocations, List<OverAllocation> overAllocated) {

    public record Allocation(EngagementId engagementId, String customerName, String title, LocalDate from,
                             LocalDate to, BigDecimal allocationPercent) {
    }

    public record OverAllocation(LocalDate from, LocalDate to, BigDecimal totalPercent) {
    }
}
