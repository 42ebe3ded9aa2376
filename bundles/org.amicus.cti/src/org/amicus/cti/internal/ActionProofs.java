package org.amicus.cti.internal;

import java.util.Optional;

import org.amicus.ami.OriginateOutcome;
import org.amicus.ami.OriginateOutcome.Result;
import org.amicus.cti.internal.ActionEvidence.Proof;

/**
 * What the PBX shows of each action once my phone has answered (measured on Asterisk 22). My channel hanging up before
 * any of it means the application found nothing to act on: PickupChan nothing ringing, ChanSpy (option S) nothing to
 * spy on, ParkedCall nothing parked in the space; Playback sets PLAYBACKSTATUS to FAILED at once for a missing
 * recording, to SUCCESS once it has played.
 */
final class ActionProofs {

    private ActionProofs() {
    }

    static Proof pickUp(String target) {
        return (event, answered) -> switch (event.name()) {
            case "Pickup" -> Optional.of(answered);
            case "Hangup" -> failed(answered, "nothing was picked up: " + target + " no longer rang");
            default -> Optional.empty();
        };
    }

    static Proof spy(String target) {
        return (event, answered) -> switch (event.name()) {
            case "ChanSpyStart" -> Optional.of(answered);
            case "Hangup" -> failed(answered, "nothing to join: " + target + " has ended");
            default -> Optional.empty();
        };
    }

    static Proof retrieveParked(String space) {
        return (event, answered) -> switch (event.name()) {
            case "UnParkedCall" -> Optional.of(answered);
            case "Hangup" -> failed(answered, "nothing was retrieved: no call waited in space " + space + " any more");
            default -> Optional.empty();
        };
    }

    static Proof playBack(String recording) {
        return (event, answered) -> switch (event.name()) {
            case "VarSet" -> event.get("Value").filter("SUCCESS"::equals).isPresent() ? Optional.of(answered)
                    : failed(answered, "the PBX could not play " + recording + ": is there such a recording?");
            // read=dialplan brings PLAYBACKSTATUS before the hang-up; without it there is nothing more to know
            case "Hangup" -> Optional.of(new OriginateOutcome(Result.ANSWERED, answered.channelId(), null,
                    "the PBX does not tell whether " + recording + " played to an AMI user without read permission"
                            + " \"dialplan\""));
            default -> Optional.empty();
        };
    }

    private static Optional<OriginateOutcome> failed(OriginateOutcome answered, String detail) {
        return Optional.of(new OriginateOutcome(Result.ACTION_FAILED, answered.channelId(), null, detail));
    }
}
