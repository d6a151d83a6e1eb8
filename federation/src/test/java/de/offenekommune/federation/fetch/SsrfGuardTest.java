package de.offenekommune.federation.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import de.offenekommune.federation.sig.HttpSigner;
import de.offenekommune.federation.sig.SignatureScheme;
import de.offenekommune.federation.sig.SignatureSchemeMemory;
import de.offenekommune.federation.testing.LoopbackResolver;

/**
 * The outbound guard refuses loopback, private, link-local and the IPv6 forms of them, for literal
 * URLs, for names that resolve there, and for redirects there. Names are mapped by an injected
 * resolver; the only connections ever opened go to the WireMock server on 127.0.0.1.
 */
class SsrfGuardTest {
    private final WireMockServer wireMock = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    private final LoopbackResolver resolver = new LoopbackResolver()
            .map("private.test", "10.0.0.1")
            .map("metadata.test", "169.254.169.254")
            .map("v6-loopback.test", "::1")
            .map("v4-mapped.test", "::ffff:10.0.0.1")
            .map("v4-compatible.test", "::10.0.0.1")
            .map("ula.test", "fd00::1")
            .map("rebinding.test", "93.184.216.34", "192.168.1.1");

    SsrfGuardTest() {
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    private RemoteFetcher fetcher(AddressPolicy policy) {
        OutboundHttp http = new OutboundHttp(FetchConfig.defaults().withAddressPolicy(policy), resolver);
        return new RemoteFetcher(new SignedRequests(http, new HttpSigner(Clock.systemUTC()), new NoMemory()), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:%d/x", "http://10.0.0.1/x", "http://169.254.169.254/latest/meta-data/", "http://[::1]:%d/x",
        "http://[::ffff:10.0.0.1]/x", "http://[::ffff:127.0.0.1]:%d/x", "http://[::10.0.0.1]/x", "http://0.0.0.0:%d/x",
        "http://private.test/x", "http://metadata.test/latest/meta-data/", "http://v6-loopback.test:%d/x",
        "http://v4-mapped.test/x", "http://v4-compatible.test/x", "http://ula.test/x", "http://rebinding.test/x",
        "http://localhost:%d/x"
    })
    void privateTargetsAreRefusedByDefault(String url) {
        var result = fetcher(AddressPolicy.publicOnly()).get(url.formatted(wireMock.port()), "application/activity+json");

        var failed = assertInstanceOf(FetchResult.Failed.class, result);
        assertEquals(FetchFailure.FORBIDDEN_ADDRESS, failed.failure(), failed.detail());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://private.test/x", "http://metadata.test/", "http://127.0.0.1:1/x", "http://[::1]:1/x"})
    void aRedirectIntoAPrivateAddressIsRefused(String target) {
        wireMock.stubFor(get(urlPathEqualTo("/start")).willReturn(aResponse().withStatus(302).withHeader("Location", target)));

        var result = fetcher(new AddressPolicy(false, true)).get("http://remote.test:" + wireMock.port() + "/start", "*/*");

        var failed = assertInstanceOf(FetchResult.Failed.class, result);
        if (target.contains("127.0.0.1") || target.contains("::1")) {
            // loopback is allowed in this setup, and nothing listens on port 1: the hop was attempted on loopback only
            assertTrue(failed.failure() == FetchFailure.CONNECTION_FAILED, failed.toString());
        } else {
            assertEquals(FetchFailure.FORBIDDEN_ADDRESS, failed.failure(), failed.detail());
        }
        assertEquals(1, wireMock.getAllServeEvents().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://remote.test/x", "file:///etc/passwd", "gopher://remote.test/", "http://user:pw@remote.test/"})
    void onlyHttpUrlsWithoutUserInfoAreFetched(String url) {
        var failed = assertInstanceOf(FetchResult.Failed.class, fetcher(new AddressPolicy(false, true)).get(url, "*/*"));

        assertEquals(FetchFailure.NOT_HTTP, failed.failure());
    }

    @Test
    void loopbackNamesWorkWhenTheSwitchAllowsThem() {
        wireMock.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("fine")));

        var fetched = assertInstanceOf(FetchResult.Fetched.class,
                fetcher(new AddressPolicy(false, true)).get("http://remote.test:" + wireMock.port() + "/ok", "*/*"));

        assertEquals("fine", new String(fetched.response().body()));
    }

    @Test
    void moreThanThreeRedirectsAreRefused() {
        for (int i = 0; i < 5; i++) {
            wireMock.stubFor(get(urlPathEqualTo("/r" + i)).willReturn(aResponse().withStatus(302).withHeader("Location", "/r" + (i + 1))));
        }

        var failed = assertInstanceOf(FetchResult.Failed.class,
                fetcher(new AddressPolicy(false, true)).get("http://remote.test:" + wireMock.port() + "/r0", "*/*"));

        assertEquals(FetchFailure.TOO_MANY_REDIRECTS, failed.failure());
        assertEquals(4, wireMock.getAllServeEvents().size());
    }

    @Test
    void anOversizedBodyIsRefused() {
        wireMock.stubFor(get(urlPathEqualTo("/big")).willReturn(aResponse().withStatus(200).withBody(new byte[2 * 1024 * 1024])));
        wireMock.stubFor(get(urlPathEqualTo("/chunked")).willReturn(aResponse().withStatus(200)
                .withBody(new byte[2 * 1024 * 1024]).withChunkedDribbleDelay(4, 10)));
        RemoteFetcher fetcher = fetcher(new AddressPolicy(false, true));

        for (String path : new String[] {"/big", "/chunked"}) {
            var failed = assertInstanceOf(FetchResult.Failed.class, fetcher.get("http://remote.test:" + wireMock.port() + path, "*/*"));
            assertEquals(FetchFailure.TOO_LARGE, failed.failure(), path);
        }
    }

    @Test
    void thePolicyDecidesEveryAddressClass() throws Exception {
        AddressPolicy strict = AddressPolicy.publicOnly();
        String[] refused = {"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
            "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::",
            "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:192.168.0.1", "::192.168.0.1", "64:ff9b::a00:1",
            "2002:a00:1::1", "2001:db8::1"};
        String[] allowed = {"93.184.216.34", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "64:ff9b::808:808"};

        for (String a : refused) {
            assertFalse(strict.allows(InetAddress.getByName(a)), a);
            assertTrue(new AddressPolicy(true, false).allows(InetAddress.getByName(a)), "switch allows " + a);
        }
        for (String a : allowed) {
            assertTrue(strict.allows(InetAddress.getByName(a)), a);
        }
        assertTrue(new AddressPolicy(false, true).allows(InetAddress.getByName("127.0.0.1")));
        assertFalse(new AddressPolicy(false, true).allows(InetAddress.getByName("10.0.0.1")));
    }

    /** No scheme memory: these fetches are unsigned. */
    private static final class NoMemory implements SignatureSchemeMemory {
        @Override
        public java.util.Optional<SignatureScheme> known(String host) {
            return java.util.Optional.empty();
        }

        @Override
        public void remember(String host, SignatureScheme scheme) {
        }
    }
}
