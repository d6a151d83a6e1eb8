package de.offenekommune.verification.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.offenekommune.federation.key.Ed25519;
import de.offenekommune.federation.key.Multikey;
import de.offenekommune.federation.testing.SharedFiles;
import de.offenekommune.verification.jcs.StrictJson;
import de.offenekommune.verification.key.SigningKey;

/** Reads the shared test vectors (vc-di-eddsa, FEP-8b32) used by several test classes. */
public final class Vectors {
    public static final Path VC_DI_EDDSA = SharedFiles.testvectors().resolve("vc-di-eddsa/TestVectors");
    public static final Path FEP_8B32 = SharedFiles.testvectors().resolve("fep/8b32/fep-8b32.feature");
    /** The did:key verification method the vc-di-eddsa vectors sign with. */
    public static final URI DID_KEY_METHOD = URI.create("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
            + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");

    private Vectors() {
    }

    public static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String vcText(String relative) {
        return text(VC_DI_EDDSA.resolve(relative));
    }

    public static ObjectNode vcJson(String relative) {
        return (ObjectNode) StrictJson.parse(vcText(relative));
    }

    public static Ed25519.PrivateKey vectorPrivateKey() {
        String multibase = vcJson("keyPair.json").get("privateKeyMultibase").textValue();
        return Ed25519.privateKey(Multikey.decodeEd25519SecretKey(multibase));
    }

    public static Ed25519.PublicKey vectorPublicKey() {
        return Ed25519.fromMultibase(vcJson("keyPair.json").get("publicKeyMultibase").textValue());
    }

    public static SigningKey didKeySigningKey() {
        return SigningKey.of(URI.create(DID_KEY_METHOD.toString().substring(0, DID_KEY_METHOD.toString().indexOf('#'))),
                DID_KEY_METHOD, vectorPrivateKey());
    }

    /** The JSON documents between Gherkin {@code """} fences of the FEP-8b32 feature file, in order. */
    public static List<ObjectNode> fep8b32Documents() {
        String[] parts = text(FEP_8B32).split("\"\"\"");
        List<ObjectNode> documents = new ArrayList<>();
        for (int i = 1; i < parts.length; i += 2) {
            documents.add((ObjectNode) StrictJson.parse(parts[i]));
        }
        return documents;
    }
}
