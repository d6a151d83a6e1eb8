package de.offenekommune.node.admin;

import de.offenekommune.node.web.HttpError;

final class AdminPaging {
    private AdminPaging() {
    }

    static long parseId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id <= 0) {
                throw HttpError.badRequest("form.error.bad-id");
            }
            return id;
        } catch (NumberFormatException e) {
            throw HttpError.badRequest("form.error.bad-id");
        }
    }
}
