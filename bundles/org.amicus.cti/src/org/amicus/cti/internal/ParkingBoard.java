package org.amicus.cti.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.ParkedCall;
import org.amicus.cti.Party;

/**
 * The parked calls as the PBX's events tell them, by parked channel. A listing ({@code ParkedCalls}) builds a fresh
 * board from its own events and the live ones that come meanwhile, and replaces this one when complete. Not thread
 * safe: its owner guards it.
 */
final class ParkingBoard implements ListedState {

    private Map<String, ParkedCall> parked = new HashMap<>();
    private Map<String, ParkedCall> listed;
    private String listingId;

    /** Applies an event; whether the parked calls changed. */
    boolean apply(AmiEvent event, Instant now) {
        String actionId = event.get("ActionID").orElse("");
        boolean ofListing = listingId != null
                && (actionId.equals(listingId) || actionId.endsWith("#" + listingId)); // the session's prefix
        switch (event.name()) {
            case "ParkedCall" -> {
                ParkedCall call = parkedCall(event, now);
                if (ofListing) {
                    listed.put(call.uniqueId(), call);
                    return false;
                }
                if (listed != null) {
                    listed.put(call.uniqueId(), call);
                }
                return !call.equals(parked.put(call.uniqueId(), call));
            }
            case "UnParkedCall", "ParkedCallGiveUp", "ParkedCallTimeOut" -> {
                String parkee = event.get("ParkeeUniqueid").orElse("");
                if (listed != null) {
                    listed.remove(parkee);
                }
                return parked.remove(parkee) != null;
            }
            case "ParkedCallsComplete" -> {
                if (!ofListing) {
                    return false;
                }
                boolean changed = !parked.equals(listed);
                parked = listed;
                listed = null;
                listingId = null;
                return changed;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    public void expectListing(String actionId) {
        listingId = actionId;
        listed = new HashMap<>();
    }

    @Override
    public boolean abandonListing(String actionId) {
        if (!actionId.equals(listingId)) {
            return false;
        }
        listingId = null;
        listed = null;
        return true;
    }

    boolean listingUnderWay() {
        return listingId != null;
    }

    List<ParkedCall> parked() {
        return parked.values().stream()
                .sorted(Comparator.comparing(ParkedCall::lot).thenComparing(ParkedCall::space)).toList();
    }

    private static ParkedCall parkedCall(AmiEvent event, Instant now) {
        long waited = event.get("ParkingDuration").map(ParkingBoard::seconds).orElse(0L);
        return new ParkedCall(event.get("ParkingSpace").orElse(""), event.get("Parkinglot").orElse(""),
                event.get("ParkeeChannel").orElse(""), event.get("ParkeeUniqueid").orElse(""),
                Party.ofAmi(event.get("ParkeeCallerIDNum").orElse(""), event.get("ParkeeCallerIDName").orElse("")),
                event.get("ParkerDialString").orElse(""), now.minusSeconds(waited).truncatedTo(ChronoUnit.SECONDS));
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
