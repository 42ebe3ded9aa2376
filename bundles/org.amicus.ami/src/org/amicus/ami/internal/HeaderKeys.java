package org.amicus.ami.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lower-case key per header name, shared by every spelling and every event, so that finding a header in an
 * event compares references instead of strings letter by letter without regard to case. A PBX sends a few hundred
 * distinct names; past {@link #LIMIT} (a PBX that makes up names, say) keys are still correct, just not shared.
 */
public final class HeaderKeys {

    static final int LIMIT = 10_000;
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    /** Set once a key was handed out that is not shared: past the limit, keys may be equal without being the same. */
    private static volatile boolean full;
    private static final Set<String> READ_OFTEN = ConcurrentHashMap.newKeySet();

    private HeaderKeys() {
    }

    /** The key of a header name, e.g. {@code uniqueid} for {@code Uniqueid} and {@code UniqueID}. */
    public static String of(String name) {
        String key = KEYS.get(name);
        if (key != null) {
            return key;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        key = KEYS.getOrDefault(lower, lower);
        if (KEYS.size() < LIMIT) {
            key = KEYS.putIfAbsent(lower, key) instanceof String shared ? shared : key;
            KEYS.putIfAbsent(name, key);
        } else {
            full = true;
        }
        return key;
    }

    /**
     * Marks a key as one that listeners read in (nearly) every event: its values are made into strings on the reader
     * thread as frames are read, not on the dispatch thread that the listeners share. A connection that met the name
     * before the mark learns of it when it next meets the name ({@link #readOftenMarks}).
     */
    public static void readOften(String key) {
        READ_OFTEN.add(key);
    }

    /** How many keys were marked {@link #readOften} so far: a name made before the last mark may be out of date. */
    static int readOftenMarks() {
        return READ_OFTEN.size(); // keys are never unmarked: the count grows with every new mark
    }

    static boolean isReadOften(String key) {
        return READ_OFTEN.contains(key);
    }

    /** Whether every key handed out so far is the shared one, so that two keys are equal only if they are the same. */
    public static boolean allShared() {
        return !full;
    }
}
