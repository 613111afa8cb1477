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
 * body Tomcat cannot decode, a request it refuses): problem+json like every other error, instead of Spring
 * Boot's own error format. The causes of a 5xx stay in the log, never in the answer.
 */
@Hidden
@RestController
class ErrorProblems implements ErrorController {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorProblems.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.resolve(value) : HttpStatus.INTERNAL_SERVER_ERROR;
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
}
