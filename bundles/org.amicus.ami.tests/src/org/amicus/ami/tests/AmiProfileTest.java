package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.amicus.ami.AmiProfile;
import org.junit.jupiter.api.Test;

class AmiProfileTest {

    @Test
    void describesTheServer() {
        assertEquals("amicus@pbx.example:5039 (TLS)",
                new AmiProfile("x", "pbx.example", 5039, true, "amicus").server());
    }

    @Test
    void rejectsValuesThatWouldBreakAmiHeaders() {
        assertThrows(IllegalArgumentException.class,
                () -> new AmiProfile("x", "pbx\r\nAction: Hangup", 5038, false, "u"));
        assertThrows(IllegalArgumentException.class, () -> new AmiProfile("x", "pbx", 5038, false, "u\n"));
        assertThrows(IllegalArgumentException.class, () -> new AmiProfile("x", "pbx", 5038, false, " "));
    }

    @Test
    void rejectsPortsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new AmiProfile("x", "pbx", 0, false, "u"));
        assertThrows(IllegalArgumentException.class, () -> new AmiProfile("x", "pbx", 65_536, false, "u"));
    }
}
