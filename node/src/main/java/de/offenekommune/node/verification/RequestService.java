package de.offenekommune.node.verification;

import java.net.IDN;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import de.offenekommune.node.account.Account;
import de.offenekommune.node.account.Tokens;
import de.offenekommune.node.db.Sql;
import de.offenekommune.node.organisation.Organisation;
import de.offenekommune.node.organisation.OrganisationService;
import de.offenekommune.node.web.HttpError;
import de.offenekommune.node.web.InvalidInput;
import de.offenekommune.verification.attestation.Attestation;

/** The organisation's side: ask for verification, see the token, have the website checked. */
public final class RequestService {
    private static final Logger LOG = Logger.getLogger(RequestService.class.getName());
    public static final int MAX_EVIDENCE = 5_000;
    public static final int MAX_CONTACT = 120;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    /** As the attestation format: lower-case host names, IDN as punycode; no IP literals. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private final Sql sql;
    private final RequestRepository requests;
    private final AttestationRepository attestations;
    private final OrganisationService organisations;
    private final DomainCheck domainCheck;
    private final Clock clock;

    public RequestService(Sql sql, RequestRepository requests, AttestationRepository attestations,
                          OrganisationService organisations, DomainCheck domainCheck, Clock clock) {
        this.sql = sql;
        this.requests = requests;
        this.attestations = attestations;
        this.organisations = organisations;
        this.domainCheck = domainCheck;
        this.clock = clock;
    }

    /** What the request form sends, as typed. */
    public record Form(String subKind, String legalName, String domain, String contactName, String contactEmail,
                       String evidence) {
    }

    /** The organisation's page: the organisation (if set up), its requests and the attestation that stands. */
    public record Overview(Optional<Organisation> organisation, List<VerificationRequest> requests,
                           Optional<IssuedAttestation> attestation) {
        public Optional<VerificationRequest> open() {
            return requests.stream().filter(VerificationRequest::open).findFirst();
        }
    }

    public Overview overview(Account account) {
        Optional<Organisation> org = organisations.ofAccount(account);
        if (org.isEmpty()) {
            return new Overview(org, List.of(), Optional.empty());
        }
        return new Overview(org, requests.ofOrganisation(sql, org.get().id()),
                attestations.live(sql, org.get().id(), clock.instant()).stream().findFirst());
    }

    /**
     * A new request; a second one while the first is open returns the first (a form sent twice leaves one).
     *
     * @throws HttpError 409 without an organisation or when it is verified already
     * @throws InvalidInput for bad fields (nothing is written)
     */
    public VerificationRequest submit(Account account, Form form) {
        Organisation org = organisations.ofAccount(account)
                .orElseThrow(() -> HttpError.conflict("verification.error.no-organisation"));
        RequestRepository.NewRequest checked = validate(org.id(), form);
        Instant now = clock.instant();
        return sql.inTransaction(tx -> {
            if (!attestations.live(tx, org.id(), now).isEmpty()) {
                throw HttpError.conflict("verification.error.already-verified");
            }
            Optional<Long> id = requests.insert(tx, checked, now);
            id.ifPresent(i -> LOG.info(() -> "Verification request " + i + " of organisation " + org.handle()));
            return requests.ofOrganisation(tx, org.id()).stream().filter(VerificationRequest::open).findFirst()
                    .orElseThrow();
        });
    }

    /** The organisation has its website checked; only its own open request. */
    public DomainCheckResult checkDomain(Account account, long requestId) {
        Organisation org = organisations.ofAccount(account).orElseThrow(HttpError::notFound);
        VerificationRequest request = requests.byId(sql, requestId).filter(r -> r.organisationId() == org.id())
                .orElseThrow(HttpError::notFound);
        return check(request);
    }

    /** Checks the website now and keeps the outcome on the request (open requests only). */
    DomainCheckResult check(VerificationRequest request) {
        if (!request.open()) {
            throw HttpError.conflict("verification.error.not-open");
        }
        DomainCheckResult result = domainCheck.check(request.domain(), request.token());
        requests.domainChecked(sql, request.id(), result, clock.instant());
        return result;
    }

    public String domainUrl(String domain) {
        return domainCheck.url(domain);
    }

    private static RequestRepository.NewRequest validate(long organisationId, Form f) {
        Category.SubKind kind = Category.SubKind.parse(f.subKind());
        String legalName = strip(f.legalName());
        String domain = domain(f.domain());
        String contact = strip(f.contactName());
        String email = strip(f.contactEmail());
        String evidence = strip(f.evidence());
        new InvalidInput.Collector()
                .check(kind != null, "art", "verification.error.kind")
                .check(legalName.length() >= 2 && legalName.length() <= Attestation.MAX_LEGAL_NAME
                        && !CONTROL.matcher(legalName).find(), "legal_name", "verification.error.legal-name")
                .check(DOMAIN.matcher(domain).matches(), "domain", "verification.error.domain")
                .check(contact.length() >= 2 && contact.length() <= MAX_CONTACT && !CONTROL.matcher(contact).find(),
                        "contact_name", "verification.error.contact-name")
                .check(email.length() <= 254 && EMAIL.matcher(email).matches(), "contact_email", "account.error.email")
                .check(evidence.length() >= 10 && evidence.length() <= MAX_EVIDENCE, "evidence",
                        "verification.error.evidence")
                .throwIfAny();
        return new RequestRepository.NewRequest(organisationId, kind, legalName, domain, contact, email, evidence,
                "offenekommune-verification=" + Tokens.random());
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    /** "https://www.Stadtwerke-Müllheim.de/" becomes "www.xn--stadtwerke-mllheim-6ob.de"; anything odd stays odd. */
    static String domain(String typed) {
        String d = strip(typed).toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = d.indexOf('/');
        if (slash >= 0) {
            d = d.substring(0, slash);
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            return IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return d;
        }
    }
}
