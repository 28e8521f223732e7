package io.novatune.platform.security;

import io.novatune.platform.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/**
 * The security firewall checks query parameter names when something first reads them. Inside the security chain
 * {@link ApiSecurity#rejectedAsProblem} answers; when a controller is the first reader (the chain keeps no request
 * cache, so nothing there reads them), the rejection reaches the controller's advice and must answer the same 400,
 * ahead of the catch-all {@code internal-error}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RejectedExchangeAdvice {

    @ExceptionHandler(ServerExchangeRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(ServerExchangeRejectedException ex, ServerWebExchange exchange) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, ApiSecurity.MALFORMED_REQUEST_TYPE,
                ApiSecurity.MALFORMED_REQUEST_TITLE, ApiSecurity.MALFORMED_REQUEST_DETAIL,
                exchange.getRequest().getPath().value()));
    }
}
