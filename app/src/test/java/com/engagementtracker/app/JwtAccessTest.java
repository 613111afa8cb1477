package com.engagementtracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Production sign-in: no demo users; the API takes JWTs from the configured identity provider (here a stub
 * issuer on this machine serving its discovery document and keys), whose claims give the role and the
 * customer, and pages send the user to the same provider through OpenID Connect.
 */
class JwtAccessTest {

    private static HttpServer issuer;
    private static RSAKey key;
    private static ConfigurableApplicationContext app;
    private static String base;
    /** The nonce the app sent to the provider's sign-in page, for the ID token the provider then issues. */
    private static volatile String nonce;

    @BeforeAll
    static void anIdentityProviderAndTheAppTrustingIt() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String issuerUri = "http://127.0.0.1:" + issuer.getAddress().getPort();
        issuer.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, """
                {"issuer": "%s", "jwks_uri": "%s/keys", "subject_types_supported": ["public"],
                 "response_types_supported": ["code"], "id_token_signing_alg_values_supported": ["RS256"],
                 "authorization_endpoint": "%s/authorize", "token_endpoint": "%s/token"}"""
                .formatted(issuerUri, issuerUri, issuerUri, issuerUri)));
        issuer.createContext("/keys", exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
        issuer.createContext("/token", exchange -> {
            String idToken;
            try {
                idToken = idToken(nonce);
            } catch (JOSEException e) {
                throw new IOException(e);
            }
            answer(exchange, """
                    {"access_token": "access", "token_type": "Bearer", "expires_in": 300, "scope": "openid",
                     "id_token": "%s"}""".formatted(idToken));
        });
        issuer.start();
        app = new SpringApplicationBuilder(EngagementTrackerApplication.class).sources(TestClock.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:jwt;DB_CLOSE_DELAY=-1",
                "--engagement.security.demo-users=false",
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuerUri,
                "--spring.security.oauth2.client.registration.company.client-id=engagement-tracker",
                "--spring.security.oauth2.client.registration.company.client-secret=not-so-secret",
                "--spring.security.oauth2.client.registration.company.scope=openid",
                "--spring.security.oauth2.client.provider.company.issuer-uri=" + issuerUri,
                "--spring.security.oauth2.client.provider.company.user-name-attribute=preferred_username");
        base = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
        issuer.stop(0);
    }

    @Test
    void rolesAndCustomersComeFromTheTokensClaims() throws Exception {
        String team = token(key, "olivia", List.of("ACCOUNT_TEAM"), null, Instant.now().plusSeconds(300));
        HttpResponse<String> opened = send("POST", "/api/engagements", team, LifecycleScenario.OPEN.replace("acme-", "acme"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String id = Api.JSON.readTree(opened.body()).get("id").asString();
        String acme = token(key, "amy", List.of("CUSTOMER"), "acme", Instant.now().plusSeconds(300));
        String globex = token(key, "gus", "CUSTOMER", "globex", Instant.now().plusSeconds(300));
        String finance = token(key, "fred", List.of("FINANCE"), null, Instant.now().plusSeconds(300));

        assertThat(awaitStatus("/api/engagements/" + id, acme, 200)).isEqualTo(200);
        assertThat(send("GET", "/api/engagements/" + id, globex, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/engagements/" + id, finance, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/billing/totals", finance, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/billing/totals", team, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/engagements", acme, LifecycleScenario.OPEN).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutAValidTokenNobodyGetsIn() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        assertThat(send("GET", "/api/engagements", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/engagements", token(stranger, "eve", List.of("ACCOUNT_TEAM"), null,
                Instant.now().plusSeconds(300)), null).statusCode()).as("signed by another key").isEqualTo(401);
        assertThat(send("GET", "/api/engagements", token(key, "olivia", List.of("ACCOUNT_TEAM"), null,
                Instant.now().minusSeconds(600)), null).statusCode()).as("expired").isEqualTo(401);
        HttpResponse<String> demo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/engagements"))
                .header("Authorization", Api.basic("account-team")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(demo.statusCode()).as("no demo users in production").isEqualTo(401);
        assertThat(demo.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void pagesSignInThroughTheIdentityProvider() throws Exception {
        String team = token(key, "olivia", List.of("ACCOUNT_TEAM"), null, Instant.now().plusSeconds(300));
        String id = Api.JSON.readTree(send("POST", "/api/engagements", team, LifecycleScenario.OPEN.replace("acme-", "acme")
                .replace("Inventory control", "Signed in through the provider")).body()).get("id").asString();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = get(browser, base + "/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(get(browser, base + "/login").body()).contains("/oauth2/authorization/company");

        HttpResponse<String> toProvider = get(browser, base + "/oauth2/authorization/company");
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://127.0.0.1:" + issuer.getAddress().getPort() + "/authorize?response_type=code")
                .contains("client_id=engagement-tracker").contains("scope=openid").contains("nonce=");

        // the provider signs the user in and sends the browser back with a code, which the app exchanges for tokens
        nonce = parameter(authorize, "nonce");
        HttpResponse<String> back = get(browser, base + "/login/oauth2/code/company?code=the-code&state="
                + URLEncoder.encode(parameter(authorize, "state"), StandardCharsets.UTF_8));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        HttpResponse<String> home = get(browser, base + "/");
        assertThat(home.headers().firstValue("Location")).as("the ID token's role: a customer, at home in the portal")
                .hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
        for (int attempt = 0; attempt < 100 && !get(browser, base + "/portal").body().contains("Signed in through the provider"); attempt++) {
            Thread.sleep(50);
        }
        assertThat(get(browser, base + "/portal").body()).as("the ID token's customer: acme")
                .contains("Signed in through the provider").contains("amy");
        assertThat(get(browser, base + "/portal/engagements/" + id).statusCode()).isEqualTo(200);
        assertThat(get(browser, base + "/engagements").statusCode()).as("a customer, not the account team").isEqualTo(403);
    }

    /** The ID token the stub provider issues after sign-in: customer amy of acme, for this app, with its nonce. */
    private static String idToken(String nonce) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:" + issuer.getAddress().getPort()).subject("user-amy").audience("engagement-tracker")
                .claim("preferred_username", "amy").claim("roles", List.of("CUSTOMER")).claim("customer_id", "acme")
                .claim("nonce", nonce).issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String parameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(RSAKey signer, String name, Object roles, String customer, Instant expires) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("http://127.0.0.1:" + issuer.getAddress().getPort())
                .subject("user-" + name).claim("preferred_username", name).claim("roles", roles)
                .issueTime(new Date()).expirationTime(Date.from(expires));
        if (customer != null) {
            claims.claim("customer_id", customer);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static int awaitStatus(String path, String token, int wanted) throws Exception {
        int status = 0;
        for (int attempt = 0; attempt < 100 && status != wanted; attempt++) {
            status = send("GET", path, token, null).statusCode();
            Thread.sleep(50);
        }
        return status;
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
