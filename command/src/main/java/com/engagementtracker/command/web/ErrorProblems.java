package com.engagementtracker.command.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What answers when an error happens outside the controllers (in the servlet container or a filter: a
 * body Tomcat cannot decode, a request it refuses), or when a page answers with a status: problem+json like
 * every other error, or a short page for a browser, instead of Spring Boot's own formats. The causes of a
 * 5xx stay in the log, never in the answer.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorProblems.class);

    /** A browser asking for a page gets a page: the same status, said in a sentence, and a way back. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request) {
        HttpStatus status = status(request);
        String sentence = status == HttpStatus.NOT_FOUND ? "There is nothing here, or nothing you may see."
                : status.is5xxServerError() ? "Something went wrong on our side; it is in the log."
                : "This request could not be served: " + status.getReasonPhrase().toLowerCase() + ".";
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Engagement tracker</title><link rel="stylesheet" href="/css/portal.css"></head>
                <body><main><h1>%s</h1><p>%s</p><p><a href="/">Back to your engagements</a></p></main></body></html>
                """.formatted(status.getReasonPhrase(), status.getReasonPhrase(), sentence);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(html);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String detail;
        if (status.is5xxServerError()) {
            LOG.error("{} answered {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), status,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            detail = "the server could not answer this request; the cause is in its log";
        } else {
            detail = "the request could not be read: " + status.getReasonPhrase().toLowerCase();
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
