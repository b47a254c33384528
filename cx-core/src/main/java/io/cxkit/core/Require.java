package io.cxkit.core;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Package-private argument checks shared by the domain records (beyond the public {@link Check}). */
final class Require {

    private Require() {
    }

    /**
     * Copies a string-to-string attribute map into an immutable map sorted by key, so that
     * {@code toString()} is deterministic. Keys must not be blank; values must not be null.
     *
     * @param attributes the map, not null
     * @param name the parameter name used in messages
     * @return an unmodifiable sorted copy
     */
    static Map<String, String> attributes(Map<String, String> attributes, String name) {
        Check.notNull(attributes, name);
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            String key = e.getKey();
            if (key == null) {
                throw new NullPointerException(name + " must not contain a null key");
            }
            if (key.isBlank()) {
                throw new IllegalArgumentException(name + " key must not be blank: '" + key + "'");
            }
            if (e.getValue() == null) {
                throw new NullPointerException(name + " value for '" + key + "' must not be null");
            }
            copy.put(key, e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }
}
