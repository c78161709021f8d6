package org.waypoint.platform.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Answers an API request 503 problem+json at once while {@link DatabaseReachability} says the
 * database is down (issue 15): one answer within the time the driver's monitor takes to notice,
 * instead of two seconds of server selection for every database call the request would make.
 * The refusal is {@code ProblemDetailsAdvice}'s "Database unavailable", with {@code Retry-After}.
 */
public final class DatabaseOutageGuard implements HandlerInterceptor {

    private final DatabaseReachability reachability;

    public DatabaseOutageGuard(DatabaseReachability reachability) {
        this.reachability = reachability;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (reachability.isDown()) {
            throw new DataAccessResourceFailureException("the driver's monitor reaches no database server");
        }
        return true;
    }
}
