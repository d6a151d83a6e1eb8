package de.offenekommune.federation.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.offenekommune.federation.sig.HttpFields;
import de.offenekommune.federation.uri.Origin;

/**
 * {@link LeanHttp} delivering over real TLS to an HTTPS inbox on 127.0.0.1 whose self-signed
 * certificate the client trusts (and nothing else): the handshake with SNI and hostname
 * verification, the request arriving byte for byte, the answer read, the connection reused; and a
 * trusted certificate for another name refused before any request is written.
 */
class LeanHttpTlsTest {
    private static final FetchConfig CONFIG = new FetchConfig(new AddressPolicy(false, true), 1024, Duration.ofSeconds(2),
            Duration.ofSeconds(10), 3, Duration.ofMinutes(1), "test-agent");
    private static final byte[] BODY = "{\"type\":\"Create\",\"object\":\"Grüße\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "keyId=\"https://a.test/actor#main-key\",headers=\"(request-target) host date digest\","
            + "signature=\"c2lnbmVk\"";

    private TlsLoopbackServer server;
    private LeanHttp http;

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Every name is 127.0.0.1 here, through the same address guard production uses (loopback allowed). */
    private static LeanHttp client(SSLSocketFactory tls) {
        HostResolver loopback = host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
        return new LeanHttp(CONFIG, new GuardedDnsResolver(loopback, CONFIG.addressPolicy()), tls);
    }

    private OutboundResponse post(String host, HttpFields headers) {
        URI inbox = URI.create("https://" + host + ":" + server.port() + "/inbox");
        return http.post(inbox, Origin.of(inbox), headers, BODY);
    }

    private static HttpFields signed(String date) {
        return HttpFields.create().set("date", date).set("content-type", "application/activity+json")
                .set("signature", SIGNATURE);
    }

    @Test
    void aDeliveryOverHttpsArrivesIntactAndTheConnectionIsReused() throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.selfSigned("localhost");
        server = new TlsLoopbackServer(certificate);
        http = client(certificate.trustingOnlyThis());

        OutboundResponse first = post("localhost", signed("Fri, 27 Nov 2026 20:00:00 GMT"));
        OutboundResponse second = post("localhost", signed("Fri, 27 Nov 2026 20:00:01 GMT"));

        assertEquals(202, first.status());
        assertEquals(202, second.status());
        assertEquals(0, first.body().length);
        assertEquals(List.of(expectedRequest("Fri, 27 Nov 2026 20:00:00 GMT"), expectedRequest("Fri, 27 Nov 2026 20:00:01 GMT")),
                server.requests);
        assertEquals(1, server.connections.get(), "one TCP connection for both deliveries");
        assertEquals(1, server.handshakes.get(), "one TLS handshake for both deliveries");
        assertEquals(1, http.idleConnections(), "the connection went back to the pool");
    }

    private String expectedRequest(String date) {
        return "POST /inbox HTTP/1.1\r\n"
                + "Host: localhost:" + server.port() + "\r\n"
                + "User-Agent: test-agent\r\n"
                + "date: " + date + "\r\n"
                + "content-type: application/activity+json\r\n"
                + "signature: " + SIGNATURE + "\r\n"
                + "Content-Length: " + BODY.length + "\r\n"
                + "\r\n"
                + new String(BODY, StandardCharsets.UTF_8);
    }

    @Test
    void theClientNamesTheHostItWantsBySni() throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.selfSigned("localhost");
        server = new TlsLoopbackServer(certificate);
        http = client(certificate.trustingOnlyThis());

        assertEquals(202, post("localhost", signed("Fri, 27 Nov 2026 20:00:00 GMT")).status());

        // The JDK sends no SNI for a dotless name like "localhost" by itself: this is LeanHttp's doing.
        assertEquals(List.of("localhost"), server.serverNames);
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefusedBeforeAnyRequest() throws Exception {
        LoopbackCertificate other = LoopbackCertificate.selfSigned("other.test");
        server = new TlsLoopbackServer(other);
        http = client(other.trustingOnlyThis());

        OutboundException e = assertThrows(OutboundException.class,
                () -> post("localhost", signed("Fri, 27 Nov 2026 20:00:00 GMT")));

        assertEquals(FetchFailure.CONNECTION_FAILED, e.failure());
        assertTrue(e.getCause() instanceof SSLHandshakeException, String.valueOf(e.getCause()));
        assertTrue(e.getCause().getCause() instanceof CertificateException, String.valueOf(e.getCause().getCause()));
        assertTrue(e.getCause().getCause().getMessage().contains("localhost"), e.getCause().getCause().getMessage());
        assertEquals(List.of(), server.requests, "no request was written");
        assertEquals(0, server.handshakes.get());
        assertEquals(0, http.idleConnections());

        // The same certificate under its own name is fine: the refusal above was the name, not the trust.
        assertEquals(202, post("other.test", signed("Fri, 27 Nov 2026 20:00:00 GMT")).status());
        assertEquals(1, server.requests.size());
    }
}
