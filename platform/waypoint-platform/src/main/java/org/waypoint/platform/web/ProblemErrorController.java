package org.waypoint.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error page ({@code /error}) answers, for errors that never reached a
 * controller (a path the container refused, an error in a filter): problem+json like every other
 * error, in place of Spring Boot's {@code {"timestamp":...}} JSON or Tomcat's HTML page.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, title(status), detail(status)));
    }

    static String title(HttpStatus status) {
        return status.is5xxServerError() ? "Internal error" : status.getReasonPhrase();
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request is not one this service can read (its address, query or headers).";
            case NOT_FOUND -> "There is nothing at this address.";
            case CONTENT_TOO_LARGE -> "The request body is larger than this service accepts.";
            default -> status.is5xxServerError() ? "Something went wrong on our side. It has been logged." : "The request was refused.";
        };
    }
}
