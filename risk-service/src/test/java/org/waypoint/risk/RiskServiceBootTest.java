package org.waypoint.risk;

import org.junit.jupiter.api.Test;
import org.waypoint.testsupport.ServiceBootCheck;

class RiskServiceBootTest {

    @Test
    void bootsAgainstMongoAndKafkaSettingsReportsHealthAndRefusesCallersWithoutAToken() {
        ServiceBootCheck.bootsSecuredAndHealthy(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME);
    }
}
