package org.scalestudy.check;

import java.nio.charset.CharacterCodingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.scalestudy.lang.TextInput;

/** Strict UTF-8 decoding and SHA-256 hashing of file bytes. */
public final class StandardDecoding {
    private StandardDecoding() {
    }

    /** Strict UTF-8 under the one text policy ({@link TextInput}: byte-order mark dropped, LF line ends). */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        return TextInput.decode(bytes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
