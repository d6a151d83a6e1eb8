package de.offenekommune.node.activitypub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import de.offenekommune.federation.vocab.ActivityJson;
import de.offenekommune.node.testing.Fediverse;

/**
 * Checks a draft-cavage signature the way Mastodon does, with the JDK only (not our verifier):
 * the Digest matches the body, the key is the one the actor document publishes, the signing string
 * is rebuilt from the listed headers and RSA-SHA256 verifies.
 */
final class CavageCheck {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private CavageCheck() {
    }

    static void verify(LoggedRequest request, Fediverse fediverse) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(request.getHeader("Signature"));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        assertEquals("rsa-sha256", params.get("algorithm"));
        String headers = params.get("headers");
        assertTrue(headers.contains("(request-target)") && headers.contains("digest") && headers.contains("date"),
                headers);
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(request.getBody());
        assertEquals("SHA-256=" + Base64.getEncoder().encodeToString(sha), request.getHeader("Digest"));

        StringBuilder signingString = new StringBuilder();
        for (String name : headers.split(" ")) {
            if (!signingString.isEmpty()) {
                signingString.append('\n');
            }
            String value = name.equals("(request-target)")
                    ? request.getMethod().value().toLowerCase() + " " + request.getUrl()
                    : request.getHeader(name);
            signingString.append(name).append(": ").append(value);
        }
        String keyId = params.get("keyId");
        JsonNode actor = ActivityJson.parse(fediverse.getJson(keyId.substring(0, keyId.indexOf('#'))).body());
        assertEquals(keyId, actor.path("publicKey").path("id").asText());
        String pem = actor.path("publicKey").path("publicKeyPem").asText()
                .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
        assertTrue(rsa.verify(Base64.getDecoder().decode(params.get("signature"))), "cavage signature verifies");
    }
}
