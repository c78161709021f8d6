package org.waypoint.gateway;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A request body larger than {@code waypoint.gateway.max-request-size} (10 MB by default) is answered
 * 413 problem+json here, before anything is forwarded: the service never sees it and its circuit
 * breaker never counts it. A declared {@code Content-Length} over the limit is refused at once; a
 * body sent without one (chunked) is read up to the limit and refused as soon as it passes it.
 */
final class RequestSizeLimit implements WebFilter, Ordered {

    private final long maxBytes;

    RequestSizeLimit(DataSize limit) {
        this.maxBytes = limit.toBytes();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20; // after the request id, before security and routing
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return tooLargeAfterDiscarding(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return request.getBody().reduce(new Read(), Read::add).flatMap(read -> {
            if (read.over) {
                return tooLarge(exchange);
            }
            ServerHttpRequest sized = new ServerHttpRequestDecorator(request) {
                @Override
                public HttpHeaders getHeaders() {
                    HttpHeaders headers = new HttpHeaders();
                    headers.putAll(super.getHeaders());
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                    headers.setContentLength(read.size);
                    return headers;
                }

                @Override
                public Flux<DataBuffer> getBody() {
                    return Flux.fromIterable(read.buffers);
                }
            };
            return chain.filter(exchange.mutate().request(sized).build());
        });
    }

    /** A chunked body read so far: kept while under the limit, thrown away (but still read to its end) once over it. */
    private final class Read {
        private final List<DataBuffer> buffers = new ArrayList<>();
        private long size;
        private boolean over;

        private Read add(DataBuffer buffer) {
            size += buffer.readableByteCount();
            if (!over && size > maxBytes) {
                over = true;
                buffers.forEach(DataBufferUtils::release);
                buffers.clear();
            }
            if (over) {
                DataBufferUtils.release(buffer);
            } else {
                buffers.add(buffer);
            }
            return this;
        }
    }

    /**
     * A client that asked {@code Expect: 100-continue} is answered at once and sends nothing more;
     * any other has sent its body already, and the answer must wait until it is read (and thrown
     * away), or the connection would be reset under the client before it reads the 413.
     */
    private Mono<Void> tooLargeAfterDiscarding(ServerWebExchange exchange) {
        if ("100-continue".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst(HttpHeaders.EXPECT))) {
            return tooLarge(exchange);
        }
        return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release).then(Mono.defer(() -> tooLarge(exchange)));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                "The request body is larger than the " + DataSize.ofBytes(maxBytes).toMegabytes()
                        + " MB Waypoint accepts. Split the file, or remove what is not data, and try again.");
    }
}
