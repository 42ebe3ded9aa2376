package org.amicus.cti.internal;

import org.amicus.ami.AmiEvent.Header;

/**
 * The headers that describe one channel of an event: the event's own channel ({@link #OWN}, e.g. {@code Uniqueid})
 * or another one, under a prefix ({@link #DEST} for a Dial's destination, e.g. {@code DestUniqueid}). Resolved once,
 * so that applying an event neither pieces names together nor looks them up.
 */
record ChannelHeaders(Header uniqueId, Header channel, Header linkedId, Header channelState, Header callerIdNum,
        Header callerIdName, Header connectedLineNum, Header connectedLineName, Header context, Header exten) {

    static final ChannelHeaders OWN = prefixed("");
    static final ChannelHeaders DEST = prefixed("Dest");
    static final ChannelHeaders LOCAL_ONE = prefixed("LocalOne");
    static final ChannelHeaders LOCAL_TWO = prefixed("LocalTwo");
    static final ChannelHeaders SPYER = prefixed("Spyer");
    static final ChannelHeaders SPYEE = prefixed("Spyee");

    private static ChannelHeaders prefixed(String prefix) {
        return new ChannelHeaders(Header.of(prefix + "Uniqueid"), Header.of(prefix + "Channel"),
                Header.of(prefix + "Linkedid"), Header.of(prefix + "ChannelState"), Header.of(prefix + "CallerIDNum"),
                Header.of(prefix + "CallerIDName"), Header.of(prefix + "ConnectedLineNum"),
                Header.of(prefix + "ConnectedLineName"), Header.of(prefix + "Context"), Header.of(prefix + "Exten"));
    }
}
