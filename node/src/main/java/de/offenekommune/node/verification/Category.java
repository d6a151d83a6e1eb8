package de.offenekommune.node.verification;

import java.util.Arrays;
import java.util.List;

import de.offenekommune.verification.attestation.AttestationCategory;

/** What kind of organisation asks for verification (DESIGN.md section 5); the attestation names the category. */
public enum Category {
    POLITICS(AttestationCategory.POLITICS),
    ADMINISTRATION(AttestationCategory.ADMINISTRATION),
    INSTITUTION(AttestationCategory.INSTITUTION),
    MUNICIPAL_COMPANY(AttestationCategory.MUNICIPAL_COMPANY);

    private final AttestationCategory attestation;

    Category(AttestationCategory attestation) {
        this.attestation = attestation;
    }

    public AttestationCategory attestation() {
        return attestation;
    }

    public List<SubKind> subKinds() {
        return Arrays.stream(SubKind.values()).filter(k -> k.category() == this).toList();
    }

    /** The category of an attestation's JSON value, if it is one of ours (not a municipality node). */
    public static java.util.Optional<Category> ofJson(String value) {
        return Arrays.stream(values()).filter(c -> c.attestation.json().equals(value)).findFirst();
    }

    /** The finer kind the organisation picks in the form; it decides the category. */
    public enum SubKind {
        COUNCIL_GROUP(POLITICS), PARTY(POLITICS), MANDATE_HOLDER(POLITICS),
        OFFICE(ADMINISTRATION), DEPARTMENT(ADMINISTRATION),
        ASSOCIATION(INSTITUTION), CHURCH(INSTITUTION), SCHOOL(INSTITUTION),
        COMPANY(MUNICIPAL_COMPANY);

        private final Category category;

        SubKind(Category category) {
            this.category = category;
        }

        public Category category() {
            return category;
        }

        /** @return the kind, or null for an unknown value (the caller reports a field error) */
        public static SubKind parse(String value) {
            return Arrays.stream(values()).filter(k -> k.name().equals(value)).findFirst().orElse(null);
        }
    }
}
