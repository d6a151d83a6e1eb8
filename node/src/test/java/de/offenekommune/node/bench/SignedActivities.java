package de.offenekommune.node.bench;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.sig.HttpMessage;
import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.vocab.ActivityJson;

/**
 * What the remote actors send: replies to the project (Create{Note}) and Likes of proposals,
 * alternating, each signed as Mastodon signs (draft-cavage, rsa-sha256, with Digest). Signed before
 * the clock starts: signing with RSA costs the client 30 times what verifying costs the node.
 * Every activity is new (its own id; a Like never repeats an actor and proposal), so each one that
 * is accepted must end up as exactly one comment or support.
 */
final class SignedActivities {
    /** One activity ready to send: the signed message and the same request as raw bytes. */
    record Signed(HttpMessage message, byte[] request) {
        /** The same request (headers, signature, body) to another path and server. */
        byte[] to(String path, String host) {
            return raw(message, path, host);
        }
    }

    private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    private final RemoteActors actors;
    private final String base;
    private final String projectUrl;
    private final long firstProposal;
    private final int proposals;
    private final URI inbox;
    private final HttpSigner signer = new HttpSigner(Clock.systemUTC());
    private int next;

    SignedActivities(RemoteActors actors, String base, String projectSlug, long firstProposal, long lastProposal) {
        this.actors = actors;
        this.base = base;
        this.projectUrl = base + "/projekte/" + projectSlug;
        this.firstProposal = firstProposal;
        this.proposals = (int) (lastProposal - firstProposal + 1);
        this.inbox = URI.create(base + "/inbox");
    }

    /** The next {@code count} activities, signed on all cores. */
    List<Signed> next(int count) {
        int from = next;
        next += count;
        return IntStream.range(from, from + count).parallel().mapToObj(this::signed).toList();
    }

    /** The first activity of every actor (the node fetches its key then): Likes, sent before the timing. */
    List<Signed> warmUp() {
        List<Signed> first = new ArrayList<>();
        for (int i = 0; i < actors.all().size(); i++) {
            first.add(signed(like(i)));
        }
        next = actors.all().size();
        return first;
    }

    /** After the warm-up Likes (numbers 0 to actors - 1), replies and Likes alternate. */
    private Signed signed(int seq) {
        int k = seq - actors.all().size();
        return signed(k % 2 == 0 ? reply(seq) : like(actors.all().size() + k / 2));
    }

    private Signed signed(Outgoing o) {
        HttpMessage m = HttpMessage.request("POST", inbox,
                HttpFields.create().set("content-type", "application/activity+json"), ActivityJson.write(o.activity()));
        signer.sign(m, o.actor().key(), SignatureScheme.CAVAGE);
        return new Signed(m, raw(m, inbox.getRawPath(), m.fields().first("host").orElseThrow()));
    }

    private static byte[] raw(HttpMessage m, String path, String host) {
        List<String> headers = new ArrayList<>();
        for (String name : m.fields().names()) {
            if (!name.equals("host")) {
                m.fields().all(name).forEach(v -> headers.add(name + ": " + v));
            }
        }
        return HttpConnection.request("POST", path, host, m.body(), headers.toArray(String[]::new));
    }

    private record Outgoing(RemoteActors.RemoteActor actor, ObjectNode activity) {
    }

    /** The n-th Like: every n is a different pair of actor and proposal, so no Like repeats another. */
    private Outgoing like(int n) {
        int count = actors.all().size();
        if ((long) n >= (long) count * proposals) {
            throw new IllegalStateException("more Likes than pairs of " + count + " actors and " + proposals + " proposals");
        }
        RemoteActors.RemoteActor actor = actors.get(n);
        long proposal = firstProposal + n / count;
        ObjectNode like = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", actor.id() + "/likes/" + n).put("type", "Like").put("actor", actor.id())
                .put("object", base + "/vorschlaege/" + proposal);
        return new Outgoing(actor, like);
    }

    private Outgoing reply(int seq) {
        RemoteActors.RemoteActor actor = actors.get(seq);
        String note = actor.id() + "/statuses/" + seq;
        ObjectNode create = ActivityJson.newObject().put("@context", "https://www.w3.org/ns/activitystreams")
                .put("id", note + "/activity").put("type", "Create").put("actor", actor.id());
        create.putArray("to").add(PUBLIC);
        ObjectNode object = create.putObject("object").put("id", note).put("type", "Note").put("attributedTo", actor.id())
                .put("inReplyTo", projectUrl).put("published", Instant.now().toString())
                .put("content", "<p>Antwort " + seq + " aus dem Fediverse: Ich finde, der Platz braucht mehr Bäume "
                        + "und eine Bank im Schatten. <a href=\"" + projectUrl + "\">#Marktplatz</a></p>");
        object.putArray("to").add(PUBLIC);
        object.put("url", note);
        return new Outgoing(actor, create);
    }
}
