package org.waypoint.risk.register.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * A risk register (a service's, a plan's): its categories with the appetite for each, and the
 * banding of its 5x5 matrix. Changing the banding or an appetite is recorded (who, when, why) and
 * raises the {@link #frameworkRevision()}: every risk of the register evaluated at an older
 * revision is re-banded.
 */
public final class RiskRegister {

    public static final int MAX_NAME = 300;
    public static final int MAX_CATEGORY = 100;
    public static final int MAX_JUSTIFICATION = 2000;

    /** Categories a register gets when none are given, each with its appetite. */
    public static final Map<String, Appetite> DEFAULT_CATEGORIES;

    static {
        Map<String, Appetite> defaults = new LinkedHashMap<>();
        defaults.put("Public protection", Appetite.upToBand(Band.MEDIUM));
        defaults.put("Service delivery", Appetite.upToBand(Band.HIGH));
        defaults.put("Workforce", Appetite.upToBand(Band.HIGH));
        defaults.put("Financial", Appetite.upToBand(Band.HIGH));
        defaults.put("Strategic", Appetite.upToBand(Band.HIGH));
        defaults.put("Information and technology", Appetite.upToBand(Band.MEDIUM));
        defaults.put("Reputational", Appetite.upToBand(Band.HIGH));
        DEFAULT_CATEGORIES = java.util.Collections.unmodifiableMap(defaults);
    }

    /** One recorded change to the register's framework. */
    public record Change(Instant at, String by, String what, String justification, String before, String after) {
    }

    private final String id;
    private final String name;
    private final String organisation;
    private final String serviceArea;
    private final Banding banding;
    private final Map<String, Appetite> categories;
    private final int frameworkRevision;
    private final List<Change> changes;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private RiskRegister(String id, String name, String organisation, String serviceArea, Banding banding,
                         Map<String, Appetite> categories, int frameworkRevision, List<Change> changes,
                         String createdBy, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.organisation = organisation;
        this.serviceArea = serviceArea;
        this.banding = Objects.requireNonNull(banding);
        this.categories = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(categories));
        this.frameworkRevision = frameworkRevision;
        this.changes = List.copyOf(changes);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    public static RiskRegister create(String name, String organisation, String serviceArea, Banding banding,
                                      Map<String, Appetite> categories, String createdBy, Instant now) {
        return create(UUID.randomUUID().toString(), name, organisation, serviceArea, banding, categories, createdBy, now);
    }

    public static RiskRegister create(String id, String name, String organisation, String serviceArea, Banding banding,
                                      Map<String, Appetite> categories, String createdBy, Instant now) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "must not be blank");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME + " characters");
        }
        Text.oneLine("name", name);
        Text.oneLine("organisation", organisation);
        Text.oneLine("serviceArea", serviceArea);
        organisation = organisation == null || organisation.isBlank() ? null : organisation.strip();
        serviceArea = serviceArea == null || serviceArea.isBlank() ? null : serviceArea.strip();
        Map<String, Appetite> checked = checkCategories(categories == null || categories.isEmpty() ? DEFAULT_CATEGORIES : categories);
        Banding used = banding == null ? Banding.DEFAULT : banding;
        return new RiskRegister(id, name.strip(), organisation, serviceArea, used, checked, 1,
                List.of(new Change(now, createdBy, "CREATED", null, null, "banding " + used.describe())),
                createdBy, now, 0);
    }

    public static RiskRegister restore(String id, String name, String organisation, String serviceArea, Banding banding,
                                       Map<String, Appetite> categories, int frameworkRevision, List<Change> changes,
                                       String createdBy, Instant createdAt, long version) {
        return new RiskRegister(id, name, organisation, serviceArea, banding, categories, frameworkRevision, changes,
                createdBy, createdAt, version);
    }

    private static Map<String, Appetite> checkCategories(Map<String, Appetite> categories) {
        Map<String, Appetite> checked = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        categories.forEach((category, appetite) -> {
            if (category == null || category.isBlank() || category.length() > MAX_CATEGORY) {
                throw new InvalidInputException("categories", "a category name must be 1-" + MAX_CATEGORY + " characters");
            }
            Text.oneLine("categories", category);
            String key = category.strip().toLowerCase(Locale.ROOT);
            if (seen.contains(key)) {
                throw new InvalidInputException("categories", "'" + category + "' is given twice");
            }
            if (appetite == null) {
                throw new InvalidInputException("categories." + category, "needs an appetite");
            }
            seen.add(key);
            checked.put(category.strip(), appetite);
        });
        return checked;
    }

    private static String requireJustification(String justification) {
        if (justification == null || justification.isBlank()) {
            throw new InvalidInputException("justification", "must say why");
        }
        if (justification.length() > MAX_JUSTIFICATION) {
            throw new InvalidInputException("justification", "must be at most " + MAX_JUSTIFICATION + " characters");
        }
        Text.multiLine("justification", justification);
        return justification.strip();
    }

    /** The register with a new banding; its risks must then be re-banded (revision goes up). */
    public RiskRegister changeBanding(Banding newBanding, String justification, String by, Instant now) {
        Objects.requireNonNull(newBanding);
        String why = requireJustification(justification);
        if (newBanding.equals(banding)) {
            throw new InvalidInputException("banding", "is the same as the register's banding");
        }
        List<Change> recorded = new ArrayList<>(changes);
        recorded.add(new Change(now, by, "BANDING_CHANGED", why, banding.describe(), newBanding.describe()));
        return new RiskRegister(id, name, organisation, serviceArea, newBanding, categories, frameworkRevision + 1,
                recorded, createdBy, createdAt, version);
    }

    /** The register with new categories and appetites; its risks are then re-evaluated against their appetite. */
    public RiskRegister changeCategories(Map<String, Appetite> newCategories, String justification, String by, Instant now) {
        String why = requireJustification(justification);
        if (newCategories == null || newCategories.isEmpty()) {
            throw new InvalidInputException("categories", "must name at least one category");
        }
        Map<String, Appetite> checked = checkCategories(newCategories);
        List<Change> recorded = new ArrayList<>(changes);
        recorded.add(new Change(now, by, "APPETITE_CHANGED", why, describe(categories), describe(checked)));
        return new RiskRegister(id, name, organisation, serviceArea, banding, checked, frameworkRevision + 1,
                recorded, createdBy, createdAt, version);
    }

    private static String describe(Map<String, Appetite> categories) {
        return String.join("; ", categories.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue().describe()).toList());
    }

    /** The register's spelling of a category, matched ignoring case; 400 naming {@code field} if it has none. */
    public String category(String category, String field) {
        if (category == null || category.isBlank()) {
            throw new InvalidInputException(field, "must not be blank: use one of " + categories.keySet());
        }
        return categories.keySet().stream()
                .filter(c -> c.equalsIgnoreCase(category.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "'" + category + "' is not a category of register '"
                        + name + "': use one of " + categories.keySet()));
    }

    public Appetite appetiteFor(String category) {
        return categories.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(category))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    public Assessment assess(Rating rating) {
        return rating == null ? null : Assessment.of(rating, banding);
    }

    public String id() { return id; }
    public String name() { return name; }
    public String organisation() { return organisation; }
    public String serviceArea() { return serviceArea; }
    public Banding banding() { return banding; }
    public Map<String, Appetite> categories() { return categories; }
    public int frameworkRevision() { return frameworkRevision; }
    public List<Change> changes() { return changes; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
