package org.amicus.reliability.tests;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The channels the {@link FakeAmiServer} pretends to have, with their states: the events a test has it send change
 * them, and CoreShowChannels lists them as they are when the listing is asked for. Each method returns the frame of
 * the event that reports the change.
 */
final class FakeChannels {

    private final Map<String, Integer> states = new LinkedHashMap<>(); // guarded by this

    synchronized String created(String uniqueId, int state) {
        states.put(uniqueId, state);
        return "Event: Newchannel\r\nPrivilege: call,all\r\n" + describe(uniqueId, state) + "\r\n";
    }

    synchronized String changed(String uniqueId, int state) {
        states.put(uniqueId, state);
        return "Event: Newstate\r\nPrivilege: call,all\r\n" + describe(uniqueId, state) + "\r\n";
    }

    synchronized String hungUp(String uniqueId) {
        int state = states.remove(uniqueId);
        return "Event: Hangup\r\nPrivilege: call,all\r\n" + describe(uniqueId, state)
                + "Cause: 16\r\nCause-txt: Normal Clearing\r\n\r\n";
    }

    /** The channels now: unique id to AMI channel state. */
    synchronized Map<String, Integer> now() {
        return new LinkedHashMap<>(states);
    }

    /** The complete answer to a CoreShowChannels with this ActionID: response, one event per channel, the end. */
    synchronized String listing(String actionId) {
        String id = "ActionID: " + actionId + "\r\n";
        StringBuilder listing = new StringBuilder("Response: Success\r\n" + id
                + "EventList: start\r\nMessage: Channels will follow\r\n\r\n");
        states.forEach((uniqueId, state) -> listing.append("Event: CoreShowChannel\r\n").append(id)
                .append(describe(uniqueId, state))
                .append("Duration: 00:00:05\r\nBridgeId: \r\nApplication: Wait\r\nApplicationData: 60\r\n\r\n"));
        return listing.append("Event: CoreShowChannelsComplete\r\n").append(id)
                .append("EventList: Complete\r\nListItems: ").append(states.size()).append("\r\n\r\n").toString();
    }

    private static String describe(String uniqueId, int state) {
        return "Channel: PJSIP/fake-" + uniqueId + "\r\nChannelState: " + state + "\r\nCallerIDNum: 100\r\n"
                + "CallerIDName: Fake\r\nConnectedLineNum: <unknown>\r\nConnectedLineName: <unknown>\r\n"
                + "Context: fake\r\nExten: 100\r\nPriority: 1\r\nUniqueid: " + uniqueId + "\r\nLinkedid: " + uniqueId
                + "\r\n";
    }
}
