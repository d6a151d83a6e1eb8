package de.offenekommune.node.activitypub.mapper;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.activitypub.AsText;
import de.offenekommune.node.activitypub.NodeUris;
import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.proposal.Proposal;
import de.offenekommune.node.proposal.Supports;
import de.offenekommune.node.web.Messages;

/**
 * Proposals as {@code Page}s by their author's {@code Person} (by the town once the account is
 * gone), with the extension terms for addressees, status, outcome and supports (local and fediverse
 * apart). A {@code Like} of the page is a support; {@code likes.totalItems} is the total.
 */
public final class ProposalMapper {
    private final NodeUris uris;
    private final Messages msg;

    public ProposalMapper(NodeUris uris, Messages msg) {
        this.uris = uris;
        this.msg = msg;
    }

    /** @param author the author's actor id, or null if the account is gone */
    public ApObject toPage(Proposal p, List<Addressee> addressees, String author) {
        String id = uris.proposal(p.id());
        String owner = author != null ? author : uris.town();
        List<String> notify = List.of();
        if (p.deleted()) {
            return Tombstones.deleted(id, "Page", owner, null, p.deletedAt());
        }
        ObjectNode page = ActivityJson.newObject().put("id", id).put("type", "Page").put("name", p.title());
        if (p.hiddenByModeration()) {
            page.put("summary", msg.get("moderation.hidden-in-place", p.hidden().reason()))
                    .put("content", AsText.paragraph(msg.get("moderation.hidden-in-place", p.hidden().reason())));
        } else {
            page.put("summary", p.summary()).put("content", p.bodyHtml());
        }
        page.put("mediaType", "text/html").put("url", id).put("attributedTo", owner)
                .put("published", AsText.time(p.createdAt())).put("updated", AsText.time(p.updatedAt()));
        Addressing.publicly(page, owner, null, owner.equals(uris.town()) ? List.of()
                : List.of(NodeUris.followers(uris.town())));
        page.putArray("tag").add(ProjectMapper.hashtag(msg.get("topic." + p.topic().name()),
                uris.proposalsWithTopic(p.topic().code())));
        if (p.location() != null && !p.location().isBlank()) {
            page.set("location", ProjectMapper.place(p.location(), null, null));
        }
        ArrayNode to = page.putArray("addressees");
        for (Addressee a : addressees) {
            ObjectNode addressee = to.addObject().put("type", "Addressee").put("name", a.name())
                    .put("addresseeKind", a.kind().name().toLowerCase(Locale.ROOT));
            if (a.organisationHandle() != null) {
                // An organisation as addressee: its actor, where its attestation can be checked.
                addressee.put("url", uris.base() + de.offenekommune.node.organisation.Organisation.path(
                        a.organisationHandle()));
            }
        }
        page.put("proposalStatus", status(p));
        if (p.outcome() != null) {
            page.put("outcome", p.outcome().name().toLowerCase(Locale.ROOT));
        }
        if (p.answer() != null) {
            page.put("officialAnswer", uris.answer(p.id()));
        }
        Supports s = p.supports();
        page.put("supportCount", s.total()).put("localSupportCount", s.local()).put("remoteSupportCount", s.remote())
                .put("supportThreshold", s.threshold()).put("supportDeadline", AsText.time(s.deadline()));
        page.put("replies", id + "/kommentare");
        page.putObject("likes").put("id", id + "/unterstuetzungen").put("type", "Collection")
                .put("totalItems", s.total());
        return new ApObject(id, "Page", owner, null, notify, page, null);
    }

    /** {@code @name@host} of a local actor URI ending in its handle. */
    static String mention(String actor) {
        return "@" + actor.substring(actor.lastIndexOf('/') + 1) + "@" + java.net.URI.create(actor).getRawAuthority();
    }

    /** submitted, inReview, answered. */
    static String status(Proposal p) {
        return switch (p.status()) {
            case SUBMITTED -> "submitted";
            case IN_REVIEW -> "inReview";
            case ANSWERED -> "answered";
        };
    }

    /** The official answer: a Note by the town in reply to the proposal. */
    public ApObject answerNote(Proposal p, String author) {
        String id = uris.answer(p.id());
        String town = uris.town();
        ObjectNode note = ActivityJson.newObject().put("id", id).put("type", "Note").put("attributedTo", town)
                .put("inReplyTo", uris.proposal(p.id()))
                .put("content", AsText.paragraph(msg.get("ap.answer.lead",
                        msg.get("proposal.outcome." + p.outcome().name()))) + p.answer().html())
                .put("mediaType", "text/html").put("url", uris.proposal(p.id()) + "#antwort")
                .put("published", AsText.time(p.answer().at()));
        Addressing.publicly(note, town, null, author == null ? List.of() : List.of(author));
        if (author != null) {
            note.putArray("tag").addObject().put("type", "Mention").put("href", author)
                    .put("name", mention(author));
        }
        return new ApObject(id, "Note", town, null, List.of(), note, null);
    }
}
