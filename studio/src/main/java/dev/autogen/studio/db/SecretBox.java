package dev.autogen.studio.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets of settings (API keys, tokens) before they reach the database, with AES-GCM
 * and a key kept in a file of the app dir ({@code studio.key}, readable by its owner only). A copy of
 * the database alone does not give the secrets away.
 */
public final class SecretBox {
    /** What an encrypted value starts with. */
    public static final String PREFIX = "enc:v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The box whose key is {@code keyFile}, creating a new random key there if it is missing. */
    public static SecretBox open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                RANDOM.nextBytes(key);
                Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file keeps the folder's permissions
                }
                Files.move(tmp, keyFile);
            }
            return new SecretBox(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the Studio's key file " + keyFile + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Studio's key file " + keyFile + " is damaged; delete it and enter "
                    + "the secrets of the settings again", e);
        }
    }

    /** Whether {@code value} is one this box wrote. */
    public static boolean isSealed(String value) {
        return value.startsWith(PREFIX);
    }

    /** {@code value} encrypted. */
    public String seal(String value) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a secret: " + e.getMessage(), e);
        }
    }

    /**
     * The clear text of a value {@link #seal} wrote.
     *
     * @throws IllegalArgumentException if it was sealed with another key or damaged
     */
    public String open(String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("a secret of the settings cannot be decrypted with this app dir's key; "
                    + "enter it again", e);
        }
    }
}
