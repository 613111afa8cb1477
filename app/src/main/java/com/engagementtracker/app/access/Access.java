package com.engagementtracker.app.access;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.engagementtracker.command.web.ProblemAdvice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Who may do what: the one table of access rules. Four roles: ACCOUNT_TEAM issues every command except
 * payments; FINANCE records payments and reads billing; CUSTOMER reads its own engagements and confirms or
 * disputes its own statements; ADMIN runs the operations endpoints. A customer is bound to one customer id
 * (the authority {@code customer:ID}) and {@link CustomerScope} keeps it to that customer's engagements.
 * <p>
 * The API ({@code /api}, {@code /actuator}) is stateless: HTTP Basic, or a JWT from the organisation's
 * identity provider in production, and answers 401 and 403 as problem+json. Pages use a session and a
 * login form; the pages' forms and the CSV download are forwarded to the API inside the request, so the API's
 * rules decide them too ({@code spring.security.filter.dispatcher-types} includes FORWARD). The demo users
 * exist only where {@code engagement.security.demo-users} is true (the embedded default); production signs in
 * through the identity provider or not at all.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
public class Access {

    public static final String ACCOUNT_TEAM = "ACCOUNT_TEAM";
    public static final String FINANCE = "FINANCE";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String ADMIN = "ADMIN";
    static final String CUSTOMER_AUTHORITY = "customer:";

