package com.engagementtracker.query.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A 404 problem naming what is missing, with a code in the style of the command side's rules. */
final class NotFound {

    private NotFound() {
    }

    static ErrorResponseException of(String what, Object id, String hint) {
        ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
        notFound.getBody().setDetail("there is no " + what + " " + id + hint);
        notFound.getBody().setProperty("code", what.toUpperCase().replace(' ', '_') + "_NOT_FOUND");
        return notFound;
    }

    static <T> T unlessNull(T result, String what, Object id) {
        if (result == null) {
            throw of(what, id, "");
        }
        return result;
    }
}
