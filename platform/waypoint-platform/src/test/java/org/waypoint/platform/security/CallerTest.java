package org.waypoint.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CallerTest {

    private static final String CHILDREN = "Children and Justice";
    private static final String ADULTS = "Adult and Older People";

    private static Caller caller(String name, Set<String> areas, String... roles) {
        return new Caller(name, Set.of(roles), areas);
    }

    @Test
    void staffWriteWhatTheyOwnOrLeadAndNothingElse() {
        Caller jamie = caller("jamie.lead", Set.of(CHILDREN), Roles.STAFF);
        assertThat(jamie.mayWrite(Roles.PERFORMANCE_OFFICER, CHILDREN, List.of("jamie.lead", "sarah.manager"))).isTrue();
        assertThat(jamie.mayWrite(Roles.PERFORMANCE_OFFICER, CHILDREN, List.of("sarah.manager"))).isFalse();
    }

    @Test
    void managersWriteWithinTheirServiceAreaOnly() {
        Caller sarah = caller("sarah.manager", Set.of(CHILDREN), Roles.MANAGER, Roles.STAFF);
        assertThat(sarah.mayWrite(Roles.PERFORMANCE_OFFICER, CHILDREN, List.of())).isTrue();
        assertThat(sarah.mayWrite(Roles.PERFORMANCE_OFFICER, ADULTS, List.of())).isFalse();
        assertThat(sarah.mayWrite(Roles.PERFORMANCE_OFFICER, null, List.of())).isFalse();
    }

    @Test
    void theDomainsOfficerAndAdminsWriteAnywhereButOtherOfficersDoNot() {
        assertThat(caller("priya.officer", Set.of(), Roles.PERFORMANCE_OFFICER).mayWrite(Roles.PERFORMANCE_OFFICER, ADULTS, List.of())).isTrue();
        assertThat(caller("fiona.finance", Set.of(), Roles.FINANCE_OFFICER).mayWrite(Roles.PERFORMANCE_OFFICER, ADULTS, List.of())).isFalse();
        assertThat(caller("ruth.admin", Set.of(), Roles.ADMIN).mayWrite(Roles.FINANCE_OFFICER, ADULTS, List.of())).isTrue();
    }

    @Test
    void auditorsAndIntegratorsNeverWriteEvenWhatNamesThem() {
        assertThat(caller("alex.auditor", Set.of(CHILDREN), Roles.AUDITOR).mayWrite(Roles.PERFORMANCE_OFFICER, CHILDREN, "alex.auditor")).isFalse();
        assertThat(caller("bot", Set.of(), Roles.INTEGRATOR).mayWrite(Roles.PERFORMANCE_OFFICER, CHILDREN, "bot")).isFalse();
    }
}
