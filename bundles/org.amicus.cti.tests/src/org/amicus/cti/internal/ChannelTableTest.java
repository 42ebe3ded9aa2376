package org.amicus.cti.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;
import org.amicus.cti.ChannelState;
import org.junit.jupiter.api.Test;

/** The channel table, fed events in the shapes and orders Asterisk 22 sends them, one at a time. */
class ChannelTableTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final ChannelTable table = new ChannelTable();

    @Test
    void anEventAfterTheHangUpDoesNotBringTheChannelBack() {
        apply("Newchannel", "Channel", "PJSIP/104-1", "Uniqueid", "1.1", "Linkedid", "1.1", "ChannelState", "5");
        apply("Hangup", "Channel", "PJSIP/104-1", "Uniqueid", "1.1", "ChannelState", "5", "Cause", "16");

        apply("Newstate", "Channel", "PJSIP/104-1", "Uniqueid", "1.1", "ChannelState", "6");
        apply("DialEnd", "Channel", "PJSIP/105-2", "Uniqueid", "1.2", "DestChannel", "PJSIP/104-1",
                "DestUniqueid", "1.1", "DestChannelState", "5", "DialStatus", "CANCEL");
        apply("BridgeEnter", "BridgeUniqueid", "b-1", "Channel", "PJSIP/104-1", "Uniqueid", "1.1",
                "ChannelState", "6");
        apply("ChanSpyStart", "SpyerChannel", "PJSIP/104-1", "SpyerUniqueid", "1.1", "SpyerChannelState", "6",
                "SpyeeChannel", "PJSIP/105-2", "SpyeeUniqueid", "1.2");

        assertTrue(snapshot().byUniqueId("1.1").isEmpty(), "the hung-up channel stays gone");
        assertTrue(snapshot().byUniqueId("1.2").isPresent(), "the other channels of those events are kept");
    }

    @Test
    void aListingDoesNotBringBackAChannelHungUpBeforeIt() {
        apply("Newchannel", "Channel", "PJSIP/104-1", "Uniqueid", "1.1", "ChannelState", "5");
        apply("Hangup", "Channel", "PJSIP/104-1", "Uniqueid", "1.1");
        table.expectListing("list-1");
        apply("CoreShowChannel", "ActionID", "list-1", "Channel", "PJSIP/104-1", "Uniqueid", "1.1",
                "ChannelState", "5", "Duration", "00:00:01");
        apply("CoreShowChannelsComplete", "ActionID", "list-1");

        assertTrue(snapshot().byUniqueId("1.1").isEmpty());
    }

    @Test
    void aChannelStaysOnHoldThroughAListingWhichDoesNotTellHold() {
        apply("Newchannel", "Channel", "PJSIP/106-1", "Uniqueid", "1.1", "ChannelState", "6");
        apply("Hold", "Channel", "PJSIP/106-1", "Uniqueid", "1.1", "ChannelState", "6", "MusicClass", "default");
        assertTrue(snapshot().byUniqueId("1.1").orElseThrow().onHold());

        table.expectListing("list-1");
        apply("CoreShowChannel", "ActionID", "list-1", "Channel", "PJSIP/106-1", "Uniqueid", "1.1",
                "ChannelState", "6", "Duration", "00:00:05");
        apply("CoreShowChannel", "ActionID", "list-1", "Channel", "PJSIP/108-2", "Uniqueid", "1.2",
                "ChannelState", "6", "Duration", "00:00:05");
        apply("CoreShowChannelsComplete", "ActionID", "list-1");
        assertTrue(snapshot().byUniqueId("1.1").orElseThrow().onHold(), "kept as the events left it");
        assertFalse(snapshot().byUniqueId("1.2").orElseThrow().onHold(), "first learnt of from the listing");

        apply("Unhold", "Channel", "PJSIP/106-1", "Uniqueid", "1.1", "ChannelState", "6");
        assertFalse(snapshot().byUniqueId("1.1").orElseThrow().onHold());
    }

    @Test
    void onlyTheLatestHangUpsAreKept() {
        Tombstones tombstones = new Tombstones(3);
        List.of("1", "2", "3", "4").forEach(tombstones::bury);
        assertFalse(tombstones.buried("1"), "the oldest is forgotten");
        assertTrue(tombstones.buried("2") && tombstones.buried("4"));
        assertEquals(3, tombstones.size());
    }

    @Test
    void aRingGroupRingsThroughToEveryPhoneUntilOneAnswers() {
        apply("Newchannel", "Channel", "PJSIP/105-1", "Uniqueid", "c", "ChannelState", "4");
        for (String phone : List.of("104", "106", "110")) {
            apply("DialBegin", "Channel", "PJSIP/105-1", "Uniqueid", "c", "ChannelState", "4",
                    "DestChannel", "PJSIP/" + phone + "-2", "DestUniqueid", phone, "DestChannelState", "0");
        }
        assertEquals("PJSIP/104-2, PJSIP/106-2, PJSIP/110-2", bridgedWith("c"), "rings all three");
        assertEquals("PJSIP/105-1", bridgedWith("110"));

        dialEnd("110", "BUSY");
        assertEquals("PJSIP/104-2, PJSIP/106-2", bridgedWith("c"), "a busy phone leaves the others ringing");
        assertEquals("", bridgedWith("110"));

        dialEnd("106", "ANSWER");
        dialEnd("104", "CANCEL");
        assertEquals("PJSIP/106-2", bridgedWith("c"), "the phone that answered, once the others are cancelled");
        assertEquals("PJSIP/105-1", bridgedWith("106"));
        assertEquals("", bridgedWith("104"));
        assertEquals(0, table.dialsUnderWay(), "a Dial that ended is forgotten");
    }

    @Test
    void anAnsweredPhoneTalksToItsCallerFromTheDialsEndThroughItsBridge() {
        apply("DialBegin", "Channel", "PJSIP/105-1", "Uniqueid", "c", "DestChannel", "PJSIP/108-2",
                "DestUniqueid", "108");
        dialEnd("108", "ANSWER");
        enter("108", "PJSIP/108-2");
        assertEquals("PJSIP/105-1", bridgedWith("108"), "entering the bridge before its caller");
        enter("c", "PJSIP/105-1");
        assertEquals("PJSIP/105-1", bridgedWith("108"));
        assertEquals("PJSIP/108-2", bridgedWith("c"));
        apply("BridgeLeave", "BridgeUniqueid", "call", "Channel", "PJSIP/105-1", "Uniqueid", "c", "ChannelState", "6");
        assertEquals("", bridgedWith("108"), "alone once the caller left");
    }

    @Test
    void aRingGroupThatNobodyAnswersRingsThroughToNobody() {
        apply("DialBegin", "Channel", "PJSIP/105-1", "Uniqueid", "c", "DestChannel", "PJSIP/104-2",
                "DestUniqueid", "104");
        apply("DialBegin", "Channel", "PJSIP/105-1", "Uniqueid", "c", "DestChannel", "PJSIP/107-2",
                "DestUniqueid", "107");
        dialEnd("104", "NOANSWER");
        assertEquals("PJSIP/107-2", bridgedWith("c"));
        apply("Hangup", "Channel", "PJSIP/105-1", "Uniqueid", "c");
        assertEquals(0, table.dialsUnderWay(), "a caller that hangs up is forgotten");
    }

    @Test
    void aBigBridgeNamesAFewPeersOfEachMember() {
        int size = 1_000;
        long started = System.nanoTime();
        for (int i = 0; i < size; i++) {
            apply("BridgeEnter", "BridgeUniqueid", "conference", "Channel", "PJSIP/" + i + "-1", "Uniqueid",
                    "m" + i, "ChannelState", "6");
        }
        long took = System.nanoTime() - started;

        assertEquals("PJSIP/1-1, PJSIP/2-1, PJSIP/3-1, PJSIP/4-1, PJSIP/5-1 and 994 more", bridgedWith("m0"));
        assertEquals("PJSIP/0-1, PJSIP/1-1, PJSIP/2-1, PJSIP/3-1, PJSIP/4-1 and 994 more", bridgedWith("m999"));
        apply("BridgeLeave", "BridgeUniqueid", "conference", "Channel", "PJSIP/1-1", "Uniqueid", "m1");
        assertEquals("PJSIP/2-1, PJSIP/3-1, PJSIP/4-1, PJSIP/5-1, PJSIP/6-1 and 993 more", bridgedWith("m0"));
        System.out.println("[figure] " + size + " channels entering one bridge: " + took / 1_000_000 + " ms");
    }

    @Test
    void aChannelMovedToAnotherBridgeKeepsItsNewPeersWhenItsLeaveIsToldLate() {
        apply("BridgeEnter", "BridgeUniqueid", "call", "Channel", "PJSIP/108-1", "Uniqueid", "mine");
        apply("BridgeEnter", "BridgeUniqueid", "call", "Channel", "PJSIP/105-1", "Uniqueid", "customer");
        // my phone consults: the PBX tells its entry into the consultation's bridge before its leaving the call's
        apply("BridgeEnter", "BridgeUniqueid", "consultation", "Channel", "Local/106@amicus-1;1", "Uniqueid",
                "target");
        apply("BridgeEnter", "BridgeUniqueid", "consultation", "Channel", "PJSIP/108-1", "Uniqueid", "mine");
        apply("BridgeLeave", "BridgeUniqueid", "call", "Channel", "PJSIP/108-1", "Uniqueid", "mine");

        assertEquals("Local/106@amicus-1;1", bridgedWith("mine"));
        assertEquals("PJSIP/108-1", bridgedWith("target"));
        assertEquals("", bridgedWith("customer"));
    }

    @Test
    void aSmallBridgeNamesEveryPeer() {
        for (int i = 0; i < 3; i++) {
            apply("BridgeEnter", "BridgeUniqueid", "b", "Channel", "PJSIP/" + i + "-1", "Uniqueid", "m" + i);
        }
        assertEquals("PJSIP/0-1, PJSIP/2-1", bridgedWith("m1"));
    }

    @Test
    void aSnapshotFindsChannelsByName() {
        IntStream.range(0, 100).forEach(i -> apply("Newchannel", "Channel", "PJSIP/" + i + "-1", "Uniqueid",
                "u" + i, "ChannelState", "6"));
        apply("Newchannel", "Channel", "PJSIP/7-1", "Uniqueid", "again", "ChannelState", "5");

        ChannelSnapshot snapshot = snapshot();
        assertEquals("u42", snapshot.byName("PJSIP/42-1").map(Channel::uniqueId).orElseThrow());
        assertEquals("u7", snapshot.byName("PJSIP/7-1").map(Channel::uniqueId).orElseThrow(), "the oldest");
        assertTrue(snapshot.byName("PJSIP/100-1").isEmpty());
        assertEquals(ChannelState.UP, snapshot.byName("PJSIP/0-1").orElseThrow().state());
    }

    @Test
    void anEventIsSaidToChangeAChannelExactlyWhenUpdatingTheChannelFromItChangesIt() {
        Random random = new Random(20261202);
        Map<Boolean, Integer> told = new HashMap<>();
        for (int run = 0; run < 10_000; run++) {
            ChannelHeaders headers = random.nextBoolean() ? ChannelHeaders.OWN : ChannelHeaders.DEST;
            String prefix = headers == ChannelHeaders.OWN ? "" : "Dest";
            Map<String, String> first = told(random, Map.of());
            ChannelDraft draft = new ChannelDraft("1.1", NOW).update(event(prefix, first), headers, NOW);
            draft.answered = random.nextBoolean() ? NOW : null;   // a listed channel's answer may be unknown
            Channel known = draft.build();
            AmiEvent event = event(prefix, told(random, first));
            boolean changes = !ChannelDraft.of(known).update(event, headers, NOW).build().equals(known);
            assertEquals(changes, ChannelDraft.changes(known, event, headers), known + " and " + event);
            told.merge(changes, 1, Integer::sum);
        }
        assertTrue(told.getOrDefault(false, 0) > 1000 && told.getOrDefault(true, 0) > 1000, "both told: " + told);
    }

    /** Some of a channel's headers, mostly with the values told before, else with values drawn from a few. */
    private static Map<String, String> told(Random random, Map<String, String> before) {
        String[] values = { "PJSIP/104-1", "1.1", "<unknown>", "", "Alice", "104", "0", "5", "6", "up", "amicus" };
        Map<String, String> told = new LinkedHashMap<>();
        for (String header : List.of("Channel", "Linkedid", "ChannelState", "CallerIDNum", "CallerIDName",
                "ConnectedLineNum", "ConnectedLineName", "Context", "Exten")) {
            int draw = random.nextInt(20);
            if (draw < 17 && before.containsKey(header)) {
                told.put(header, before.get(header));
            } else if (draw < 19) {
                told.put(header, values[random.nextInt(values.length)]);
            }
        }
        return told;
    }

    private static AmiEvent event(String prefix, Map<String, String> headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(new SimpleEntry<>("Event", "VarSet"));
        headers.forEach((header, value) -> entries.add(new SimpleEntry<>(prefix + header, value)));
        return new AmiEvent(entries, null);
    }

    private void enter(String uniqueId, String channel) {
        apply("BridgeEnter", "BridgeUniqueid", "call", "Channel", channel, "Uniqueid", uniqueId, "ChannelState", "6");
    }

    private void dialEnd(String destination, String status) {
        apply("DialEnd", "Channel", "PJSIP/105-1", "Uniqueid", "c", "DestChannel", "PJSIP/" + destination + "-2",
                "DestUniqueid", destination, "DialStatus", status);
    }

    private String bridgedWith(String uniqueId) {
        return snapshot().byUniqueId(uniqueId).map(Channel::bridgedWith).orElseThrow();
    }

    private ChannelSnapshot snapshot() {
        return table.snapshot();
    }

    private void apply(String name, String... headers) {
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(new SimpleEntry<>("Event", name));
        for (int i = 0; i < headers.length; i += 2) {
            entries.add(new SimpleEntry<>(headers[i], headers[i + 1]));
        }
        table.apply(new AmiEvent(entries, null), NOW);
    }
}
