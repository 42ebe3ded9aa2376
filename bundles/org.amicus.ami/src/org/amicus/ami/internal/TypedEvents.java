package org.amicus.ami.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.asteriskjava.AsteriskJavaInternals;
import org.asteriskjava.manager.event.ManagerEvent;

/** Builds asterisk-java's typed events from Amicus's generic ones, with asterisk-java's own event builder. */
final class TypedEvents implements Function<AmiEvent, ManagerEvent> {

    @Override
    public ManagerEvent apply(AmiEvent event) {
        return AsteriskJavaInternals.typedEvent(this, attributesOf(event));
    }

    /** The attribute map asterisk-java's reader would have made: lower-case names, lists for repeated headers. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(AmiEvent event) {
        Map<String, Object> attributes = new HashMap<>();
        for (Map.Entry<String, String> header : event.headers()) {
            String name = header.getKey().toLowerCase(Locale.ENGLISH);
            Object earlier = attributes.putIfAbsent(name, header.getValue());
            if (earlier instanceof List<?> values) {
                ((List<String>) values).add(header.getValue());
            } else if (earlier != null) {
                attributes.put(name, new ArrayList<>(List.of((String) earlier, header.getValue())));
            }
        }
        return attributes;
    }
}
