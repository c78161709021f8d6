package org.waypoint.budget;

import java.util.List;

import org.waypoint.platform.security.Roles;
import org.waypoint.testsupport.TestKeycloak;

/** The README's demo users, as signed tokens. */
public record Users(String fiona, String jamie, String morag, String sarah, String david, String alex, String ruth) {

    public static Users of(TestKeycloak keycloak) {
        List<String> cj = List.of("Children and Justice");
        List<String> aop = List.of("Adult and Older People");
        return new Users(
                keycloak.token("fiona.finance", "fiona.grant@waypoint.example", List.of("Children and Justice", "Adult and Older People"),
                        Roles.FINANCE_OFFICER, Roles.STAFF),
                keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", cj, Roles.STAFF),
                keycloak.token("morag.lead", "morag.clark@waypoint.example", aop, Roles.STAFF),
                keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", cj, Roles.MANAGER, Roles.STAFF),
                keycloak.token("david.manager", "david.brown@waypoint.example", aop, Roles.MANAGER, Roles.STAFF),
                keycloak.token("alex.auditor", "alex.reid@waypoint.example", Roles.AUDITOR),
                keycloak.token("ruth.admin", "ruth.taylor@waypoint.example", Roles.ADMIN));
    }
}
