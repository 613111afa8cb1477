package com.engagementtracker.query;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.engagementtracker.api.queries.EngagementMoney;
import com.engagementtracker.api.queries.FetchEngagementMoneyQuery;
import com.engagementtracker.api.queries.FindPersonNamesQuery;
import com.engagementtracker.api.queries.PersonNames;
import com.engagementtracker.query.billing.BillingProjection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;

/**
 * The other read models as projection tests see them: a query gateway that knows these names, and no money
 * unless a billing projection is given to answer for it.
 */
public final class PersonDirectoryStub {

    private PersonDirectoryStub() {
    }

    public static QueryGateway knowing(Map<String, String> names) {
        QueryGateway queries = mock(QueryGateway.class);
        when(queries.query(any(FindPersonNamesQuery.class), eq(PersonNames.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(new PersonNames(names)));
        when(queries.query(any(FetchEngagementMoneyQuery.class), eq(EngagementMoney.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(new EngagementMoney(List.of())));
        return queries;
    }

    /** The gateway, now asking the billing projection for the engagements' money. */
    public static QueryGateway withMoneyFrom(QueryGateway queries, BillingProjection billing) {
        when(queries.query(any(FetchEngagementMoneyQuery.class), eq(EngagementMoney.class))).thenAnswer(call ->
                CompletableFuture.completedFuture(billing.handle(call.getArgument(0, FetchEngagementMoneyQuery.class))));
        return queries;
    }
}
