package org.disclosureledger.core.checkpoint;

import java.util.Base64;
import java.util.HexFormat;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The "name+keyid+base64(0x01 || key)" body of signed-note key texts, shared by verifier keys and (after the
 * PRIVATE+KEY+ prefix) signer keys. Messages never repeat the key bytes, which for a signer key are the secret.
 *
 * @param key the 32 key bytes after the signature type byte
 */
record KeyText(String keyName, int keyId, byte[] key) {

    static KeyText parse(String field, String text) {
        int first = text.indexOf('+');
        int second = first < 0 ? -1 : text.indexOf('+', first + 1);
        if (second < 0) {
            throw new InvalidValue(field, field + " is <name>+<8 hex digit key id>+<base64 key>");
        }
        String keyName = text.substring(0, first);
        String keyId = text.substring(first + 1, second);
        String key64 = text.substring(second + 1);
        if (!NoteText.isValidKeyName(keyName)) {
            throw new InvalidValue(field, field + " has no valid key name: one without spaces or plus signs");
        }
        if (keyId.length() != 8 || !keyId.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new InvalidValue(field, field + " has no key id of 8 hex digits");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(key64);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(field, field + " has a key that is not standard base64");
        }
        if (!Base64.getEncoder().encodeToString(key).equals(key64)) {
            throw new InvalidValue(field, field + " has a key that is not canonical standard base64");
        }
        if (key.length == 0 || key[0] != Ed25519.SIGNATURE_TYPE) {
            throw new InvalidValue(field, field + " is not an Ed25519 key (signature type 0x01)");
        }
        if (key.length != 1 + Ed25519.KEY_LENGTH) {
            throw new InvalidValue(field, field + " has a key of " + (key.length - 1) + " bytes, not 32");
        }
        byte[] raw = new byte[Ed25519.KEY_LENGTH];
        System.arraycopy(key, 1, raw, 0, raw.length);
        return new KeyText(keyName, (int) HexFormat.fromHexDigitsToLong(keyId), raw);
    }

    static String format(String keyName, int keyId, byte[] key) {
        byte[] typed = new byte[1 + key.length];
        typed[0] = Ed25519.SIGNATURE_TYPE;
        System.arraycopy(key, 0, typed, 1, key.length);
        return String.format("%s+%08x+%s", keyName, keyId, Base64.getEncoder().encodeToString(typed));
    }
}
