package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdFilterTest {

    @Test
    void aVersion00TraceparentWithNonZeroIdsIsKept() {
        assertThat(RequestIdFilter.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(RequestIdFilter.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(RequestIdFilter.validTraceparent(null)).isFalse();
        assertThat(RequestIdFilter.validTraceparent("")).isFalse();
        assertThat(RequestIdFilter.validTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isFalse();
        assertThat(RequestIdFilter.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isFalse();
        assertThat(RequestIdFilter.validTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(RequestIdFilter.validTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isFalse();
        assertThat(RequestIdFilter.validTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra")).isFalse();
    }

    @Test
    void aNewTraceparentIsValidAndDifferentEachTime() {
        String one = RequestIdFilter.newTraceparent();
        assertThat(RequestIdFilter.validTraceparent(one)).isTrue();
        assertThat(RequestIdFilter.newTraceparent()).isNotEqualTo(one);
    }
}
