package de.offenekommune.node.project;

import java.util.List;

/**
 * A project as staff submit it (form or JSON), unchecked. Enumerations and dates stay text here so
 * one validator reports every bad field with its name. {@code phases} and {@code links}: null
 * keeps the stored ones (forms edit them one by one); a list replaces them (the API).
 */
public record ProjectInput(String kind, String title, String summary, String description, String locationName,
                           Double latitude, Double longitude, List<String> topics, String department,
                           List<PhaseInput> phases, List<LinkInput> links) {

    public record PhaseInput(String kind, String title, String description, String startsOn, String endsOn) {
    }

    public record LinkInput(String title, String url) {
    }
}
