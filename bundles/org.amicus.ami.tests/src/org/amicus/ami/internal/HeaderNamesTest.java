package org.amicus.ami.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.amicus.ami.AmiEvent;
import org.junit.jupiter.api.Test;

/** A connection's names, each made once, learn that a listener reads one often even after they first met it. */
class HeaderNamesTest {

    @Test
    void aNameMetBeforeAListenerResolvedItIsReadOftenAfter() {
        HeaderNames names = new HeaderNames();
        byte[] name = "X-Amicus-Ticket".getBytes(StandardCharsets.US_ASCII);
        assertFalse(of(names, name).readOften());
        assertSame(of(names, name), of(names, name));

        AmiEvent.Header.of("x-amicus-ticket"); // a listener that reads it in every event, as the registry does
        HeaderName again = of(names, name);
        assertTrue(again.readOften());
        assertEquals("X-Amicus-Ticket", again.text());
        assertSame(again, of(names, name));
    }

    private static HeaderName of(HeaderNames names, byte[] name) {
        int hash = 0;
        for (byte b : name) {
            hash = HeaderNames.hash(hash, b);
        }
        return names.of(name, 0, name.length, hash);
    }
}
