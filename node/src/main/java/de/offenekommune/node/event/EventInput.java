package de.offenekommune.node.event;

/** An event as staff submit it (form or JSON), unchecked; times as ISO-8601 text. */
public record EventInput(String title, String summary, String description, String startsAt, String endsAt,
                         String placeName, String placeAddress, Double latitude, Double longitude, Long projectId) {
}
