package org.scalestudy.lang;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one policy for every text file the tool reads (studies, CSV, JSON, JSON Lines, manifests, results):
 * strict UTF-8; a byte-order mark at the start is accepted and dropped; CR, LF and CRLF all end a line and
 * become LF, so lines are counted the same way in every file and every message.
 */
public final class TextInput {
    private TextInput() {
    }

    /** The bytes as text under this policy. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return normalize(text);
    }

    /** Drops a leading byte-order mark and turns CRLF and lone CR into LF. */
    public static String normalize(String text) {
        String out = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return out.indexOf('\r') < 0 ? out : out.replace("\r\n", "\n").replace('\r', '\n');
    }
}
