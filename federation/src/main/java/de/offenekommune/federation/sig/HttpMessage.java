package de.offenekommune.federation.sig;

import java.net.URI;

/**
 * What a signature covers: a request (method + target URI) or a response (status), its header fields
 * and its body. Built by the inbox from the incoming request and by the signers before sending.
 */
public record HttpMessage(String method, URI targetUri, int status, HttpFields fields, byte[] body) {

    public static HttpMessage request(String method, URI targetUri, HttpFields fields, byte[] body) {
        return new HttpMessage(method, targetUri, 0, fields, body == null ? new byte[0] : body);
    }

    public static HttpMessage response(int status, HttpFields fields, byte[] body) {
        return new HttpMessage(null, null, status, fields, body == null ? new byte[0] : body);
    }

    public boolean isRequest() {
        return method != null;
    }

    public boolean hasBody() {
        return body.length > 0;
    }
}
