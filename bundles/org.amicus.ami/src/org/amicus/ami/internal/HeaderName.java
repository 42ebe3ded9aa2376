package org.amicus.ami.internal;

/**
 * A header's name as the PBX spelled it, its {@link HeaderKeys key} for finding it without regard to case, and whether
 * listeners {@link HeaderKeys#readOften read it often}.
 */
record HeaderName(String text, String key, boolean readOften) {

    static HeaderName of(String text) {
        String key = HeaderKeys.of(text);
        return new HeaderName(text, key, HeaderKeys.isReadOften(key));
    }
}
