package de.offenekommune.node.legal;

import de.offenekommune.node.web.HttpError;

/** The pages every operator must provide; each has a built-in placeholder until the operator writes it. */
public enum LegalPage {
    BARRIEREFREIHEIT("barrierefreiheit"), IMPRESSUM("impressum"), DATENSCHUTZ("datenschutz");

    private final String slug;

    LegalPage(String slug) {
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public String path() {
        return "/" + slug;
    }

    /** @throws HttpError 404 for an unknown slug */
    public static LegalPage of(String slug) {
        for (LegalPage p : values()) {
            if (p.slug.equals(slug)) {
                return p;
            }
        }
        throw HttpError.notFound();
    }
}
