package org.amicus.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.amicus.ami.internal.FrameHeaders;
import org.amicus.ami.internal.HeaderKeys;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * One AMI event as the PBX sent it: its name and its headers in order, whether or not asterisk-java has a class for
 * it. Header names are matched without regard to case, as Asterisk spells some of them differently over versions.
 */
public final class AmiEvent {

    private static final String EVENT = HeaderKeys.of("Event");

    private final FrameHeaders headers;
    private final String name;
    private final Function<AmiEvent, ManagerEvent> typing;
    private ManagerEvent typed;
    private boolean typedBuilt;

    /**
     * @param headers the event's headers in the order received, the {@code Event} header among them
     * @param typing  builds asterisk-java's typed event, or {@code null} if it has no class for this one
     */
    public AmiEvent(List<Map.Entry<String, String>> headers, Function<AmiEvent, ManagerEvent> typing) {
        this.headers = FrameHeaders.copyOf(headers);
        this.typing = typing;
        this.name = value(EVENT);
    }

    /** The event's name, e.g. {@code Newchannel} or {@code FullyBooted}. */
    public String name() {
        return name == null ? "" : name;
    }

    /** The first value of the header, e.g. {@code get("Channel")}. */
    public Optional<String> get(String header) {
        return Optional.ofNullable(value(HeaderKeys.of(header)));
    }

    /**
     * The first value of the header, or {@code null}: as {@link #get(String)}, for a listener that reads the same
     * headers in every event, its names {@link Header resolved} once.
     */
    public String value(Header header) {
        return value(header.key);
    }

    /** A header's name, resolved once for {@link AmiEvent#value(Header)}. */
    public static final class Header {

        private final String key;

        private Header(String key) {
            this.key = key;
        }

        /**
         * The header of this name, e.g. {@code Header.of("Uniqueid")}, matched without regard to case. Its values are
         * made as the reader thread reads the frames, so that a listener reading it in every event finds them made.
         */
        public static Header of(String name) {
            String key = HeaderKeys.of(name);
            HeaderKeys.readOften(key);
            return new Header(key);
        }

        @Override
        public String toString() {
            return key;
        }
    }

    private String value(String key) {
        int count = headers.size();
        for (int i = 0; i < count; i++) {
            if (headers.key(i) == key) {
                return headers.value(i);
            }
        }
        if (HeaderKeys.allShared()) { // then a key that is not the same reference is another key
            return null;
        }
        for (int i = 0; i < count; i++) {
            if (headers.key(i).equals(key)) {
                return headers.value(i);
            }
        }
        return null;
    }

    /** Every value of a header that may repeat, such as {@code ChanVariable}. */
    public List<String> getAll(String header) {
        String key = HeaderKeys.of(header);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.key(i).equals(key)) {
                values.add(headers.value(i));
            }
        }
        return List.copyOf(values);
    }

    /** All headers in the order received. */
    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** asterisk-java's typed form of this event, built on first request; empty for events it has no class for. */
    public synchronized Optional<ManagerEvent> typed() {
        if (!typedBuilt) {
            typedBuilt = true;
            typed = typing == null ? null : typing.apply(this);
        }
        return Optional.ofNullable(typed);
    }

    @Override
    public String toString() {
        return "AmiEvent" + headers;
    }
}
