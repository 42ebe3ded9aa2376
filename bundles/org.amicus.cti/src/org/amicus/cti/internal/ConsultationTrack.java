package org.amicus.cti.internal;

import java.util.concurrent.CompletableFuture;

import org.amicus.ami.AmiEvent;
import org.amicus.cti.AttendedTransferOutcome;
import org.amicus.cti.AttendedTransferOutcome.Result;

/**
 * What the PBX shows of one attended transfer by my channel, read on the dispatch thread: my channel leaving its call's
 * bridge for a new one (the consultation is under way), then either {@code AttendedTransfer} or my channel back in
 * the bridge it left. The PBX may tell the entry into the new bridge before the leaving of the old one: each bridge
 * publishes on a topic of its own.
 */
final class ConsultationTrack {

    final String transfererId;
    final String transferee;
    final String target;
    final CompletableFuture<Void> underWay = new CompletableFuture<>();
    final CompletableFuture<AttendedTransferOutcome> outcome = new CompletableFuture<>();
    private String callBridge;
    private String consultationBridge;
    private volatile boolean consulting;
    private volatile boolean cancelled;

    ConsultationTrack(String transfererId, String transferee, String target) {
        this.transfererId = transfererId;
        this.transferee = transferee;
        this.target = target;
    }

    /** Whether my channel has entered the consultation's bridge. */
    boolean consulting() {
        return consulting;
    }

    void cancelRequested() {
        cancelled = true;
    }

    /** The outcome this event shows, if it ends the consultation; {@code null} otherwise. */
    AttendedTransferOutcome read(AmiEvent event) {
        switch (event.name()) {
            case "AttendedTransfer" -> {
                if (event.get("OrigTransfererUniqueid").orElse("").equals(transfererId)) {
                    String result = event.get("Result").orElse("");
                    return result.equalsIgnoreCase("Success") ? ended(Result.TRANSFERRED, "")
                            : ended(Result.FAILED, result);
                }
            }
            case "BridgeLeave" -> {
                String bridge = event.get("BridgeUniqueid").orElse("");
                if (mine(event) && callBridge == null && !bridge.equals(consultationBridge)) {
                    callBridge = bridge;
                }
            }
            case "BridgeEnter" -> {
                String bridge = event.get("BridgeUniqueid").orElse("");
                if (mine(event) && consultationBridge == null && !bridge.equals(callBridge)) {
                    consultationBridge = bridge;
                    consulting = true;
                } else if (mine(event) && consulting && bridge.equals(callBridge)) {
                    return ended(Result.RETURNED, cancelled ? "cancelled" : target + " did not take the call");
                }
            }
            default -> { }
        }
        return null;
    }

    AttendedTransferOutcome ended(Result result, String detail) {
        return new AttendedTransferOutcome(result, transferee, target, detail);
    }

    private boolean mine(AmiEvent event) {
        return event.get("Uniqueid").orElse("").equals(transfererId);
    }
}
