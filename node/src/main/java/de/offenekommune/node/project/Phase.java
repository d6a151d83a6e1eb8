package de.offenekommune.node.project;

import java.time.LocalDate;

/** One dated stage of a project; {@code endsOn} is the last day of the phase. */
public record Phase(long id, long projectId, PhaseKind kind, String title, String description, LocalDate startsOn,
                    LocalDate endsOn) {

    public enum Status {
        DONE, CURRENT, UPCOMING
    }

    public Status status(LocalDate today) {
        if (today.isBefore(startsOn)) {
            return Status.UPCOMING;
        }
        return today.isAfter(endsOn) ? Status.DONE : Status.CURRENT;
    }

    public boolean current(LocalDate today) {
        return status(today) == Status.CURRENT;
    }

    public boolean hasTitle() {
        return title != null && !title.isBlank();
    }
}
