package org.waypoint.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.waypoint.platform.directory.DirectoryUnavailableException;

class DirectoryUnavailableProblemTest {

    @Test
    void anUnreachableDirectoryIs503ProblemJsonSayingNothingChangedWithoutItsInternals() {
        ResponseEntity<ProblemDetail> answer = new ProblemDetailsAdvice().directoryUnavailable(
                new DirectoryUnavailableException("Keycloak could not be asked about jamie.lead: Connection refused",
                        new java.net.ConnectException("Connection refused")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(answer.getBody().getTitle()).isEqualTo("Directory unavailable");
        assertThat(answer.getBody().getDetail()).contains("Nothing was changed").doesNotContain("jamie.lead", "refused");
    }
}
