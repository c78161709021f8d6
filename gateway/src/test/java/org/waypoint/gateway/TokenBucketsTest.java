package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final TokenBuckets buckets = new TokenBuckets(new GatewayProperties.Limit(2, 4), now::get);

    @Test
    void aBurstIsAllowedThenTheCallerIsToldHowLongToWait() {
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("sub:a")).isZero();
        }
        assertThat(buckets.take("sub:a")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheSteadyRateUpToTheBurst() {
        for (int i = 0; i < 4; i++) {
            buckets.take("sub:a");
        }
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("sub:a")).isZero();
        assertThat(buckets.take("sub:a")).isEqualTo(Duration.ofMillis(500));

        now.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int i = 0; i < 4; i++) {
            assertThat(buckets.take("sub:a")).isZero();
        }
        assertThat(buckets.take("sub:a")).isPositive();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        for (int i = 0; i < 4; i++) {
            buckets.take("sub:a");
        }
        assertThat(buckets.take("sub:b")).isZero();
    }

    @Test
    void aTokenGivenBackCanBeTakenAgain() {
        for (int i = 0; i < 4; i++) {
            buckets.take("sub:a");
        }
        buckets.giveBack("sub:a");
        assertThat(buckets.take("sub:a")).isZero();
    }

    @Test
    void bucketsIdleLongEnoughToBeFullAreForgotten() {
        buckets.take("sub:a");
        buckets.take("sub:b");
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        buckets.take("sub:c");
        assertThat(buckets.size()).isEqualTo(1);
    }

    @Test
    void aLimitNeedsARateAndABurst() {
        assertThatThrownBy(() -> new GatewayProperties.Limit(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GatewayProperties.Limit(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
