package de.offenekommune.node.region;

import de.offenekommune.node.activitypub.neighbourhood.Neighbour;

/**
 * A member as the pages show it: with its official name and whether it accepted the region's follow.
 *
 * @param name  the name from the official list (the key, if the list does not know it any more)
 * @param state null while its actor has not been found
 */
public record MemberView(RegionMember member, String name, Neighbour.State state) {

    public String ags() {
        return member.ags();
    }

    /** Followed and confirmed: its content and figures reach the region. */
    public boolean connected() {
        return state == Neighbour.State.ACCEPTED;
    }

    /** The message key of the member's connection state. */
    public String stateKey() {
        if (state != null) {
            return "region.member.state." + state.name();
        }
        return member.lastError() == null ? "region.member.state.LOOKUP" : "region.member.state.UNREACHABLE";
    }
}
