package de.offenekommune.node.activitypub.inbox;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import de.offenekommune.federation.vocab.Actor;
import de.offenekommune.federation.vocab.AsObject;
import de.offenekommune.node.project.ProjectComments;
import de.offenekommune.node.activitypub.LocalRef;
import de.offenekommune.node.comment.Comment;
import de.offenekommune.node.comment.CommentRepository;
import de.offenekommune.node.project.ProjectRepository;
import de.offenekommune.node.proposal.ProposalRepository;
import de.offenekommune.node.web.HttpError;

/**
 * A Note in reply to one of our objects becomes a comment on it: in reply to a comment (ours or a
 * remote one we keep) it threads under that comment. The HTML is sanitised by the comment service;
 * the author is shown with the name and profile link of their actor document.
 */
final class CreateNoteHandler {
    private static final Logger LOG = Logger.getLogger(CreateNoteHandler.class.getName());

    private final InboxContext ctx;
    private final CommentRepository comments = new CommentRepository();
    private final ProjectRepository projects = new ProjectRepository();

    CreateNoteHandler(InboxContext ctx) {
        this.ctx = ctx;
    }

    /** Where a reply goes: the commented object and the comment it answers (null at the top). */
    record Place(String kind, long targetId, Long parentId) {
    }

    void reply(String actorId, AsObject note) {
        Optional<Place> place = note.inReplyTo() == null ? Optional.empty() : place(note.inReplyTo());
        if (place.isEmpty()) {
            LOG.fine(() -> "Note " + note.id() + " is not a reply to anything here");
            return;
        }
        Place at = place.get();
        if (at.parentId() == null && (ProposalRepository.KIND.equals(at.kind())
                || ProjectComments.PROJECT.equals(at.kind()))
                && ctx.organisationFederation().receiver().receive(actorId, note, at.kind(), at.targetId())) {
            return;
        }
        Optional<Actor> author = ctx.remoteActors().actor(actorId);
        String name = author.map(a -> a.name() != null && !a.name().isBlank() ? a.name() : a.preferredUsername())
                .orElse(null);
        String profile = author.map(a -> a.url() != null ? a.url() : a.id()).orElse(actorId);
        try {
            long id = ctx.participation().comments().addRemote(new CommentRepository.NewRemoteComment(
                    place.get().kind(), place.get().targetId(), place.get().parentId(), actorId, name, profile,
                    note.id(), content(note), published(note.published())));
            LOG.fine(() -> "Reply " + note.id() + " stored as comment " + id);
        } catch (HttpError e) {
            LOG.info(() -> "Reply " + note.id() + " not stored: " + e.messageKey());
            return;
        }
        VerifiedAuthors.seen(ctx, actorId);
    }

    /** {@code content}, or the first {@code contentMap} entry, or nothing. */
    private static String content(AsObject note) {
        if (note.content() != null) {
            return note.content();
        }
        JsonNode map = note.json().get("contentMap");
        if (map != null && map.isObject() && map.elements().hasNext()) {
            JsonNode first = map.elements().next();
            return first.isTextual() ? first.asText() : "";
        }
        return "";
    }

    private static Instant published(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Optional<Place> place(String inReplyTo) {
        Optional<LocalRef> ref = ctx.uris().parse(inReplyTo);
        if (ref.isEmpty()) {
            return comments.idByApId(ctx.sql(), inReplyTo).flatMap(this::under);
        }
        return switch (ref.get()) {
            case LocalRef.Proposal p -> Optional.of(new Place(ProposalRepository.KIND, p.id(), null));
            case LocalRef.Answer a -> Optional.of(new Place(ProposalRepository.KIND, a.proposalId(), null));
            case LocalRef.Project p -> projects.bySlug(ctx.sql(), p.slug())
                    .map(x -> new Place(ProjectComments.PROJECT, x.id(), null));
            case LocalRef.News n -> Optional.of(new Place(ProjectComments.NEWS, n.id(), null));
            case LocalRef.Comment c -> under(c.id());
            default -> Optional.empty();
        };
    }

    private Optional<Place> under(long commentId) {
        Optional<Comment> parent = comments.byId(ctx.sql(), commentId);
        return parent.filter(c -> !c.deleted()).map(c -> new Place(c.targetKind(), c.targetId(), c.id()));
    }
}
