package org.waypoint.indicator;

import org.junit.jupiter.api.Test;
import org.waypoint.testsupport.ServiceBootCheck;

class IndicatorServiceBootTest {

    @Test
    void bootsAgainstMongoAndKafkaSettingsReportsHealthAndRefusesCallersWithoutAToken() {
        ServiceBootCheck.bootsSecuredAndHealthy(IndicatorServiceApplication.class, IndicatorServiceApplication.CONFIG_NAME);
    }
}
