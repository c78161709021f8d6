package org.waypoint.risk.register.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;
import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.RiskRegister;

/** JSON bodies of the registers API. */
public final class RegisterRequests {

    private RegisterRequests() {
    }

    public record RangeRequest(@NotNull Band band, @NotNull @Min(1) @Max(25) Integer from, @NotNull @Min(1) @Max(25) Integer to) {
    }

    /** Either score ranges or five rows (likelihood 1-5) of five cells (impact 1-5). */
    public record BandingRequest(@Size(max = 25) List<@NotNull @Valid RangeRequest> ranges, @Size(max = 5) List<List<Band>> cells) {
        Banding toBanding() {
            if ((ranges == null) == (cells == null)) {
                throw new InvalidInputException("banding", "give either ranges or cells");
            }
            return ranges != null
                    ? Banding.byScoreRanges(ranges.stream().map(r -> new Banding.ScoreRange(r.band(), r.from(), r.to())).toList())
                    : Banding.byCells(cells);
        }
    }

    public record CategoryRequest(@NotBlank @Size(max = RiskRegister.MAX_CATEGORY) String name, Band highestAcceptableBand,
                                  @Min(1) @Max(25) Integer highestAcceptableScore) {
    }

    static Map<String, Appetite> categories(List<CategoryRequest> categories) {
        if (categories == null) {
            return null;
        }
        Map<String, Appetite> map = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            CategoryRequest c = categories.get(i);
            Text.oneLine("categories[" + i + "].name", c.name());
            if (map.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(c.name().strip()))) {
                throw new InvalidInputException("categories[" + i + "].name", "'" + c.name() + "' is given twice");
            }
            try {
                map.put(c.name().strip(), new Appetite(c.highestAcceptableBand(), c.highestAcceptableScore()));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("categories[" + i + "]", e.getMessage());
            }
        }
        return map;
    }

    public record CreateRegisterRequest(@NotBlank @Size(max = RiskRegister.MAX_NAME) String name,
                                        @Size(max = 200) String organisation,
                                        @Size(max = 200) String serviceArea,
                                        @Valid BandingRequest banding,
                                        @Size(max = 50) List<@NotNull @Valid CategoryRequest> categories) {
    }

    public record ChangeBandingRequest(@Size(max = 25) List<@NotNull @Valid RangeRequest> ranges, @Size(max = 5) List<List<Band>> cells,
                                       @NotBlank @Size(max = RiskRegister.MAX_JUSTIFICATION) String justification) {
        Banding toBanding() {
            return new BandingRequest(ranges, cells).toBanding();
        }
    }

    public record ChangeCategoriesRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid CategoryRequest> categories,
                                          @NotBlank @Size(max = RiskRegister.MAX_JUSTIFICATION) String justification) {
    }
}
