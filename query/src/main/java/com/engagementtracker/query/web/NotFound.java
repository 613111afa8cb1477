package com.engagementtracker.query.web;

import com.engagementtracker.query.ProjectionStream;
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

    /** Refuses a name that is no read model's, naming the read models there are. */
    static void unlessProjection(String name) {
        if (!ProjectionStream.PROJECTIONS.contains(name)) {
            throw of("projection", name, "; there are " + ProjectionStream.PROJECTIONS);
        }
    }

    static <T> T unlessNull(T result, String what, Object id) {
        if (result == null) {
            throw of(what, id, "");
        }
        return result;
    }
}
