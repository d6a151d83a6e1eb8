package de.offenekommune.federation.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import de.offenekommune.federation.testing.SharedFiles;

class KeysTest {

    @Test
    void multikeyOfTheVcDiEddsaVectorKeyPairRoundTrips() throws Exception {
        String json = Files.readString(SharedFiles.testvectors().resolve("vc-di-eddsa/TestVectors/keyPair.json"));
        String pub = json.replaceAll("(?s).*\"publicKeyMultibase\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String sec = json.replaceAll("(?s).*\"privateKeyMultibase\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        Ed25519.PrivateKey privateKey = Ed25519.privateKey(Multikey.decodeEd25519SecretKey(sec));
        assertEquals(pub, privateKey.publicKey().multibase());
        assertEquals(sec, Multikey.encodeEd25519SecretKey(privateKey.raw()));
    }

    @Test
    void ed25519PemOfRfc9421AppendixBParsesAndSignsDeterministically() throws Exception {
        Path keys = SharedFiles.testvectors().resolve("rfc9421/keys");
        Ed25519.PrivateKey privateKey = Ed25519.fromPrivatePem(Files.readString(keys.resolve("test-key-ed25519.private.pem")));
        Ed25519.PublicKey publicKey = Ed25519.fromPem(Files.readString(keys.resolve("test-key-ed25519.public.pem")));
        assertEquals(publicKey, privateKey.publicKey());
        byte[] base = Files.readAllBytes(SharedFiles.testvectors().resolve("rfc9421/B.2.6-ed25519/signature-base.txt"));
        String expected = Files.readString(SharedFiles.testvectors().resolve("rfc9421/B.2.6-ed25519/signature.txt"))
                .replaceAll(".*=:([^:]+):.*", "$1");
        assertArrayEquals(Base64.getDecoder().decode(expected), privateKey.sign(base));
        assertTrue(publicKey.verify(base, privateKey.sign(base)));
        base[0] ^= 1;
        assertFalse(publicKey.verify(base, privateKey.sign(new byte[] {1})));
    }

    @Test
    void rsaPkcs1AndSpkiPemsDescribeTheSameKey() throws Exception {
        Path keys = SharedFiles.testvectors().resolve("rfc9421/keys");
        var pkcs1Public = Rsa.parsePublic(Files.readString(keys.resolve("test-key-rsa.public.pem")));
        var pkcs1Private = Rsa.parsePrivate(Files.readString(keys.resolve("test-key-rsa.private.pem")));
        assertEquals(pkcs1Public, Rsa.publicOf(pkcs1Private));
        var roundTrip = Rsa.parsePublic(Rsa.publicPem(pkcs1Public));
        assertEquals(pkcs1Public, roundTrip);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(Rsa.parsePrivate(Rsa.privatePem(pkcs1Private)));
        signer.update("hello".getBytes(StandardCharsets.UTF_8));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(roundTrip);
        verifier.update("hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signer.sign()));
    }

    @Test
    void brokenInputsAreRefusedWithIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519PublicKey("u123"));
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519PublicKey("z0OIl"));
        assertThrows(IllegalArgumentException.class, () -> Multikey.decodeEd25519PublicKey("z" + Base58.encode(new byte[34])));
        assertThrows(IllegalArgumentException.class, () -> Rsa.parsePublic("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        assertThrows(IllegalArgumentException.class, () -> Rsa.parsePublic("not a pem"));
    }

    @Test
    void base58KeepsLeadingZeros() {
        byte[] bytes = {0, 0, 1, 2, (byte) 255};
        assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
        assertEquals("", Base58.encode(new byte[0]));
    }
}
