package de.offenekommune.federation.nodeinfo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The figures of a NodeInfo 2.1 document; the application supplies them. */
public record NodeInfo(String softwareName, String softwareVersion, String repository, String homepage,
                       boolean openRegistrations, long usersTotal, long usersActiveMonth, long usersActiveHalfyear,
                       long localPosts, ObjectNode metadata) {
}
