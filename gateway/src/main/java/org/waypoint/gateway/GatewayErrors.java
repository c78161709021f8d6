package org.waypoint.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The gateway's own errors (an unknown path, a method a path does not take, a path the server
 * refuses, anything unexpected) leave as problem+json like every service's, with the request id,
 * and never with an exception's message or stack trace.
 */
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
final class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode code = error instanceof ResponseStatusException status ? status.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.error("Unexpected error at {}", exchange.getRequest().getPath(), error);
        }
        return Problems.write(exchange, status, title(status), detail(status), headers -> {
            if (error instanceof ResponseStatusException responseStatus) {
                headers.addAll(responseStatus.getHeaders());
            }
        });
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case BAD_REQUEST -> "Bad request";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            case NOT_ACCEPTABLE -> "Not acceptable";
            case CONTENT_TOO_LARGE -> "Request too large";
            default -> status.is5xxServerError() ? "Internal error" : status.getReasonPhrase();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case BAD_REQUEST -> "The request is not one the gateway can read.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. It has been logged."
                    : "The gateway could not handle this request.";
        };
    }
}
