package org.amicus.ami.internal;

/** A header's name as the PBX spelled it, and its {@link HeaderKeys key} for finding it without regard to case. */
record HeaderName(String text, String key) {

    static HeaderName of(String text) {
        return new HeaderName(text, HeaderKeys.of(text));
    }
}
