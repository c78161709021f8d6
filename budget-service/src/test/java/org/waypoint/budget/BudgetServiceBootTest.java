package org.waypoint.budget;

import org.junit.jupiter.api.Test;
import org.waypoint.testsupport.ServiceBootCheck;

class BudgetServiceBootTest {

    @Test
    void bootsAgainstMongoAndKafkaSettingsReportsHealthAndRefusesCallersWithoutAToken() {
        ServiceBootCheck.bootsSecuredAndHealthy(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME);
    }
}
