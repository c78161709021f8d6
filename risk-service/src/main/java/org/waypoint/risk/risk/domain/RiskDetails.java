package org.waypoint.risk.risk.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;
import org.waypoint.risk.register.domain.RiskRegister;

/**
 * What a risk is and who owns it. {@link #of} validates what a person gives (400 naming the field):
 * the code is 1-40 letters, digits, '.', '_', '/' or '-' and is kept upper case; the title is not
 * blank and at most 300 characters; one-line fields (code, title, category, service area) carry no
 * control character, the description and risk factors may keep line breaks and tabs, and a blank
 * one is none. The canonical constructor asks only for a code and a title, so that risks stored
 * before these rules (or by another writer) still read as they are. That the category is one of the
 * register's and that the risk has a service area is checked where the risk is put in a register
 * ({@link #in}).
 */
public record RiskDetails(String code, String title, String description, String riskFactors, String category,
                          Person owner, String serviceArea) {

    public static final int MAX_CODE = 40;
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 5000;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    public RiskDetails {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
    }

    /** The details as a person gave them, checked and normalised: 400 naming the first field that is wrong. */
    public static RiskDetails of(String code, String title, String description, String riskFactors, String category,
                                 Person owner, String serviceArea) {
        String checkedCode = checkCode(code);
        String checkedTitle = checkTitle(title);
        String checkedDescription = checkText(description, "description");
        String checkedRiskFactors = checkText(riskFactors, "riskFactors");
        Text.oneLine("category", category);
        Text.oneLine("serviceArea", serviceArea);
        return new RiskDetails(checkedCode, checkedTitle, checkedDescription, checkedRiskFactors, category, owner, serviceArea);
    }

    /**
     * These details as they stand in {@code register}: the category in the register's spelling (400
     * naming {@code category} if it has no such category) and the service area given, else the
     * register's ({@link #serviceAreaIn}).
     */
    public RiskDetails in(RiskRegister register) {
        return new RiskDetails(code, title, description, riskFactors, register.category(category, "category"), owner,
                serviceAreaIn(register, serviceArea));
    }

    /** The code upper case; 400 naming {@code code} unless it is 1-40 letters, digits, '.', '_', '/' or '-'. */
    public static String checkCode(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "must not be blank");
        }
        Text.oneLine("code", code);
        String c = code.strip().toUpperCase(Locale.ROOT);
        if (c.length() > MAX_CODE || !CODE.matcher(c).matches()) {
            throw new InvalidInputException("code", "must be 1-" + MAX_CODE + " letters, digits, '.', '_', '/' or '-'");
        }
        return c;
    }

    /**
     * The service area a risk raised in {@code register} has: the one given, else the register's. A
     * risk always has one: 400 naming {@code serviceArea} when neither gives it.
     */
    public static String serviceAreaIn(RiskRegister register, String serviceArea) {
        Text.oneLine("serviceArea", serviceArea);
        String area = serviceArea == null || serviceArea.isBlank() ? register.serviceArea() : serviceArea.strip();
        if (area == null || area.isBlank()) {
            throw new InvalidInputException("serviceArea", "must be given: register '" + register.name()
                    + "' has no service area of its own, and a risk always has one");
        }
        return area;
    }

    static String checkTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("title", "must not be blank");
        }
        Text.oneLine("title", title);
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException("title", "must be at most " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    static String checkText(String text, String field) {
        Text.multiLine(field, text);
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text == null || text.isBlank() ? null : text.strip();
    }
}
