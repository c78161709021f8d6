package org.waypoint.risk.risk.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;

/** Builds risks like seed 000's CHCJRISK01 unless told otherwise. */
public final class RiskFixture {

    public static final Instant NOW = Instant.parse("2021-08-02T09:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2021, 8, 2);
    public static final Person JAMIE = new Person("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example");

    public static RiskRegister register() {
        return RiskRegister.create("reg-1", "CHCJ Service Improvement Plan 2021/24", "East Ayrshire HSCP",
                "Children and Justice", Banding.DEFAULT, null, "priya.officer", NOW);
    }

    private RiskRegister register = register();
    private String code = "CHCJRISK01";
    private String category = "Public protection";
    private Rating current = new Rating(3, 5);
    private Rating target;
    private LocalDate nextReview;
    private final List<Mitigation> mitigations = new ArrayList<>();

    public static RiskFixture aRisk() {
        return new RiskFixture();
    }

    public RiskFixture in(RiskRegister register) {
        this.register = register;
        return this;
    }

    public RiskFixture code(String code) {
        this.code = code;
        return this;
    }

    public RiskFixture category(String category) {
        this.category = category;
        return this;
    }

    public RiskFixture current(int likelihood, int impact) {
        this.current = new Rating(likelihood, impact);
        return this;
    }

    public RiskFixture target(int likelihood, int impact) {
        this.target = new Rating(likelihood, impact);
        return this;
    }

    public RiskFixture nextReview(LocalDate date) {
        this.nextReview = date;
        return this;
    }

    public RiskFixture mitigation(String text, LocalDate due) {
        mitigations.add(new Mitigation(String.valueOf(mitigations.size() + 1), text, JAMIE, due, MitigationStatus.PLANNED,
                Mitigation.Reduces.LIKELIHOOD, null));
        return this;
    }

    public RiskDetails details() {
        return RiskDetails.of(code, "Failure to protect children & young people",
                "Increased demand for and complexity of public protection work related to the pandemic.", null, category,
                JAMIE, null);
    }

    public Risk.Changed raise() {
        return Risk.raise(RiskId.newId(), register, details(), new Ratings(null, current, target),
                ReviewCycle.starting(ReviewFrequency.MONTHLY, nextReview, TODAY), mitigations, "priya.officer", NOW, false);
    }

    public Risk build() {
        return raise().risk();
    }
}