    /** The customer a principal is bound to, if it is a customer. */
    public static Optional<String> customerOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CUSTOMER_AUTHORITY))
                .map(authority -> authority.substring(CUSTOMER_AUTHORITY.length()))
                .findFirst();
    }

    /** The principal's role, without Spring's {@code ROLE_} prefix. */
    public static Optional<String> roleOf(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5)).findFirst();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, QueryGateway queries, ObjectProvider<JwtDecoder> jwt,
                            AccessProperties properties) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.addHeader("WWW-Authenticate", "Basic realm=\"engagement-tracker\"");
            if (jwt.getIfAvailable() != null) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            ProblemAdvice.write(response, 401, "sign in: HTTP Basic, or a bearer token from the identity provider",
                    "UNAUTHENTICATED");
        };
        AccessDeniedHandler forbidden = (request, response, e) ->
                ProblemAdvice.write(response, 403, "your role may not do this", "FORBIDDEN");
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/api/evidence/public-key").permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/engagements/*/payments").hasRole(FINANCE)
                        .requestMatchers("/api/billing/**").hasRole(FINANCE)
                        .requestMatchers(POST, "/api/engagements/*/settlements/*/confirmation",
                                "/api/engagements/*/settlements/*/dispute", "/api/engagements/*/simulations")
                        .hasAnyRole(ACCOUNT_TEAM, CUSTOMER)
                        .requestMatchers(GET, "/api/engagements/*/margin").hasAnyRole(ACCOUNT_TEAM, FINANCE)
                        .requestMatchers(GET, "/api/engagements", "/api/engagements/**").hasAnyRole(ACCOUNT_TEAM, FINANCE, CUSTOMER)
                        .requestMatchers(GET, "/api/invoices/*").hasAnyRole(ACCOUNT_TEAM, FINANCE, CUSTOMER)
                        .requestMatchers(POST, "/api/engagements", "/api/engagements/**", "/api/imports/**").hasRole(ACCOUNT_TEAM)
                        .requestMatchers(PUT, "/api/engagements/**").hasRole(ACCOUNT_TEAM)
                        .requestMatchers(GET, "/api/people/*/allocations").hasRole(ACCOUNT_TEAM)
                        .requestMatchers(POST, "/api/people/*/forget").hasRole(ACCOUNT_TEAM)
                        .anyRequest().denyAll())
                .addFilterAfter(new CustomerScope(queries), AuthorizationFilter.class);
        if (jwt.getIfAvailable() != null) {
            http.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthenticated)
                    .jwt(token -> token.jwtAuthenticationConverter(decoded -> principal(decoded, properties.jwt()))));
        }
        return http.build();
    }

    /** A signed-in user from the identity provider's token: role and customer from the configured claims. */
    static JwtAuthenticationToken principal(Jwt token, AccessProperties.Jwt claims) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object role : asList(token.getClaims().get(claims.roleClaim()))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toString().toUpperCase().replace('-', '_')));
        }
        String customer = token.getClaimAsString(claims.customerClaim());
        if (customer != null) {
            authorities.add(new SimpleGrantedAuthority(CUSTOMER_AUTHORITY + customer));
        }
        String name = token.getClaimAsString(claims.nameClaim());
        return new JwtAuthenticationToken(token, authorities, name == null ? token.getSubject() : name);
    }

    private static Collection<?> asList(Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> many) {
            return many;
        }
        return List.of(claim);
    }

    /**
     * Pages: a session, signed in with the login form (demo users) or, where an OpenID Connect client is
     * registered ({@code spring.security.oauth2.client.registration.*}), through the identity provider, whose
     * ID token's claims give the role and customer like the API's JWTs.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
                              AccessProperties properties) throws Exception {
        http.authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/error", "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/**", "/css/**", "/js/**").permitAll()
                        .requestMatchers(GET, "/engagements", "/engagements/**").hasAnyRole(ACCOUNT_TEAM, FINANCE)
                        .requestMatchers(GET, "/portal", "/portal/**").hasAnyRole(ACCOUNT_TEAM, FINANCE, CUSTOMER)
                        .requestMatchers("/billing/**").hasRole(FINANCE)
                        // a page's form is forwarded to the API, where the API's rules above decide, once
                        .requestMatchers(POST, "/engagements", "/engagements/**", "/people/*/forget").authenticated()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .httpBasic(Customizer.withDefaults())
                .logout(Customizer.withDefaults());
        if (oidc.getIfAvailable() != null) {
            http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(granted -> {
                List<GrantedAuthority> authorities = new ArrayList<>();
                for (GrantedAuthority authority : granted) {
                    if (authority instanceof OidcUserAuthority user) {
                        Jwt token = Jwt.withTokenValue(user.getIdToken().getTokenValue()).headers(h -> h.put("alg", "none"))
                                .claims(claims -> claims.putAll(user.getIdToken().getClaims())).build();
                        authorities.addAll(principal(token, properties.jwt()).getAuthorities());
                    }
                }
                return authorities;
            })));
        }
        return http.build();
    }

    /**
     * The documented demo users of the embedded default, and nowhere else. Their passwords are their names:
     * they exist so that a newcomer can try every role at once.
     */
    @Bean
    UserDetailsService users(AccessProperties properties, ObjectProvider<JwtDecoder> jwt) {
        if (!properties.demoUsers()) {
            if (jwt.getIfAvailable() == null) {
                throw new IllegalStateException("nobody could sign in: configure the identity provider "
                        + "(spring.security.oauth2.resourceserver.jwt.issuer-uri) or, for a trial, engagement.security.demo-users=true");
            }
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(
                User.withUsername("account-team").password("{noop}account-team").roles(ACCOUNT_TEAM).build(),
                User.withUsername("finance").password("{noop}finance").roles(FINANCE).build(),
                User.withUsername("admin").password("{noop}admin").roles(ADMIN).build(),
                customer("customer-acme", "acme"),
                customer("customer-globex", "globex"));
    }

    /**
     * The demo users' passwords are public, so they are kept as written. Without this, Spring Security would
     * re-encode each with BCrypt after its first sign-in, and every later request would spend some 80 ms on it.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("noop", Map.of("noop", NoOpPasswordEncoder.getInstance(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    private static UserDetails customer(String name, String customerId) {
        return User.withUsername(name).password("{noop}" + name)
                .authorities(new SimpleGrantedAuthority("ROLE_" + CUSTOMER), new SimpleGrantedAuthority(CUSTOMER_AUTHORITY + customerId))
                .build();
    }
}
