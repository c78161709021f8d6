package org.waypoint.budget.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.waypoint.budget.BudgetServiceFixture;
import org.waypoint.budget.Http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The local profile loads the three seed budgets with a year of monitoring, once. */
class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final BudgetServiceFixture budget = BudgetServiceFixture.of("budgets-demo-test").with("spring.profiles.active", "local");

    @Test
    void theSeedBudgetsAreLoadedOnceWithTheirTotalsComputedExactly() {
        assertThat(budget.storedLines()).isEqualTo(46);
        assertThat(budget.app().getBean(DemoData.class).load()).as("idempotent").isZero();
        assertThat(budget.storedLines()).isEqualTo(46);

        // seed 000: the lines add to 26.748 + 6.651 = 33.399 (£m)
        JsonNode eastAyrshire = get("/totals?by=fundingSource&organisation=East%20Ayrshire%20Health%20and%20Social%20Care%20Partnership");
        assertThat(eastAyrshire.path("groups").findValuesAsString("budget")).containsExactly("26748000.00", "6651000.00");
        assertThat(eastAyrshire.path("total").path("budget").asString()).isEqualTo("33399000.00");

        // seed 003: revenue shares as printed, capital £6.839m
        JsonNode shares = get("/shares?by=division&organisation=South%20Lanarkshire%20Council&type=REVENUE");
        assertThat(shares.path("total").asString()).isEqualTo("175763000.00");
        assertThat(shares.path("shares").findValues("percent").stream().map(JsonNode::asInt).toList()).containsExactly(75, 19, 1, 5);
        assertThat(get("/totals?by=project&type=CAPITAL").path("total").path("budget").asString()).isEqualTo("6839000.00");

        // seed 004: expenditure 23,254,479 less income 1,207,507 = 22,046,972
        JsonNode dg = get("/totals?by=kind&year=2019/20");
        assertThat(dg.path("groups").findValuesAsString("budget")).containsExactly("23254479.00", "-1207507.00");
        assertThat(dg.path("total").path("budget").asString()).isEqualTo("22046972.00");
        assertThat(dg.path("sharesNote").asString()).contains("No shares");
    }

    @Test
    void theYearOfMonitoringShowsAnOverspendInSecurePlacements() {
        JsonNode red = get("/lines?status=RED&size=50");
        assertThat(red.path("items").findValuesAsString("division"))
                .contains("Outwith / Secure Placements", "Children & Families Social Care");
        JsonNode placements = get("/lines?division=Outwith%20/%20Secure%20Placements").path("items").get(0);
        assertThat(placements.path("monitoring")).hasSize(4);
        assertThat(placements.path("latest").path("period").asString()).isEqualTo("2021/22 Q4");
        assertThat(placements.path("latest").path("variancePercent").asString()).isEqualTo("4.20");
        assertThat(placements.path("holder").path("username").asString()).isEqualTo("jamie.lead");
        JsonNode byDivision = get("/totals?by=division&organisation=East%20Ayrshire%20Health%20and%20Social%20Care%20Partnership");
        assertThat(byDivision.path("groups").findValuesAsString("status")).contains("RED", "AMBER", "GREEN");
    }

    private static JsonNode get(String path) {
        var response = Http.get(budget.base() + path, budget.users().alex());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
