package org.amicus.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.amicus.cti.Channel;
import org.amicus.cti.ChannelSnapshot;

/**
 * A call that starts where production calls start: a customer dialling a DID over the test PBX's trunk, or a phone
 * dialling a number itself. Each is a sipp caller (the scenario {@code uac_call.xml}) in the PBX's chroot: it talks
 * until the PBX hangs up, hangs up by itself after its time limit, and is hung up (cancelled or ended with a BYE) at
 * once by {@link #close()}. A caller that holds ({@code uac_hold.xml}) puts the call on hold {@link #HOLD_AFTER} after
 * it is answered and takes it off hold {@link #HOLD_FOR} later, as a phone's hold key does: a re-INVITE with
 * {@code sendonly}, then one with {@code sendrecv}. The numbers are in releng/test-pbx/README.md.
 */
public final class SipCall implements AutoCloseable {

    /** The DID of the support queue, whose only static member is 104 (which rings and never answers). */
    public static final String SUPPORT_DID = "5550100";
    /** The DID of the sales queue, whose members 105 and 106 answer after 0.5 s. */
    public static final String SALES_DID = "5550200";
    /** Every call hangs up by itself after this, so that none outlives its test. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    /** How long after the answer a caller that holds puts the call on hold. */
    public static final Duration HOLD_AFTER = Duration.ofSeconds(1);
    /** How long it keeps the call on hold. */
    public static final Duration HOLD_FOR = Duration.ofSeconds(4);

    private static final String CALLS = "/opt/amicus-sipp/uac_call.xml";
    private static final String HOLDS = "/opt/amicus-sipp/uac_hold.xml";
    private static final String CARRIER_ADDRESS = "127.0.0.2";
    private static final String PHONE_ADDRESS = "127.0.0.1";
    private static final Duration HANG_UP_TIMEOUT = Duration.ofSeconds(10);

    private final Process sipp;
    private final String caller;
    private final String callingDevice;
    private final String number;

    private SipCall(String scenario, String address, String caller, String callerName, String number,
            String callingDevice) throws IOException {
        this.caller = caller;
        this.callingDevice = callingDevice;
        this.number = number;
        List<String> command = new ArrayList<>(List.of("chroot", TestPbx.root().toString(), "sipp",
                "-sf", scenario, "-i", address, "-p", "0", "-s", number,
                "-key", "caller", caller, "-key", "caller_name", callerName,
                "-m", "1", "-timeout", LIMIT.toSeconds() + "s", "-nostdin", TestPbx.HOST + ":5060"));
        sipp = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /**
     * A customer calls a DID over the trunk, e.g. {@link #SUPPORT_DID} or {@link #directLine(String)}, with this
     * number and name as caller id: the PBX sees a channel {@code PJSIP/trunk-…} with that caller.
     */
    public static SipCall customerCalls(String did, String number, String name) throws IOException {
        return new SipCall(CALLS, CARRIER_ADDRESS, number, name, did, "PJSIP/trunk");
    }

    /** As {@link #customerCalls}, and the customer puts the call on hold once answered, then takes it back. */
    public static SipCall customerCallsAndHolds(String did, String number, String name) throws IOException {
        return new SipCall(HOLDS, CARRIER_ADDRESS, number, name, did, "PJSIP/trunk");
    }

    /** A phone (e.g. "105") dials a number itself, e.g. "104": the PBX sees a channel {@code PJSIP/105-…} dialling. */
    public static SipCall phoneDials(String phone, String number) throws IOException {
        return new SipCall(CALLS, PHONE_ADDRESS, phone, "Agent " + phone, number, "PJSIP/" + phone);
    }

    /** As {@link #phoneDials}, and the phone puts the call on hold once answered, then takes it back. */
    public static SipCall phoneDialsAndHolds(String phone, String number) throws IOException {
        return new SipCall(HOLDS, PHONE_ADDRESS, phone, "Agent " + phone, number, "PJSIP/" + phone);
    }

    /** The DID that rings one phone directly, e.g. 5550104 for "104". */
    public static String directLine(String phone) {
        return "55501" + phone.substring(phone.length() - 2);
    }

    /** The caller's number, as the PBX shows it in the caller id of the calling channel. */
    public String caller() {
        return caller;
    }

    /** The calling side's channel (the trunk's, or the dialling phone's, at the number dialled), once it is there. */
    public Optional<Channel> calling(ChannelSnapshot snapshot) {
        return snapshot.channels().stream().filter(channel -> channel.device().equals(callingDevice)
                && channel.callerId().number().equals(caller) && channel.exten().equals(number)).findFirst();
    }

    /** The channel this call rings (or talks to) on a phone, e.g. {@code PJSIP/104}, once the snapshot has it. */
    public Optional<Channel> leg(ChannelSnapshot snapshot, String device) {
        return calling(snapshot).flatMap(calling -> snapshot.channels().stream()
                .filter(channel -> channel.linkedId().equals(calling.linkedId()) && channel.device().equals(device))
                .findFirst());
    }

    /** Whether the caller has hung up or was hung up on. */
    public boolean ended() {
        return !sipp.isAlive();
    }

    /** Hangs up (or cancels) the call and returns once the caller is gone. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!sipp.isAlive()) {
            return;
        }
        // sipp cancels or ends its call on SIGUSR1; a plain kill would leave the PBX's channel behind
        new ProcessBuilder("kill", "-USR1", Long.toString(sipp.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        if (!sipp.waitFor(HANG_UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            throw new AssertionError("the sipp caller " + caller + " did not hang up within " + HANG_UP_TIMEOUT);
        }
    }
}
