package com.engagementtracker.app.access;

import com.engagementtracker.api.EngagementId;
import com.engagementtracker.api.queries.EngagementCustomer;
import com.engagementtracker.api.queries.FindEngagementCustomerQuery;
import com.engagementtracker.api.queries.FindInvoiceQuery;
import com.engagementtracker.api.queries.InvoiceDocument;
import com.engagementtracker.command.web.ProblemAdvice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a customer to its own engagements (and their invoices) on every API path: another customer's engagement answers 404
 * exactly as one that does not exist (never 403, so that ids cannot be probed), and the engagement list
 * is always filtered to the customer's own. Runs after the role rules, for customers only.
 */
public class CustomerScope extends OncePerRequestFilter {

    private static final Pattern ENGAGEMENT = Pattern.compile("^/api/engagements/([^/]+)(/.*)?$");
    private static final Pattern INVOICE = Pattern.compile("^/api/invoices/([^/]+?)(\\.pdf)?$");

    private final QueryGateway queries;

    CustomerScope(QueryGateway queries) {
        this.queries = queries;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> customer = Access.customerOf(SecurityContextHolder.getContext().getAuthentication());
        if (customer.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher engagement = ENGAGEMENT.matcher(path);
        if (engagement.matches() && visibleTo(queries, engagement.group(1), customer.get()).isEmpty()) {
            ProblemAdvice.write(response, 404, "there is no engagement " + engagement.group(1), "ENGAGEMENT_NOT_FOUND");
            return;
        }
        Matcher invoice = INVOICE.matcher(path);
        if (invoice.matches()) {
            InvoiceDocument document = queries.query(new FindInvoiceQuery(invoice.group(1)), InvoiceDocument.class).join();
            if (document == null || !document.invoice().customerId().equals(customer.get())) {
                ProblemAdvice.write(response, 404, "there is no invoice " + invoice.group(1), "INVOICE_NOT_FOUND");
                return;
            }
        }
        chain.doFilter(path.equals("/api/engagements") ? onlyOwn(request, customer.get()) : request, response);
    }

    /** The engagement, if the signed-in user may see it: it exists, and belongs to the user's customer if any. */
    public static Optional<EngagementId> visibleTo(QueryGateway queries, String engagementId, Authentication user) {
        return visibleTo(queries, engagementId, Access.customerOf(user).orElse(null));
    }

    private static Optional<EngagementId> visibleTo(QueryGateway queries, String engagementId, String customer) {
        EngagementId id;
        try {
            id = new EngagementId(engagementId);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        EngagementCustomer owner = queries.query(new FindEngagementCustomerQuery(id), EngagementCustomer.class).join();
        return owner != null && (customer == null || owner.customerId().equals(customer)) ? Optional.of(id) : Optional.empty();
    }

    /** The request with its {@code customerId} filter set to the customer's own, whatever it asked for. */
    private static HttpServletRequest onlyOwn(HttpServletRequest request, String customer) {
        Map<String, String[]> parameters = new HashMap<>(request.getParameterMap());
        parameters.put("customerId", new String[]{customer});
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] values = parameters.get(name);
                return values == null ? null : values[0];
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return parameters;
            }

            @Override
            public String[] getParameterValues(String name) {
                return parameters.get(name);
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(parameters.keySet());
            }
        };
    }
}
