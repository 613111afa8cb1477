package com.engagementtracker.query.web;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.queries.EngagementSummary;
import com.engagementtracker.api.queries.FindEngagementQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The read side of API.md: each endpoint one query through the gateway. */
@RestController
@RequestMapping("/api")
@Tag(name = "Engagement queries", description = "Summaries, series, statements and billing, from the read models")
class EngagementQueryController {

    private final QueryGateway queries;

    EngagementQueryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/engagements/{id}")
    @Operation(summary = "One engagement's summary")
    EngagementSummary engagement(@PathVariable EngagementId id) {
        return found(queries.query(new FindEngagementQuery(id), EngagementSummary.class).join(), "engagement", id);
    }

    static <T> T found(T result, String what, Object id) {
        return Optional.ofNullable(result).orElseThrow(() -> {
            ErrorResponseException notFound = new ErrorResponseException(HttpStatus.NOT_FOUND);
            notFound.getBody().setDetail("there is no " + what + " " + id);
            notFound.getBody().setProperty("code", what.toUpperCase().replace(' ', '_') + "_NOT_FOUND");
            return notFound;
        });
    }
}
