package org.openbpo.shared.secret;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals secrets that OpenBPO must be able to read back (a client's mailbox password, say) with
 * AES-256-GCM under the key in {@code openbpo.secrets.key}, so a copy of the database alone reveals
 * nothing. The caller names what the secret is for ({@code context}, bound as associated data), so
 * a sealed value copied into another client's row does not open there.
 */
@Component
public class Secrets {

    private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The stored value does not open with the configured key (a changed key, or a tampered row). */
    public static class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    private final SecretKeySpec key;
    private final SecretKeySpec macKey;

    public Secrets(@Value("${openbpo.secrets.key:}") String configured) {
        byte[] bytes = keyBytes(configured);
        this.key = new SecretKeySpec(bytes, "AES");
        this.macKey = new SecretKeySpec(hmac(new SecretKeySpec(bytes, "HmacSHA256"), "openbpo:mac-key".getBytes(StandardCharsets.UTF_8)),
                "HmacSHA256");
    }

    /**
     * A keyed digest of {@code data} for {@code context} (HMAC-SHA256 under a key derived from {@code openbpo.secrets.key}):
     * the same on every node that shares the key, and not computable by anyone who does not have it.
     */
    public byte[] mac(String context, byte[] data) {
        byte[] named = context.getBytes(StandardCharsets.UTF_8);
        return hmac(macKey, ByteBuffer.allocate(named.length + 1 + data.length).put(named).put((byte) 0).put(data).array());
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public byte[] seal(String secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new Unreadable("The stored secret for " + context + " is not in a format this version reads.");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(sealed, 1, nonce, 0, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, context);
            return new String(cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Unreadable("The stored secret for " + context + " does not open with the configured openbpo.secrets.key; enter it again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static byte[] keyBytes(String configured) {
        if (configured.isBlank()) {
            byte[] generated = new byte[32];
            RANDOM.nextBytes(generated);
            // A development convenience only: secrets sealed in this run cannot be opened after a restart
            // unless the printed key is configured.
            LOG.warn("openbpo.secrets.key is not set. Using a key generated for this run: {} — secrets stored now "
                    + "(such as mailbox passwords) cannot be read after a restart unless you set "
                    + "openbpo.secrets.key to it. Set your own 32-byte base64 key in production.",
                    Base64.getEncoder().encodeToString(generated));
            return generated;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("openbpo.secrets.key must be base64 (for example: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("openbpo.secrets.key must be 32 bytes (256 bits) in base64; it is " + bytes.length);
        }
        return bytes;
    }
}
