package de.offenekommune.federation.fetch;

import java.net.URI;

import de.offenekommune.federation.sig.HttpFields;

/** A response to an outbound request, body already read within the size limit. */
public record OutboundResponse(URI uri, int status, HttpFields headers, byte[] body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }
}
