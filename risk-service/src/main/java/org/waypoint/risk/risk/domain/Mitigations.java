package org.waypoint.risk.risk.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.waypoint.platform.validation.InvalidInputException;

/** A risk's mitigations and controls, in the order they were added: at most {@value #MAX}. */
public record Mitigations(List<Mitigation> all) {

    public static final int MAX = 100;

    public Mitigations {
        all = all == null ? List.of() : List.copyOf(all);
    }

    /** The mitigations a new risk is raised with: 400 naming {@code mitigations} when there are too many. */
    public static Mitigations given(List<Mitigation> mitigations) {
        Mitigations given = new Mitigations(mitigations);
        if (given.all.size() > MAX) {
            throw new InvalidInputException("mitigations", "must be at most " + MAX);
        }
        return given;
    }

    public Optional<Mitigation> find(String id) {
        return all.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** These and {@code added}: 400 naming {@code mitigations} when there are {@value #MAX} already. */
    public Mitigations plus(Mitigation added) {
        if (all.size() >= MAX) {
            throw new InvalidInputException("mitigations", "a risk has at most " + MAX);
        }
        List<Mitigation> more = new ArrayList<>(all);
        more.add(added);
        return new Mitigations(more);
    }

    /** These with the mitigation of the same id replaced by {@code changed}. */
    public Mitigations replacing(Mitigation changed) {
        return new Mitigations(all.stream().map(m -> m.id().equals(changed.id()) ? changed : m).toList());
    }

    /** These with mitigation {@code id} remembered as announced overdue for its due date. */
    public Mitigations announcedOverdue(String id) {
        return new Mitigations(all.stream().map(m -> m.id().equals(id) ? m.announcedOverdue() : m).toList());
    }

    /** The usernames of the mitigations' owners, where known. */
    public List<String> ownerUsernames() {
        return all.stream().map(Mitigation::owner).filter(Objects::nonNull).map(Person::username)
                .filter(Objects::nonNull).toList();
    }
}
