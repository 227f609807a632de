package org.claimledger.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes (c2sp.org/signed-note) with Ed25519: the text, a blank line, and signature
 * lines "— name base64(key hash || signature)". The key hash is the first 4 bytes of
 * SHA-256(name || 0x0A || 0x01 || public key); the verifier key line is
 * "name+hex(key hash)+base64(0x01 || public key)".
 */
public final class SignedNote {

    static final byte ED25519 = 0x01;
    static final String SIGNATURE_PREFIX = "\u2014 ";
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNote() {
    }

    /** The note: text (ending in a newline), a blank line, and one signature line. */
    public static String sign(String text, String name, PrivateKey key, byte[] publicKey) {
        requireText(text);
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = ed.sign();
            byte[] blob = new byte[4 + signature.length];
            System.arraycopy(keyHash(name, publicKey), 0, blob, 0, 4);
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return text + "\n" + SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key). */
    public static byte[] keyHash(String name, byte[] publicKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(ED25519);
            sha.update(publicKey);
            return Arrays.copyOf(sha.digest(), 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "name+hex(key hash)+base64(0x01 || public key)". */
    public static String verifierKey(String name, byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + HexFormat.of().formatHex(keyHash(name, publicKey)) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** The raw 32-byte Ed25519 public key: the end of its X.509 encoding. */
    public static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** A parsed verifier key line. */
    public record Verifier(String name, byte[] keyHash, byte[] publicKey) {

        public static Verifier parse(String line) {
            String[] parts = line.strip().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
                throw new IllegalArgumentException("not a verifier key (name+hash+key): " + line.strip());
            }
            byte[] typed;
            try {
                typed = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("verifier key is not base64: " + parts[2]);
            }
            if (typed.length != 33 || typed[0] != ED25519) {
                throw new IllegalArgumentException("verifier key is not an Ed25519 key");
            }
            byte[] publicKey = Arrays.copyOfRange(typed, 1, 33);
            byte[] hash = HexFormat.of().parseHex(parts[1]);
            if (!Arrays.equals(hash, SignedNote.keyHash(parts[0], publicKey))) {
                throw new IllegalArgumentException("verifier key hash does not match its name and key");
            }
            return new Verifier(parts[0], hash, publicKey);
        }

        /**
         * The note's text when a signature line of this key verifies; otherwise an exception that
         * says why. Signatures of other keys are ignored, as the spec requires.
         */
        public String open(String note) {
            int split = note.lastIndexOf("\n\n");
            if (split < 0) {
                throw new IllegalArgumentException("not a signed note: no blank line before the signatures");
            }
            String text = note.substring(0, split + 1);
            requireText(text);
            boolean sawKey = false;
            for (String line : note.substring(split + 2).split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                if (!line.startsWith(SIGNATURE_PREFIX)) {
                    throw new IllegalArgumentException("malformed signature line: " + line);
                }
                String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("malformed signature line: " + line);
                }
                byte[] blob;
                try {
                    blob = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("signature is not base64: " + line);
                }
                if (blob.length < 5 || !parts[0].equals(name) || !Arrays.equals(Arrays.copyOf(blob, 4), keyHash)) {
                    continue;
                }
                sawKey = true;
                if (verify(text, Arrays.copyOfRange(blob, 4, blob.length))) {
                    return text;
                }
            }
            throw new IllegalArgumentException(sawKey ? "the signature of " + name + " does not verify"
                    : "no signature by the key " + name + "+" + HexFormat.of().formatHex(keyHash));
        }

        private boolean verify(String text, byte[] signature) {
            try {
                byte[] x509 = new byte[X509_PREFIX.length + 32];
                System.arraycopy(X509_PREFIX, 0, x509, 0, X509_PREFIX.length);
                System.arraycopy(publicKey, 0, x509, X509_PREFIX.length, 32);
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                Signature ed = Signature.getInstance("Ed25519");
                ed.initVerify(key);
                ed.update(text.getBytes(StandardCharsets.UTF_8));
                return ed.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return name + "+" + HexFormat.of().formatHex(keyHash);
        }
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n")) {
            throw new IllegalArgumentException("note text must be non-empty lines, each ending in a newline");
        }
    }
}
