package com.engagementtracker.api;

import java.util.regex.Pattern;

/** The API (docs/api.md): the ids clients choose themselves ({@code metricId}, {@code personId}) are {@code [a-z0-9-]{1,64}}. */
public final class ClientChosenId {

    public static final String REGEX = "[a-z0-9-]{1,64}";
    public static final Pattern PATTERN = Pattern.compile(REGEX);
    public static final String RULE = "must be 1 to 64 of a-z, 0-9 and -";

    private ClientChosenId() {
    }
}
