package org.waypoint.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Every request gets an {@code X-Request-Id} (the caller's, when it is a sane token, otherwise a new
 * UUID) and a W3C {@code traceparent} (the caller's, when it is a valid version-00 header, otherwise
 * a new one). Both go on to the service; the request id is echoed in the response and in every
 * problem+json the gateway writes. Runs before security, so 401s and 429s carry it too.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final String REQUEST_ID_ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

    /** Letters, digits and a little punctuation, up to 128 characters: nothing to inject into a log line or a header. */
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    private static final Pattern TRACEPARENT_00 = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String given = request.getHeaders().getFirst(REQUEST_ID);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        String traceparent = request.getHeaders().getFirst(TRACEPARENT);
        boolean keepTrace = validTraceparent(traceparent);
        String trace = keepTrace ? traceparent : newTraceparent();

        ServerHttpRequest forwarded = request.mutate().headers(headers -> {
            headers.set(REQUEST_ID, requestId);
            headers.set(TRACEPARENT, trace);
            if (!keepTrace) {
                headers.remove(TRACESTATE); // tracestate belongs to the trace it came with
            }
        }).build();
        exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(REQUEST_ID, requestId);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    static boolean validTraceparent(String value) {
        if (value == null) {
            return false;
        }
        var matcher = TRACEPARENT_00.matcher(value);
        return matcher.matches() && !matcher.group(1).equals(ZERO_TRACE) && !matcher.group(2).equals(ZERO_SPAN);
    }

    /** A new trace, marked sampled: the gateway starts the trace and leaves recording to whoever records. */
    static String newTraceparent() {
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        do {
            RANDOM.nextBytes(trace);
            RANDOM.nextBytes(span);
        } while (HexFormat.of().formatHex(trace).equals(ZERO_TRACE) || HexFormat.of().formatHex(span).equals(ZERO_SPAN));
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(span) + "-01";
    }
}
