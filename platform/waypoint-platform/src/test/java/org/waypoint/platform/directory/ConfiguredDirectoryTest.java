package org.waypoint.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConfiguredDirectoryTest {

    static final Person SARAH = new Person("sarah.manager", "Sarah Campbell", "sarah.campbell@waypoint.example", null,
            List.of("Children and Justice"));
    static final Person JAMIE = new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example", "sarah.manager",
            List.of("Children and Justice"));
    static final Person DAVID = new Person("david.manager", "David Brown", "david.brown@waypoint.example", null,
            List.of("Adult and Older People"));
    static final Person MORAG = new Person("morag.lead", "Morag Clark", "morag.clark@waypoint.example", "david.manager",
            List.of("Adult and Older People"));
    static final Person ALEX = new Person("alex.auditor", "Alex Reid", "alex.reid@waypoint.example", null, null);

    final ConfiguredDirectory directory = new ConfiguredDirectory(List.of(SARAH, JAMIE, DAVID, MORAG, ALEX));

    @Test
    void findsSomeoneByTheirExactUsernameWithTheirManagerAndAreas() {
        Person jamie = directory.byUsername("jamie.lead").orElseThrow();

        assertThat(jamie.name()).isEqualTo("Jamie Wilson");
        assertThat(jamie.manager()).isEqualTo("sarah.manager");
        assertThat(jamie.worksIn("Children and Justice")).isTrue();
        assertThat(jamie.worksIn("Adult and Older People")).isFalse();
    }

    @Test
    void knowsNoOneByAnUnknownOrMissingUsername() {
        assertThat(directory.byUsername("olive.owner")).isEmpty();
        assertThat(directory.byUsername("Jamie.Lead")).isEmpty();
        assertThat(directory.byUsername(null)).isEmpty();
    }

    @Test
    void someoneWithoutAreasSaysNothingAboutWhereTheyWork() {
        Person alex = directory.byUsername("alex.auditor").orElseThrow();

        assertThat(alex.serviceAreas()).isEmpty();
        assertThat(alex.hasServiceAreas()).isFalse();
        assertThat(JAMIE.hasServiceAreas()).isTrue();
    }

    @Test
    void managersAreThePeopleSomeoneNamesAsTheirLineManagerOnceEach() {
        Person priya = new Person("priya.officer", "Priya Shah", "priya.shah@waypoint.example", "sarah.manager", List.of());
        Person orphan = new Person("new.starter", "New Starter", null, "someone.gone", List.of());
        ConfiguredDirectory withMore = new ConfiguredDirectory(List.of(SARAH, JAMIE, DAVID, MORAG, priya, orphan));

        assertThat(withMore.managers()).extracting(Person::username).containsExactly("sarah.manager", "david.manager");
    }

    @Test
    void noPeopleConfiguredIsAnEmptyDirectory() {
        ConfiguredDirectory empty = new ConfiguredDirectory(null);

        assertThat(empty.byUsername("jamie.lead")).isEmpty();
        assertThat(empty.managers()).isEmpty();
    }
}
