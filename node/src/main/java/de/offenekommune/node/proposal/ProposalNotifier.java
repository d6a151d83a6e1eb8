package de.offenekommune.node.proposal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.offenekommune.node.addressee.Addressee;
import de.offenekommune.node.config.NodeConfig;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.mail.Mail;
import de.offenekommune.node.mail.MailOutbox;
import de.offenekommune.node.web.Messages;
import de.offenekommune.node.web.Page;

/**
 * The e-mails about proposals, queued in the transaction of the change they report: addressees on
 * submission and when the threshold is reached, the author and the supporters on a new status.
 * Each mail is in its recipient's language; addressees get the node's default language.
 */
public final class ProposalNotifier {
    private final MailOutbox mail;
    private final NodeConfig config;

    public ProposalNotifier(MailOutbox mail, NodeConfig config) {
        this.mail = mail;
        this.config = config;
    }

    /** A new proposal: each addressee with an e-mail address hears of it. */
    public void submitted(Sql tx, long proposalId, ProposalRepository.NewProposal p, String authorName,
                          List<Addressee> addressees) {
        Messages m = Messages.of(config.defaultLocale());
        List<Mail> mails = new ArrayList<>();
        for (Addressee a : addressees) {
            if (a.email() != null) {
                mails.add(new Mail(a.email(), m.get("mail.proposal.submitted.subject", a.name(), p.title()),
                        m.get("mail.proposal.submitted.body", authorName, config.name(), a.name(), p.title(),
                                p.summary(), m.get("topic." + p.topic().name()), url(proposalId), p.threshold(),
                                date(p.deadline(), m.locale()))));
            }
        }
        mail.enqueueAll(tx, mails);
    }

    /** The threshold was reached (the caller makes sure this happens once per proposal). */
    public void thresholdReached(Sql tx, long proposalId) {
        Messages m = Messages.of(config.defaultLocale());
        record Row(String title, int supports, int threshold, String name, String email) {
        }
        List<Row> rows = tx.list("""
                SELECT p.title, p.supports, p.support_threshold, ad.name, ad.email
                FROM proposal p JOIN proposal_addressee pa ON pa.proposal_id = p.id
                JOIN addressee ad ON ad.id = pa.addressee_id
                WHERE p.id = ? AND ad.email IS NOT NULL""",
                r -> new Row(r.str("title"), r.integer("supports"), r.integer("support_threshold"), r.str("name"),
                        r.str("email")), proposalId);
        mail.enqueueAll(tx, rows.stream().map(r -> new Mail(r.email(),
                m.get("mail.proposal.threshold.subject", r.title(), r.threshold()),
                m.get("mail.proposal.threshold.body", r.title(), r.name(), r.supports(), r.threshold(),
                        url(proposalId)))).toList());
    }

    /** A new status or answer: the author and every local supporter (the author once) are told. */
    public void statusChanged(Sql tx, Proposal p) {
        record Recipient(String email, String name, String locale, boolean author) {
        }
        // Two index lookups (the author; the supporters by proposal), so the cost follows the supporters, not
        // the size of the account table. The author is told once, as author, even if they also support it.
        List<Recipient> recipients = tx.list("""
                SELECT a.email, a.display_name, a.locale, true AS author
                FROM proposal p JOIN account a ON a.id = p.author_account_id
                WHERE p.id = ? AND a.deleted_at IS NULL
                UNION ALL
                SELECT a.email, a.display_name, a.locale, false AS author
                FROM support s JOIN account a ON a.id = s.supporter_account_id
                JOIN proposal p ON p.id = s.proposal_id
                WHERE s.proposal_id = ? AND s.supporter_account_id IS NOT NULL AND a.deleted_at IS NULL
                  AND a.id IS DISTINCT FROM p.author_account_id""",
                r -> new Recipient(r.str("email"), r.str("display_name"), r.str("locale"), r.bool("author")),
                p.id(), p.id());
        List<Mail> mails = new ArrayList<>(recipients.size());
        for (Recipient r : recipients) {
            Messages m = Messages.of(Locale.forLanguageTag(r.locale()));
            String role = r.author() ? "author" : "supporter";
            mails.add(new Mail(r.email(), m.get("mail.proposal.status." + role + ".subject", p.title()),
                    m.get("mail.proposal.status." + role + ".body", r.name(), p.title(), statusLabel(m, p),
                            answerBlock(m, p), url(p.id()))));
        }
        mail.enqueueAll(tx, mails);
    }

    private static String statusLabel(Messages m, Proposal p) {
        return p.outcome() == null ? m.get("proposal.status." + p.status().name())
                : m.get("proposal.status.ANSWERED") + ": " + m.get("proposal.outcome." + p.outcome().name());
    }

    private static String answerBlock(Messages m, Proposal p) {
        if (p.answer() == null) {
            return "";
        }
        String by = p.answer().asAddressee() != null ? p.answer().asAddressee() : p.answer().byName();
        return m.get("mail.proposal.answer-block", by, date(p.answer().at(), m.locale()),
                p.answer().markdown().strip());
    }

    private String url(long proposalId) {
        return config.url("/vorschlaege/" + proposalId).toString();
    }

    private static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(Page.ZONE));
    }
}
