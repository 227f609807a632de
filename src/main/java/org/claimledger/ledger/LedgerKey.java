package org.claimledger.ledger;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.claimledger.common.db.EmbeddedDatabase;
import org.jboss.logging.Logger;

/**
 * The Ed25519 key that signs checkpoints: {@code claims.ledger.signing-key} (PKCS#8, base64 or PEM,
 * or the path of a file holding it). Without one, the embedded database's installation generates a
 * key on first start and keeps it next to its data directory; any other installation signs with a
 * key that lives only as long as the process, and says so.
 */
@Startup
@Singleton
class LedgerKey {

    static final String FILE_NAME = "ledger-signing-key.pem";
    private static final Logger LOG = Logger.getLogger(LedgerKey.class);

    private final String name;
    private final PrivateKey privateKey;
    private final byte[] publicKey;

    LedgerKey(LedgerConfig config) {
        this.name = config.origin();
        KeyPair pair = config.signingKey().filter(s -> !s.isBlank()).map(LedgerKey::fromSetting).orElseGet(LedgerKey::byDefault);
        this.privateKey = pair.getPrivate();
        this.publicKey = SignedNote.rawPublicKey(pair.getPublic());
        LOG.infof("Ledger checkpoints are signed as %s", verifierKey());
    }

    String name() {
        return name;
    }

    String verifierKey() {
        return SignedNote.verifierKey(name, publicKey);
    }

    String sign(String text) {
        return SignedNote.sign(text, name, privateKey, publicKey);
    }

    private static KeyPair fromSetting(String setting) {
        String text = setting.strip();
        Path file = Path.of(text.length() < 4096 && !text.contains("\n") ? text : ".");
        if (!text.startsWith("MC") && Files.isRegularFile(file)) {
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read claims.ledger.signing-key file " + file, e);
            }
        }
        return decode(text);
    }

    /** PKCS#8 in base64, with or without PEM armour. */
    static KeyPair decode(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            return withPublicKey((EdECPrivateKey) key);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("claims.ledger.signing-key is not an Ed25519 private key in PKCS#8 (base64 or PEM)");
        }
    }

    static String encode(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * The key pair of a private key. The JDK derives an Ed25519 public key only while generating a
     * pair, so the pair is generated again from the same 32-byte seed.
     */
    private static KeyPair withPublicKey(EdECPrivateKey key) throws GeneralSecurityException {
        byte[] seed = key.getBytes().orElseThrow(() -> new GeneralSecurityException("private key bytes unavailable"));
        SecureRandom replay = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
        };
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, replay);
        KeyPair pair = generator.generateKeyPair();
        return new KeyPair(pair.getPublic(), key);
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair byDefault() {
        String dataDir = System.getProperty(EmbeddedDatabase.ACTIVE_PROPERTY);
        if (dataDir == null) {
            LOG.warn("claims.ledger.signing-key is not set: checkpoints are signed with a key generated for this process "
                    + "only, so readers cannot pin it. Set CLAIMS_LEDGER_SIGNING_KEY (see the README, Verifying the ledger).");
            return generate();
        }
        Path file = Path.of(dataDir).toAbsolutePath().resolveSibling(FILE_NAME);
        try {
            if (Files.isRegularFile(file)) {
                return decode(Files.readString(file));
            }
            KeyPair pair = generate();
            Files.writeString(file, encode(pair.getPrivate()), StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            LOG.infof("Generated the ledger signing key and keep it in %s: back it up with the data, "
                    + "and give readers the verifier key at /api/v1/ledger/key", file);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the ledger signing key in " + file, e);
        }
    }
}
