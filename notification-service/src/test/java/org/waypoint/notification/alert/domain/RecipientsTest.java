package org.waypoint.notification.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecipientsTest {

    static final People PEOPLE = new People() {
        final Map<String, Person> all = Map.of(
                "jamie.lead", new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example", "sarah.manager", List.of()),
                "priya.officer", new Person("priya.officer", "Priya Shah", "priya.shah@waypoint.example", "sarah.manager", List.of()),
                "sarah.manager", new Person("sarah.manager", "Sarah Campbell", "sarah.campbell@waypoint.example", "helen.director", List.of()),
                "helen.director", new Person("helen.director", "Helen Ross", "helen.ross@waypoint.example", null, List.of()));

        @Override
        public Optional<Person> byUsername(String username) {
            return Optional.ofNullable(all.get(username));
        }

        @Override
        public List<Person> managers() {
            return List.of(all.get("sarah.manager"));
        }
    };
    static final EnumSet<Audience> LEADS_AND_MANAGERS = EnumSet.of(Audience.SUBJECT, Audience.MANAGER);

    @Test
    void theLeadAndTheirLineManagerAreEachListedOnce() {
        assertThat(Recipients.resolve(List.of(new PersonRef("Jamie Wilson", "jamie.lead", null)), LEADS_AND_MANAGERS, PEOPLE))
                .containsExactly(
                        new Recipient("jamie.wilson@waypoint.example", "jamie.lead", "Jamie Wilson", Audience.SUBJECT),
                        new Recipient("sarah.campbell@waypoint.example", "sarah.manager", "Sarah Campbell", Audience.MANAGER));
    }

    @Test
    void twoLeadsWithTheSameManagerGiveTheManagerOneEmail() {
        assertThat(Recipients.resolve(List.of(new PersonRef("Jamie Wilson", "jamie.lead", null),
                new PersonRef("Priya Shah", "priya.officer", null)), LEADS_AND_MANAGERS, PEOPLE))
                .extracting(Recipient::email).containsExactly("jamie.wilson@waypoint.example",
                        "sarah.campbell@waypoint.example", "priya.shah@waypoint.example");
    }

    @Test
    void aRoleWithoutAnEmailAlertsNobodyAndAnEmailWithoutAUsernameAlertsOnlyThatAddress() {
        assertThat(Recipients.resolve(List.of(new PersonRef("Senior Manager", null, null)), LEADS_AND_MANAGERS, PEOPLE)).isEmpty();
        assertThat(Recipients.resolve(List.of(new PersonRef("Ann", null, "ann@partner.example")), LEADS_AND_MANAGERS, PEOPLE))
                .extracting(Recipient::email).containsExactly("ann@partner.example");
    }

    @Test
    void aLeadWhoIsAlsoAnotherLeadsManagerIsToldAsALead() {
        assertThat(Recipients.resolve(List.of(new PersonRef("Jamie Wilson", "jamie.lead", null),
                new PersonRef("Sarah Campbell", "sarah.manager", null)), LEADS_AND_MANAGERS, PEOPLE))
                .filteredOn(r -> r.username().equals("sarah.manager")).extracting(Recipient::audience)
                .containsExactly(Audience.MANAGER);
    }

    @Test
    void escalationGoesToTheManagersManagerOnly() {
        assertThat(Recipients.resolve(List.of(new PersonRef("Jamie Wilson", "jamie.lead", null)),
                EnumSet.of(Audience.MANAGERS_MANAGER), PEOPLE))
                .containsExactly(new Recipient("helen.ross@waypoint.example", "helen.director", "Helen Ross", Audience.MANAGERS_MANAGER));
    }

    @Test
    void anUnreachableDirectoryIsNotMistakenForNobody() {
        People down = new People() {
            @Override
            public Optional<Person> byUsername(String username) {
                throw new DirectoryUnavailableException("connection refused", null);
            }

            @Override
            public List<Person> managers() {
                throw new DirectoryUnavailableException("connection refused", null);
            }
        };
        assertThatThrownBy(() -> Recipients.resolve(List.of(new PersonRef("Jamie", "jamie.lead", "j@w.example")),
                LEADS_AND_MANAGERS, down)).isInstanceOf(DirectoryUnavailableException.class);
    }
}
