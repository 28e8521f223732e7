package io.novatune.platform.problem;

import java.net.URI;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error a WebFlux service answers is RFC 7807 {@code application/problem+json}; none leaks a stack trace.
 * Domain errors extend Spring's {@link org.springframework.web.ErrorResponseException} with their own problem
 * type and the base class renders them; what no handler knew is logged and answered as {@code internal-error}.
 */
@RestControllerAdvice
public class ReactiveProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemDetailsAdvice.class);
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(5);

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
            WebExchangeBindException ex, HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail problem = InvalidRequestException.problem(ex.getFieldErrors().stream()
                .map(error -> new InvalidRequestException.FieldError(error.getField(),
                        String.valueOf(error.getDefaultMessage())))
                .toList());
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return Mono.just(ResponseEntity.badRequest().body(problem));
    }

    /**
     * No connection to the database (down, failing over, pool exhausted): the request did nothing and may be sent
     * again, which a client knows from a 503 with Retry-After, not from a 500.
     */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class})
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, ServerWebExchange exchange) {
        log.warn("Database unavailable on {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER.toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Service unavailable",
                        "The database cannot be reached; nothing was changed. Try again in a few seconds.",
                        exchange.getRequest().getPath().value()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception ex, ServerWebExchange exchange) {
        log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed. It has been logged.",
                exchange.getRequest().getPath().value()));
    }
}
