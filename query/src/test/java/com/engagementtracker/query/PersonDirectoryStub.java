package com.engagementtracker.query;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementtracker.api.queries.FindPersonNamesQuery;
import com.engagementtracker.api.queries.PersonNames;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;

/** The person directory as projection tests see it: a query gateway that knows these names. */
public final class PersonDirectoryStub {

    private PersonDirectoryStub() {
    }

    public static QueryGateway knowing(Map<String, String> names) {
        QueryGateway queries = mock(QueryGateway.class);
        when(queries.query(any(FindPersonNamesQuery.class), eq(PersonNames.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(new PersonNames(names)));
        return queries;
    }
}
