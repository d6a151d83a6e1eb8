package de.offenekommune.node.project;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the project page shows of the project itself: phases in order, links, latest news, and
 * which other parts it has (events, surveys, statements: the page loads only those).
 */
public record ProjectDetail(Project project, List<Phase> phases, List<ProjectLink> links, List<News> news,
                            boolean moreNews, LocalDate today, ProjectParts present) {

    public Phase currentPhase() {
        Phase current = null;
        for (Phase p : phases) {
            if (p.current(today) && (current == null || !p.startsOn().isBefore(current.startsOn()))) {
                current = p;
            }
        }
        return current;
    }
}
