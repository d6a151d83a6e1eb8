package de.offenekommune.node.activitypub;

import java.util.UUID;

/** What a local ActivityPub URI names (see {@link NodeUris#parse}). */
public sealed interface LocalRef {
    record Town() implements LocalRef {
    }

    record Instance() implements LocalRef {
    }

    record Group(String slug) implements LocalRef {
    }

    record Person(String username) implements LocalRef {
    }

    record Project(String slug) implements LocalRef {
    }

    record News(String slug, long id) implements LocalRef {
    }

    record Proposal(long id) implements LocalRef {
    }

    /** The official answer to a proposal, a Note in reply to it. */
    record Answer(long proposalId) implements LocalRef {
    }

    record Survey(long id) implements LocalRef {
    }

    record Question(long surveyId, long questionId) implements LocalRef {
    }

    record Event(long id) implements LocalRef {
    }

    record Comment(long id) implements LocalRef {
    }

    record Activity(UUID uuid) implements LocalRef {
    }

    /** A Like or Note a local citizen sent to a neighbour's object. */
    record RemoteAction(String username, UUID uuid) implements LocalRef {
    }
}
