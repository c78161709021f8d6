package org.waypoint.risk.risk.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.waypoint.platform.security.Caller;
import org.waypoint.risk.risk.application.ServiceAreaRule.Place;

/** The one write rule, without HTTP: the register's and the risk's service areas, before and after. */
class ServiceAreaRuleTest {

    private static final String CJ = "Children and Justice";
    private static final String AOP = "Adult and Older People";
    private static final Place HERE = new Place(CJ, CJ);

    private final Caller officer = new Caller("priya.officer", Set.of("performance-officer", "staff"), Set.of());
    private final Caller manager = new Caller("sarah.manager", Set.of("manager", "staff"), Set.of(CJ));
    private final Caller owner = new Caller("jamie.lead", Set.of("staff"), Set.of(CJ));
    private final Caller auditor = new Caller("alex.auditor", Set.of("auditor"), Set.of(CJ));

    @Test
    void anOwnerChangesTheirRiskWhereItIsEvenInAnotherAreaButNeverPutsOneOutsideTheAreasTheyWorkIn() {
        List<String> owners = List.of("jamie.lead");
        Place elsewhere = new Place(AOP, AOP);
        assertThatCode(() -> ServiceAreaRule.requireMayChange(owner, elsewhere, elsewhere, owners)).doesNotThrowAnyException();
        assertThatCode(() -> ServiceAreaRule.requireMayRaise(owner, HERE, "jamie.lead")).doesNotThrowAnyException();

        assertThatThrownBy(() -> ServiceAreaRule.requireMayChange(owner, HERE, new Place(CJ, AOP), owners))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayChange(owner, HERE, new Place(AOP, CJ), owners))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayRaise(owner, new Place(AOP, AOP), "jamie.lead"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayRaise(owner, HERE, "morag.lead"))
                .as("staff raising a risk someone else owns").isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aManagerWritesOnlyWhereBothTheRegistersAndTheRisksAreasAreTheirs() {
        assertThatCode(() -> ServiceAreaRule.requireMayChange(manager, HERE, HERE, List.of())).doesNotThrowAnyException();
        assertThatThrownBy(() -> ServiceAreaRule.requireMayChange(manager, new Place(CJ, AOP), new Place(CJ, AOP), List.of()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayRaise(manager, new Place(AOP, CJ), "sarah.manager"))
                .as("even as its owner").isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayChangeRegister(manager, AOP)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ServiceAreaRule.requireMayChangeRegister(manager, null))
                .as("an organisation-wide register").isInstanceOf(AccessDeniedException.class);
        assertThatCode(() -> ServiceAreaRule.requireMayChangeRegister(manager, CJ)).doesNotThrowAnyException();
    }

    @Test
    void officersWriteAnywhereAndAuditorsNowhere() {
        assertThatCode(() -> ServiceAreaRule.requireMayChange(officer, HERE, new Place(AOP, AOP), List.of())).doesNotThrowAnyException();
        assertThatCode(() -> ServiceAreaRule.requireMayChangeRegister(officer, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ServiceAreaRule.requireMayChange(auditor, HERE, HERE, List.of("alex.auditor")))
                .isInstanceOf(AccessDeniedException.class);
    }
}
