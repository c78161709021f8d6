package org.waypoint.budget.line.domain;

/**
 * What the money is spent on or comes from (the "subjective analysis" of seed 004). Expenditure
 * amounts are positive; income is entered as a negative amount, as councils print it in brackets.
 * A line without a category is a net budget (seeds 000 and 003 publish only net figures).
 */
public enum SubjectiveCategory {
    STAFF(false, "Staff Costs"),
    PROPERTY(false, "Property Costs"),
    TRANSPORT(false, "Transport Costs"),
    SUPPLIES_AND_SERVICES(false, "Supplies, Services and Administration Costs"),
    PAYMENTS_TO_OTHER_BODIES(false, "Payments to Other Bodies"),
    FEES_AND_CHARGES(true, "Fees and Charges"),
    GOVERNMENT_GRANTS(true, "Government Grants"),
    OTHER_GRANTS(true, "Other Grants"),
    INTERNAL_RECHARGES(true, "Internal Recharge Income");

    private final boolean income;
    private final String label;

    SubjectiveCategory(boolean income, String label) {
        this.income = income;
        this.label = label;
    }

    public boolean isIncome() {
        return income;
    }

    /** As budget papers print it. */
    public String label() {
        return label;
    }
}
