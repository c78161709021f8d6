package org.waypoint.gateway;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.accept;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The portal's addresses (issue 18): a link in an email (/actions/&lt;id&gt;), a bookmark or a shared URL
 * of one of the portal's pages is answered with the portal's index.html, which turns the address into
 * its route. A browser not signed in is sent to sign in first and comes back to the same address
 * (the request is saved by the sign-in). Only the portal's own page addresses and only for a browser
 * asking for HTML: any other unknown path stays a 404 problem.
 */
@Configuration(proxyBeanMethods = false)
public class PortalAddresses {

    /** The first segments of the portal's pages (portal/src/App.tsx). */
    static final String[] PAGES = {"plans", "actions", "indicators", "risks", "budgets", "report", "notifications",
            "accessibility"};

    @Bean
    RouterFunction<ServerResponse> portalPages(@Value("classpath:/static/index.html") Resource index) {
        RequestPredicate page = null;
        for (String first : PAGES) {
            RequestPredicate these = GET("/" + first).or(GET("/" + first + "/**"));
            page = page == null ? these : page.or(these);
        }
        return RouterFunctions.route(page.and(accept(MediaType.TEXT_HTML)), request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .bodyValue(index));
    }
}
