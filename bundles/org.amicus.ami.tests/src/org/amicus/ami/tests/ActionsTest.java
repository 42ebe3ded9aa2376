package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.amicus.ami.AmiEvent;
import org.amicus.ami.AmiEventListener;
import org.amicus.ami.AmiException;
import org.amicus.ami.AmiPermissionException;
import org.amicus.ami.OriginateRequest;
import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.EventRecorder;
import org.amicus.testing.TestPbx;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** Actions beyond originate, and who hears the events, on the real test PBX. */
class ActionsTest extends AgainstTestPbx {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);


    @Test
    void listActionsCollectTheirEventsUpToTheEnd() throws Exception {
        connectWithFullRights();
        connection.originate(OriginateRequest.call("PJSIP/104").toApplication("Wait", "1")
                .timeout(Duration.ofSeconds(5)).build());
        String ringing = events.awaitRinging("PJSIP/104", TIMEOUT);

        List<AmiEvent> channels = connection.sendList(new CoreShowChannelsAction(), TIMEOUT).get(15,
                TimeUnit.SECONDS);

        assertTrue(channels.stream().allMatch(e -> e.name().equals("CoreShowChannel")), channels.toString());
        assertTrue(channels.stream().anyMatch(e -> e.get("Channel").orElse("").equals(ringing)
                && e.get("ChannelState").orElse("").equals("5")), "the ringing " + ringing + " is listed");
    }

    @Test
    void headerBreakingValuesAreRefusedBeforeSending() throws Exception {
        connectWithFullRights();
        HangupAction hangup = new HangupAction("PJSIP/104-00000001\r\nAction: Originate");

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.send(hangup, TIMEOUT).get(15, TimeUnit.SECONDS));

        assertInstanceOf(AmiException.class, failure.getCause());
        assertTrue(failure.getCause().getMessage().startsWith("Refusing to send Hangup: Hangup Channel must not"),
                failure.getCause().getMessage());
    }

    @Test
    void missingPermissionsAreNamed() throws Exception {
        connection.connect(TestPbx.restricted(), TestPbx.RESTRICTED_SECRET).get(15, TimeUnit.SECONDS);

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> connection.sendList(new CoreShowChannelsAction(), TIMEOUT).get(15, TimeUnit.SECONDS));

        AmiPermissionException refused = assertInstanceOf(AmiPermissionException.class, failure.getCause());
        assertEquals("CoreShowChannels", refused.action());
        assertEquals("system or reporting", refused.permission());
    }

    @Test
    void listenerServicesHearTheConnection() throws Exception {
        EventRecorder recorder = new EventRecorder();
        ServiceRegistration<AmiEventListener> registration = FrameworkUtil.getBundle(getClass())
                .getBundleContext().registerService(AmiEventListener.class, recorder, null);
        try {
            connectWithFullRights();
            recorder.awaitResync(TIMEOUT);
            connection.originate(OriginateRequest.call("Local/100@" + TestPbx.CONTEXT).toApplication("Wait", "1")
                    .build());
            recorder.await("Newstate", e -> e.get("Channel").orElse("").startsWith("Local/100@"), TIMEOUT);
        } finally {
            registration.unregister();
        }
    }
}
