package de.offenekommune.node.about;

import java.util.List;

import de.offenekommune.federation.inbox.BlockList;

import de.offenekommune.node.municipality.District;
import de.offenekommune.node.municipality.Municipality;
import de.offenekommune.node.region.MemberView;
import de.offenekommune.node.verification.HeldAttestation;

/**
 * What the about page ({@code /ueber}) shows: who runs this node, by the official list, and who vouches
 * for it.
 *
 * @param municipality a town's entry in the official list, or null (a region, or a key the list lacks)
 * @param district     a region's district, or null
 * @param townActor    the town (or region) actor: what other nodes check
 * @param attestations the node attestations the town actor holds (its region's), valid now
 * @param members      a region's members with their attestations; empty on a town
 * @param blockedServers the servers this node blocks, with the admins' reasons (blocked single
 *                       accounts are not shown: they are people)
 */
public record About(String name, boolean region, String ags, Municipality municipality, District district,
                    String townActor, List<HeldAttestation> attestations, List<MemberView> members,
                    List<BlockList.Block> blockedServers) {
}
