package com.engagementtracker.api;

/**
 * The customer job an engagement serves, scored as in Value Proposition Design: how important the job
 * is, how severe its pains are and how relevant the sought gains are, each from 1 to 5.
 */
public record CustomerJob(String description, int importance, int painSeverity, int gainRelevance) {

    public CustomerJob {
        requireScore("importance", importance);
        requireScore("painSeverity", painSeverity);
        requireScore("gainRelevance", gainRelevance);
    }

    private static void requireScore(String name, int score) {
        if (score < 1 || score > 5) {
            throw new InvalidValue(name, "must be from 1 to 5, got " + score);
        }
    }
}
