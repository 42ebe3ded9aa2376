package org.amicus.cti.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.amicus.cti.AgentProfile;
import org.amicus.cti.AutoAnswer;
import org.amicus.cti.Channel;
import org.amicus.cti.ChannelState;
import org.amicus.cti.ChannelRegistry;
import org.amicus.cti.CtiActions;
import org.amicus.cti.CtiException;
import org.amicus.cti.RecordingState;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.RawAmi;
import org.amicus.testing.RegistryWatcher;
import org.amicus.testing.SipCall;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recording my call, as an agent does it with the desktop's rights: a customer over the trunk talks to my phone (108,
 * which answers by itself), and I record, mute, unmute and stop; the PBX's own {@code MixMonitor*} events, seen by
 * an admin, are the evidence, and the file is on the PBX afterwards.
 */
class RecordingTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private RegistryWatcher watcher;
    private CtiActions actions;

    @BeforeEach
    void watch() throws Exception {
        watcher = new RegistryWatcher(services.get(ChannelRegistry.class));
        actions = services.get(CtiActions.class).as(new AgentProfile("PJSIP/108", AutoAnswer.CALL_INFO,
                TestPbx.CONTEXT, Duration.ofSeconds(20), ""));
        connectAsRecordingDesktop();
    }

    @AfterEach
    void stopWatching() {
        watcher.close();
    }

    @Test
    void iRecordMuteUnmuteAndStopMyCallAndTheFileIsOnThePbx() throws Exception {
        try (RawAmi pbx = new RawAmi();
                SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000051", "Lea Hart")) {
            Channel mine = myCallWith(customer);

            RecordingState started = actions.startRecording().get(15, TimeUnit.SECONDS);
            assertEquals(new RecordingState(mine.uniqueId(), mine.name(), true, false), started);
            pbx.awaitEvent("MixMonitorStart", "Channel", mine.name());
            assertEquals(Optional.of(started), actions.myRecording());
            assertEquals("My call on " + mine.name() + " is recorded already",
                    refusal(actions.startRecording()).getMessage());

            assertEquals(new RecordingState(mine.uniqueId(), mine.name(), true, true),
                    actions.muteRecording(true).get(15, TimeUnit.SECONDS));
            Map<String, String> muted = pbx.awaitEvent("MixMonitorMute", "Channel", mine.name());
            assertEquals("both", muted.get("Direction"));
            assertTrue(actions.myRecording().orElseThrow().muted());
            assertEquals(new RecordingState(mine.uniqueId(), mine.name(), true, false),
                    actions.muteRecording(false).get(15, TimeUnit.SECONDS));

            assertEquals(new RecordingState(mine.uniqueId(), mine.name(), false, false),
                    actions.stopRecording().get(15, TimeUnit.SECONDS));
            pbx.awaitEvent("MixMonitorStop", "Channel", mine.name());
            assertEquals("My call on " + mine.name() + " is not being recorded",
                    refusal(actions.stopRecording()).getMessage());
            assertTrue(recordingOf(mine).isPresent(), "the recording is on the PBX");
        }
    }

    @Test
    void withoutAnAnsweredCallThereIsNothingToRecord() throws Exception {
        watcher.await(s -> s.channels().stream().noneMatch(c -> c.device().equals("PJSIP/108")), TIMEOUT,
                "108 is done with an earlier test's call");
        assertEquals("My phone PJSIP/108 has no answered call", refusal(actions.startRecording()).getMessage());
        assertEquals("My phone PJSIP/108 has no answered call", refusal(actions.muteRecording(true)).getMessage());
        assertEquals(Optional.empty(), actions.myRecording());
    }

    @Test
    void aCallNotRecordedCannotBeMutedOrStoppedAsThePbxSays() throws Exception {
        try (SipCall customer = SipCall.customerCalls(SipCall.directLine("108"), "0611000052", "Max Roy")) {
            Channel mine = myCallWith(customer);

            assertEquals("My call on " + mine.name() + " is not being recorded",
                    refusal(actions.muteRecording(true)).getMessage());
            assertEquals("My call on " + mine.name() + " is not being recorded",
                    refusal(actions.stopRecording()).getMessage());
            assertEquals(Optional.of(new RecordingState(mine.uniqueId(), mine.name(), false, false)),
                    actions.myRecording());
        }
    }

    /** My phone's channel once it has answered the customer and both are in the PBX's bridge of their call. */
    private Channel myCallWith(SipCall customer) throws InterruptedException {
        return watcher.await(s -> s.channels().stream().anyMatch(c -> talksTo(c, customer)), TIMEOUT,
                "108 talks to " + customer.caller()).channels().stream().filter(c -> talksTo(c, customer))
                .findFirst().orElseThrow();
    }

    private static boolean talksTo(Channel channel, SipCall customer) {
        return channel.device().equals("PJSIP/108") && channel.state() == ChannelState.UP
                && channel.answered() != null && !channel.bridgedWith().isEmpty()
                && channel.connectedLine().number().equals(customer.caller());
    }

    private static Optional<Path> recordingOf(Channel mine) throws Exception {
        try (Stream<Path> files = Files.list(TestPbx.recordings())) {
            return files.filter(f -> f.getFileName().toString().startsWith("amicus-" + mine.uniqueId() + "-"))
                    .findFirst();
        }
    }

    private static CtiException refusal(CompletableFuture<?> action) {
        ExecutionException refused = assertThrows(ExecutionException.class, () -> action.get(15, TimeUnit.SECONDS));
        return assertInstanceOf(CtiException.class, refused.getCause());
    }
}
