package org.disclosureledger.projections.eventstore;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The revision under which an aggregate's snapshots are stored: a fingerprint of the shape of its state (field names
 * and types, followed into the ledger's own records, classes and enums).
 *
 * <p>Snapshots can never be deleted from the append-only snapshot table, so a snapshot written by an older version of
 * an aggregate stays there. When the aggregate's state changes shape, its fingerprint changes, the snapshot filter
 * skips the old snapshots, and the aggregate is rebuilt from its events (then snapshotted afresh). Without it, a field
 * added to the aggregate would silently read as null or zero from an old snapshot.
 */
public final class SnapshotRevision {

    private static final String OWN_PACKAGES = "org.disclosureledger.";

    private SnapshotRevision() {}

    /** The revision of the given aggregate's snapshots: 16 hex digits of SHA-256 over its state's shape. */
    public static String of(Class<?> aggregateType) {
        StringBuilder shape = new StringBuilder();
        describe(aggregateType, new HashSet<>(), shape);
        return HexFormat.of().formatHex(sha256(shape.toString())).substring(0, 16);
    }

    /** The shape that the revision is a hash of, readable; for diagnosing why snapshots were skipped. */
    public static String shapeOf(Class<?> aggregateType) {
        StringBuilder shape = new StringBuilder();
        describe(aggregateType, new HashSet<>(), shape);
        return shape.toString();
    }

    private static void describe(Type type, Set<Class<?>> seen, StringBuilder out) {
        if (type instanceof ParameterizedType parameterized) {
            describe(parameterized.getRawType(), seen, out);
            out.append('<');
            Type[] arguments = parameterized.getActualTypeArguments();
            for (int i = 0; i < arguments.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                describe(arguments[i], seen, out);
            }
            out.append('>');
        } else if (type instanceof GenericArrayType array) {
            describe(array.getGenericComponentType(), seen, out);
            out.append("[]");
        } else if (type instanceof Class<?> c) {
            describeClass(c, seen, out);
        } else {
            out.append(type.getTypeName());
        }
    }

    private static void describeClass(Class<?> c, Set<Class<?>> seen, StringBuilder out) {
        if (c.isArray()) {
            describe(c.getComponentType(), seen, out);
            out.append("[]");
            return;
        }
        out.append(c.getName());
        if (!c.getName().startsWith(OWN_PACKAGES) || !seen.add(c)) {
            return;
        }
        out.append('{');
        if (c.isEnum()) {
            Arrays.stream(c.getEnumConstants())
                    .forEach(constant -> out.append(((Enum<?>) constant).name()).append(';'));
        } else if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                out.append(component.getName()).append(':');
                describe(component.getGenericType(), seen, out);
                out.append(';');
            }
        } else {
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                Field[] fields = k.getDeclaredFields();
                Arrays.sort(fields, Comparator.comparing(Field::getName));
                for (Field field : fields) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                        continue;
                    }
                    out.append(field.getName()).append(':');
                    describe(field.getGenericType(), seen, out);
                    out.append(';');
                }
            }
        }
        out.append('}');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
