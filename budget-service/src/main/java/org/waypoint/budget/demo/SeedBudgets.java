package org.waypoint.budget.demo;

import java.util.List;

/**
 * The budgets published in the seed documents (public council papers), line by line, in pounds.
 * Stated totals are left out on purpose: totals are computed. Seed 000 prints an EAC total of
 * 26.471 that its own lines contradict (they add to 26.748); the import check reports it.
 */
public final class SeedBudgets {

    /** One seed line: a division (or a project for capital), its funder, category and amount. */
    public record SeedLine(String organisation, String year, String division, String fundingSource, String type, String project,
                           String category, String amount) {
    }

    public static final String EAST_AYRSHIRE = "East Ayrshire Health and Social Care Partnership";
    public static final String SOUTH_LANARKSHIRE = "South Lanarkshire Council";
    public static final String DUMFRIES_AND_GALLOWAY = "Dumfries and Galloway Council";

    private SeedBudgets() {
    }

    /** Seed 000: Children's Health, Care and Justice Service, indicative budget 2021/22 by division and funder (£m to 3 places). */
    public static List<SeedLine> eastAyrshire() {
        String y = "2021/22";
        return List.of(
                net(EAST_AYRSHIRE, y, "Adult Support & Protection", "EAC Delegated", "185000"),
                net(EAST_AYRSHIRE, y, "Child Protection Committee", "EAC Delegated", "115000"),
                net(EAST_AYRSHIRE, y, "Prison and Police Healthcare", "NHS A&A Delegated", "3338000"),
                net(EAST_AYRSHIRE, y, "Children & Families / Women's Services", "EAC Delegated", "18383000"),
                net(EAST_AYRSHIRE, y, "Outwith / Secure Placements", "EAC Delegated", "5568000"),
                net(EAST_AYRSHIRE, y, "Justice Services", "EAC Delegated", "1933000"),
                net(EAST_AYRSHIRE, y, "Health Visiting", "NHS A&A Delegated", "3313000"),
                net(EAST_AYRSHIRE, y, "Learning and Development", "EAC Delegated", "287000"),
                net(EAST_AYRSHIRE, y, "Social Work OOH (Standby Services)", "EAC Delegated", "277000"));
    }

    /** Seed 003: Social Work Resources 2021-22, net revenue budget by service and capital programme by project. */
    public static List<SeedLine> southLanarkshire() {
        String y = "2021/22";
        return List.of(
                net(SOUTH_LANARKSHIRE, y, "Performance and Support Services", "Council", "8024000"),
                net(SOUTH_LANARKSHIRE, y, "Adult and Older People", "Council", "131773000"),
                net(SOUTH_LANARKSHIRE, y, "Children and Families", "Council", "34381000"),
                net(SOUTH_LANARKSHIRE, y, "Justice and Substance Misuse", "Council", "1585000"),
                new SeedLine(SOUTH_LANARKSHIRE, y, "Adult and Older People", "Council", "CAPITAL", "Replacement Care Facilities - Blantyre", null, "6539000"),
                new SeedLine(SOUTH_LANARKSHIRE, y, "Adult and Older People", "Council", "CAPITAL", "Community Alarms", null, "300000"));
    }

    /** Seed 004, appendix 3: Social Work Services budget estimates 2019/20, subjective analysis by service. */
    public static List<SeedLine> dumfriesAndGalloway() {
        String[] divisions = {"Adults Non IJB Services", "Children & Families Social Care", "Criminal Justice Services",
                "Public Protection", "Social Work Service Strategy"};
        String[][] rows = {
                {"STAFF", "901859", "6752177", "2699727", "104779", "1467861"},
                {"PROPERTY", "0", "37577", "84158", "0", "0"},
                {"TRANSPORT", "4320", "93361", "104664", "890", "18043"},
                {"SUPPLIES_AND_SERVICES", "9653", "146353", "256143", "910", "39988"},
                {"PAYMENTS_TO_OTHER_BODIES", "1538", "10268423", "213462", "0", "48593"},
                {"FEES_AND_CHARGES", "0", "-243922", "-7100", "0", "-64076"},
                {"GOVERNMENT_GRANTS", "0", "0", "-213823", "0", "0"},
                {"OTHER_GRANTS", "-61364", "-203171", "-209051", "-50000", "-150000"},
                {"INTERNAL_RECHARGES", "0", "-5000", "0", "0", "0"}};
        List<SeedLine> lines = new java.util.ArrayList<>();
        for (String[] row : rows) {
            for (int i = 0; i < divisions.length; i++) {
                if (!"0".equals(row[i + 1])) {
                    lines.add(new SeedLine(DUMFRIES_AND_GALLOWAY, "2019/20", divisions[i], "Council", "REVENUE", null, row[0], row[i + 1]));
                }
            }
        }
        return List.copyOf(lines);
    }

    public static List<SeedLine> all() {
        List<SeedLine> all = new java.util.ArrayList<>(eastAyrshire());
        all.addAll(southLanarkshire());
        all.addAll(dumfriesAndGalloway());
        return List.copyOf(all);
    }

    private static SeedLine net(String organisation, String year, String division, String funder, String amount) {
        return new SeedLine(organisation, year, division, funder, "REVENUE", null, null, amount);
    }
}
