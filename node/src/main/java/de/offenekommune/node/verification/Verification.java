package de.offenekommune.node.verification;

import java.net.URI;
import java.time.Clock;
import java.util.function.Supplier;

import io.helidon.webserver.http.HttpRouting;

import de.offenekommune.federation.fetch.RemoteFetcher;
import de.offenekommune.node.OrganisationParticipation;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.config.VerificationConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.events.ContentEvents;
import de.offenekommune.node.web.Forms;
import de.offenekommune.node.web.Pages;
import de.offenekommune.verification.key.SigningKey;

/**
 * The verification workflow of one node: organisations ask (domain proof through the SSRF-guarded
 * fetcher), admins decide (audit log), the node issues and revokes attestations as its town actor (a
 * region also those of its member nodes), and anyone can ask why an author or a town has a badge. Built after ActivityPub, whose fetcher and keys it uses.
 */
public record Verification(RequestService requests, ReviewService reviews, BadgeService badges, Issuer issuer,
                           AttestationDocuments documents, NodeAttestationService nodeAttestations) {

    /**
     * @param townActor the node's town (or region) actor: the issuer
     * @param townKey   its Ed25519 assertion-method key
     */
    public static Verification create(NodeConfig config, Clock clock, Sql sql, ContentEvents events,
                                      OrganisationParticipation organisations, RemoteFetcher fetcher, URI townActor,
                                      Supplier<SigningKey> townKey) {
        VerificationConfig v = config.verification();
        String base = config.baseUrl().toString();
        AttestationRepository attestations = organisations.attestations();
        Issuer issuer = new Issuer(townActor, base, townKey, attestations, clock);
        RequestRepository requestRepository = new RequestRepository();
        RequestService requests = new RequestService(sql, requestRepository, attestations,
                organisations.organisations(), new DomainCheck(fetcher, v.domainCheckScheme(), v.domainCheckPort()),
                clock);
        ReviewService reviews = new ReviewService(sql, requestRepository, attestations, new AuditLog(), issuer, requests,
                events, base, v.attestationValidity(), clock);
        BadgeService badges = new BadgeService(sql, base, organisations.organisations(), attestations,
                organisations.remoteStatus(), organisations.heldAttestations(), issuer, clock);
        NodeAttestationService nodes = new NodeAttestationService(issuer, new NodeAttestationRepository(), attestations,
                v.attestationValidity(), clock);
        return new Verification(requests, reviews, badges, issuer, new AttestationDocuments(sql, issuer, attestations),
                nodes);
    }

    public void routing(HttpRouting.Builder routing, OrganisationParticipation organisations, Pages pages, Forms forms,
                        String baseUrl) {
        routing.register("/organisation", new OrganisationPages(organisations.organisations(), requests, pages, forms))
                .register("/admin/verifizierung", new ReviewPages(reviews, pages, forms))
                .register("/", new BadgePages(badges, issuer, pages), documents,
                        new OrganisationProfilePages(organisations.organisations(), badges, baseUrl, pages));
    }
}
