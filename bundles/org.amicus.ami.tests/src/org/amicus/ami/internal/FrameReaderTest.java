package org.amicus.ami.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.amicus.ami.AmiEvent;
import org.junit.jupiter.api.Test;

/** Frames parsed from the bytes as the PBX sends them, values made only when read. */
class FrameReaderTest {

    @Test
    void headersKeepTheirOrderNamesAndValuesWithoutTheBlanksAfterTheColon() throws IOException {
        FrameReader reader = reader("Event: Newchannel\r\nUniqueID:\t 1700.1\r\nCallerIDName: Иван Петров\r\n"
                + "Empty:\r\nNoColon\r\nWide:\u2003\u2003set\r\nTrailing: kept \r\n\r\n");

        FrameReader.Frame frame = reader.readFrame();

        assertTrue(frame.isEvent());
        assertFalse(frame.tooLong());
        assertEquals(List.of(entry("Event", "Newchannel"), entry("UniqueID", "1700.1"),
                entry("CallerIDName", "Иван Петров"), entry("Empty", ""), entry("NoColon", ""),
                entry("Wide", "set"), entry("Trailing", "kept ")), List.copyOf(frame.headers()));
        assertNull(reader.readFrame());
    }

    @Test
    void anEventFindsItsHeadersWhateverTheirCaseAndEveryRepeatedOne() throws IOException {
        FrameReader reader = reader("Event: VarSet\r\nUniqueid: 1.2\r\nChanVariable: a=1\r\nCHANVARIABLE: b=2\r\n\r\n");

        AmiEvent event = new AmiEvent(reader.readFrame().headers(), null);

        assertEquals("VarSet", event.name());
        assertEquals(Optional.of("1.2"), event.get("UniqueID"));
        assertEquals(Optional.of("1.2"), event.get("uniqueid"));
        assertEquals(List.of("a=1", "b=2"), event.getAll("ChanVariable"));
        assertEquals(Optional.empty(), event.get("Channel"));
    }

    @Test
    void aFrameKeepsItsValuesWhileTheNextOnesAreRead() throws IOException {
        StringBuilder stream = new StringBuilder();
        for (int frame = 0; frame < 3; frame++) {
            stream.append("Event: Big").append(frame).append("\r\n");
            for (int header = 0; header < 100; header++) { // beyond what the reader holds at first
                stream.append("Header").append(header).append(": ").append(String.valueOf(frame).repeat(50))
                        .append("\r\n");
            }
            stream.append("\r\n");
        }
        FrameReader reader = reader(stream.toString());

        List<FrameHeaders> frames = List.of(reader.readFrame().headers(), reader.readFrame().headers(),
                reader.readFrame().headers());

        for (int frame = 0; frame < 3; frame++) {
            FrameHeaders headers = frames.get(frame);
            assertEquals(101, headers.size());
            assertEquals("Big" + frame, headers.value(0));
            assertEquals("Header99", headers.name(100));
            assertEquals(String.valueOf(frame).repeat(50), headers.value(100));
        }
    }

    @Test
    void aLineTooLongMarksItsFrameAndTheNextFrameIsWhole() throws IOException {
        FrameReader reader = reader("Event: Huge\r\nData: " + "x".repeat(LineReader.MAX_LINE + 10)
                + "\r\n\r\nEvent: Small\r\n\r\n");

        FrameReader.Frame huge = reader.readFrame();
        FrameReader.Frame small = reader.readFrame();

        assertTrue(huge.tooLong());
        assertEquals(List.of(entry("Event", "Huge")), List.copyOf(huge.headers()));
        assertFalse(small.tooLong());
        assertEquals("Small", small.headers().value(0));
    }

    @Test
    void everyLineEndIsFoundWhereverItFallsInTheEightBytesLookedAtOnce() throws IOException {
        StringBuilder stream = new StringBuilder();
        List<String> lines = new ArrayList<>();
        for (int length = 0; length < 40; length++) {
            String line = "x".repeat(length) + (length % 3 == 0 ? "é" : ""); // two bytes in UTF-8
            lines.add(line);
            stream.append(line).append(length % 2 == 0 ? "\r\n" : "\n");
        }
        LineReader reader = new LineReader(new ByteArrayInputStream(stream.toString()
                .getBytes(StandardCharsets.UTF_8)));

        for (String line : lines) {
            assertEquals(line, reader.next());
        }
        assertNull(reader.next());
    }

    @Test
    void aStreamEndingInsideAFrameIsAnError() {
        FrameReader reader = reader("Event: Cut\r\nUniqueid: 1.");

        assertThrows(IOException.class, reader::readFrame);
    }

    @Test
    void headersGivenAsAListAnswerAsTheReadOnesDo() {
        FrameHeaders headers = FrameHeaders.copyOf(List.of(entry("Event", "Hangup"), entry("Cause", "16")));

        assertEquals(2, headers.size());
        assertEquals(HeaderKeys.of("cause"), headers.key(1));
        assertEquals("16", headers.value(1));
        assertEquals("[Event=Hangup, Cause=16]", headers.toString());
        assertEquals(Optional.empty(), new AmiEvent(List.of(entry("Event", "Hangup"), entry("Cause", null)), null)
                .get("Cause"));
    }

    private static FrameReader reader(String stream) {
        return new FrameReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new SimpleImmutableEntry<>(name, value);
    }
}
