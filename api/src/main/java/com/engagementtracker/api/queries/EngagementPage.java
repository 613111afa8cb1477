package com.engagementtracker.api.queries;

import java.util.List;

public record EngagementPage(List<EngagementSummary> content, int page, int size, long totalElements, int totalPages) {
}
