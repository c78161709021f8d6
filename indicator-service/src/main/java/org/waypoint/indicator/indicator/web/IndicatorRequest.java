package org.waypoint.indicator.indicator.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.waypoint.indicator.indicator.application.IndicatorInput;

/**
 * The JSON body that defines an indicator ({@code POST /api/indicators}) or replaces its definition
 * ({@code PUT /api/indicators/{id}}). Unknown fields are refused.
 *
 * @param unit      percentage, count, money, days or ratio
 * @param polarity  higher is better, lower is better, or monitor only
 * @param frequency monthly, quarterly, six-monthly or annual
 * @param targets   per financial year: {"2021/22": "95%", "2022/23": "Increase"}; also "Reduce", "TBC", "n/a"
 * @param tolerance   the amber tolerance; absent uses the organisation's default
 * @param serviceArea every indicator has one; a manager may only name their own
 */
public record IndicatorRequest(
        @NotBlank @Size(max = 40) String code,
        @NotBlank @Size(max = IndicatorInput.MAX_NAME) String name,
        @Size(max = IndicatorInput.MAX_DESCRIPTION) String description,
        @NotBlank String unit,
        @NotBlank String polarity,
        @NotBlank String frequency,
        @Valid BaselineRequest baseline,
        @Size(max = 50) Map<String, String> targets,
        @Valid ToleranceRequest tolerance,
        @Valid OwnerRequest owner,
        // required (checked by the use case, after the caller's role, so that a caller who may not write gets 403)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Size(max = 200) String serviceArea,
        String theme,
        @Size(max = 20) List<String> outcomeLinks,
        @Valid BenchmarkRequest benchmark,
        @Size(max = 20) String newFrom) {

    public record BaselineRequest(@Size(max = 60) String value, @Size(max = 20) String period) {
    }

    /** kind: absolute (in the indicator's unit) or relative (percent of the target). */
    public record ToleranceRequest(String kind, BigDecimal amount) {
    }

    public record OwnerRequest(@Size(max = 200) String name, @Size(max = 100) String username,
                               @Email @Size(max = 254) String email) {
    }

    public record BenchmarkRequest(@Size(max = 100) String source, @Size(max = 60) String value) {
    }

    IndicatorInput toInput() {
        return new IndicatorInput(code, name, description, unit, polarity, frequency,
                baseline == null ? null : baseline.value(), baseline == null ? null : baseline.period(), targets,
                tolerance == null ? null : tolerance.kind(), tolerance == null ? null : tolerance.amount(),
                owner == null ? null : owner.name(), owner == null ? null : owner.username(),
                owner == null ? null : owner.email(), serviceArea, theme, outcomeLinks,
                benchmark == null ? null : benchmark.source(), benchmark == null ? null : benchmark.value(), newFrom);
    }
}
