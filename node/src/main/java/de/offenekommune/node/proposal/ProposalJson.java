package de.offenekommune.node.proposal;

import java.time.Instant;
import java.util.List;

import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.addressee.AddresseeKind;
import de.offenekommune.node.moderation.Hidden;
import de.offenekommune.node.topic.Topic;

/** How the staff API shows proposals. Authors appear by display name only: the API needs no more. */
final class ProposalJson {
    private ProposalJson() {
    }

    record AddresseeView(long id, String name, AddresseeKind kind) {
    }

    /** Local and fediverse supports apart, the goal fixed at submission, and when it was reached. */
    record SupportsView(int local, int remote, int total, int threshold, Instant deadline, Instant thresholdReachedAt) {
    }

    record AnswerView(String text, String html, String by, String asAddressee, Instant at) {
    }

    /** Present only for proposals hidden by moderation; the reason is the public one. */
    record ModerationView(String reason, Instant hiddenAt) {
    }

    record ProposalListItem(long id, String url, String title, String summary, Topic topic, ProposalStatus status,
                            Outcome outcome, String authorName, List<AddresseeView> addressees, SupportsView supports,
                            long comments, ModerationView hidden, Instant createdAt) {
    }

    record ProposalView(long id, String url, String title, String summary, String body, String bodyHtml, Topic topic,
                        String location, ProposalStatus status, Outcome outcome, String authorName,
                        List<AddresseeView> addressees, SupportsView supports, AnswerView answer,
                        ModerationView hidden, Instant createdAt, Instant updatedAt) {
    }

    static ProposalListItem item(ProposalSummary s, String baseUrl) {
        return new ProposalListItem(s.id(), baseUrl + ProposalRepository.path(s.id()), s.title(), s.summary(),
                s.topic(), s.status(), s.outcome(), s.authorName(), addressees(s.addressees()), supports(s.supports()),
                s.comments(), hidden(s.hidden()), s.createdAt());
    }

    static ProposalView view(ProposalService.Detail d, String baseUrl) {
        Proposal p = d.proposal();
        Answer a = p.answer();
        return new ProposalView(p.id(), baseUrl + ProposalRepository.path(p.id()), p.title(), p.summary(),
                p.bodyMarkdown(), p.bodyHtml(), p.topic(), p.location(), p.status(), p.outcome(), p.authorName(),
                addressees(d.addressees()), supports(p.supports()),
                a == null ? null : new AnswerView(a.markdown(), a.html(), a.byName(), a.asAddressee(), a.at()),
                hidden(p.hidden()), p.createdAt(), p.updatedAt());
    }

    private static List<AddresseeView> addressees(List<Addressee> list) {
        return list.stream().map(a -> new AddresseeView(a.id(), a.name(), a.kind())).toList();
    }

    private static SupportsView supports(Supports s) {
        return new SupportsView(s.local(), s.remote(), s.total(), s.threshold(), s.deadline(), s.reachedAt());
    }

    private static ModerationView hidden(Hidden h) {
        return h == null ? null : new ModerationView(h.reason(), h.at());
    }
}
