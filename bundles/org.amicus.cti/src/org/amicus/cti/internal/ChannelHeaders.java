package org.amicus.cti.internal;

/**
 * The names of the headers that describe one channel of an event: the event's own channel ({@link #OWN}, e.g.
 * {@code Uniqueid}) or another one, under a prefix ({@link #DEST} for a Dial's destination, e.g.
 * {@code DestUniqueid}). Made once, so that applying an event does not piece names together.
 */
record ChannelHeaders(String uniqueId, String channel, String linkedId, String channelState, String callerIdNum,
        String callerIdName, String connectedLineNum, String connectedLineName, String context, String exten) {

    static final ChannelHeaders OWN = prefixed("");
    static final ChannelHeaders DEST = prefixed("Dest");
    static final ChannelHeaders LOCAL_ONE = prefixed("LocalOne");
    static final ChannelHeaders LOCAL_TWO = prefixed("LocalTwo");
    static final ChannelHeaders SPYER = prefixed("Spyer");
    static final ChannelHeaders SPYEE = prefixed("Spyee");

    private static ChannelHeaders prefixed(String prefix) {
        return new ChannelHeaders(prefix + "Uniqueid", prefix + "Channel", prefix + "Linkedid",
                prefix + "ChannelState", prefix + "CallerIDNum", prefix + "CallerIDName", prefix + "ConnectedLineNum",
                prefix + "ConnectedLineName", prefix + "Context", prefix + "Exten");
    }
}
