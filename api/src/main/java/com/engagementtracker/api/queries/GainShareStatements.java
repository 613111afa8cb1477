package com.engagementtracker.api.queries;

import java.util.List;

/** An engagement's statements in period order. */
public record GainShareStatements(List<GainShareStatement> statements) {
}
