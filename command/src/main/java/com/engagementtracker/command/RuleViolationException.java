package com.engagementtracker.command;

import com.engagementtracker.api.Rule;

/** A command that the engagement's current state forbids. Nothing is applied when it is thrown. */
public class RuleViolationException extends RuntimeException {

    private final Rule rule;

    public RuleViolationException(Rule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }

    static void check(boolean condition, Rule rule, String message) {
        if (!condition) {
            throw new RuleViolationException(rule, message);
        }
    }
}
