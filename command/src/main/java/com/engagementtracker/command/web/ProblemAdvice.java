package com.engagementtracker.command.web;

import com.engagementtracker.api.InvalidValue;
import com.engagementtracker.api.Rule;
import com.engagementtracker.api.commands.RecordMetricBatchCommand;
import com.engagementtracker.command.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place where errors become RFC 9457 problem+json: 400 with the fields at fault, 404 for what
 * does not exist, 409 with the rule's stable {@code code}. Spring's own MVC errors come from the base class.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    record FieldProblem(String field, String message) {
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandRefused(CommandExecutionException e) {
        Optional<Rule> rule = e.getDetails().filter(Rule.class::isInstance).map(Rule.class::cast);
        if (rule.isPresent()) {
            return ruleViolated(rule.get(), e.getMessage());
        }
        Optional<RecordMetricBatchCommand.Refused> rows = e.getDetails().filter(RecordMetricBatchCommand.Refused.class::isInstance)
                .map(RecordMetricBatchCommand.Refused.class::cast);
        if (rows.isPresent()) {
            return problem(HttpStatus.CONFLICT, e.getMessage(), Map.of("code", "RECORDINGS_REFUSED", "rows", rows.get().rows()));
        }
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalidInput(invalid);
        }
        throw e;
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Object> ruleViolated(RuleViolationException e) {
        return ruleViolated(e.rule(), e.getMessage());
    }

    /** A value that breaks the rule of the record or command it is for: 400, naming the field. */
    @ExceptionHandler(InvalidValue.class)
    ResponseEntity<Object> invalidValue(InvalidValue e) {
        return invalidFields(List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> invalidInput(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage(), Map.of());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "the engagement was changed at the same time; retry the request",
                Map.of("code", "CONCURRENT_MODIFICATION"));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> staleVersion(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.PRECONDITION_FAILED, "the engagement has moved on to version " + e.getActualVersion()
                + " since version " + e.getExpectedVersion() + " named in If-Match; read it again",
                Map.of("code", "STALE_VERSION"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getAllErrors().stream()
                .map(error -> new FieldProblem(error instanceof FieldError field ? field.getField() : error.getObjectName(),
                        error.getDefaultMessage()))
                .toList();
        return invalidFields(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            String parameter = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : parameter;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return invalidFields(errors);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : ex.getPropertyName();
        Throwable cause = ex.getMostSpecificCause();
        String message = cause instanceof IllegalArgumentException && cause.getMessage() != null ? cause.getMessage()
                : "cannot be read as " + (ex.getRequiredType() == null ? "the expected type"
                : ex.getRequiredType().getSimpleName()) + ": " + ex.getValue();
        return invalidFields(List.of(new FieldProblem(field, message)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
                Throwable root = jackson.getCause() != null ? jackson.getCause() : jackson;
                if (root instanceof InvalidValue invalid) {
                    String at = path(jackson);
                    return invalidFields(List.of(new FieldProblem(at.isEmpty() ? invalid.field() : at + "." + invalid.field(),
                            invalid.getMessage())));
                }
                String message = root instanceof InvalidFormatException invalid ? expected(invalid.getTargetType())
                        : root instanceof JacksonException rootJackson ? rootJackson.getOriginalMessage()
                        : root.getMessage();
                return invalidFields(List.of(new FieldProblem(path(jackson), message)));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "the request body is missing or is not valid JSON", Map.of());
    }

    /** What a value of this type looks like, in the words a person filling in a form understands. */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong form";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == LocalDate.class) {
            return "must be a date, written YYYY-MM-DD";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Currency.class) {
            return "must be a currency code, such as EUR";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        return "cannot be read as " + type.getSimpleName();
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ResponseEntity<Object> ruleViolated(Rule rule, String message) {
        return problem(rule.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT, message,
                Map.of("code", rule.name()));
    }

    private static ResponseEntity<Object> invalidFields(List<FieldProblem> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return problem(HttpStatus.BAD_REQUEST, detail, Map.of("errors", errors));
    }

    /** The same problem+json, written by a servlet filter that answers before Spring MVC is reached. */
    public static void write(HttpServletResponse response, int status, String detail, String code) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("status", status);
        body.put("detail", detail);
        if (code != null) {
            body.put("code", code);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(body));
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        properties.forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }
}
