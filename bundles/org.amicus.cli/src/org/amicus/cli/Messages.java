package org.amicus.cli;

import org.amicus.cti.Plural;
import org.eclipse.osgi.util.NLS;

/**
 * The words of {@code amicus cli}'s human output in the workstation's language ({@code -nl}, else the system's), from
 * {@code OSGI-INF/l10n/bundle*.properties}; {@link NLS#bind} fills in a pattern's {@code {0}}-style arguments. The
 * {@code --json} output does not use them: it stays the same in every language.
 */
public final class Messages extends NLS {

    public static String commandStatus;
    public static String commandChannels;
    public static String commandCall;
    public static String commandPickup;
    public static String commandPlayback;
    public static String commandSpy;
    public static String commandTransfer;
    public static String commandRecord;
    public static String commandPark;
    public static String commandParked;
    public static String commandColleagues;
    public static String commandQueue;
    public static String optionProfile;
    public static String optionHost;
    public static String optionPort;
    public static String optionTls;
    public static String optionUser;
    public static String optionTrustCertificate;
    public static String optionDevice;
    public static String optionContext;
    public static String optionTimeout;
    public static String optionMode;
    public static String optionQueue;
    public static String optionReason;
    public static String optionAttended;
    public static String optionWatch;
    public static String optionJson;
    public static String optionHelp;
    public static String exitOk;
    public static String exitInternalError;
    public static String exitBadInput;
    public static String exitNoAnswer;
    public static String exitBusy;
    public static String exitFailed;
    public static String exitConnectionLost;
    public static String exitCannotConnect;
    public static String exitPermissionDenied;
    public static String exitActionFailed;
    public static String exitInterrupted;
    public static String helpCommand;
    public static String helpOverview;
    public static String helpCommandOptions;
    public static String unknownOption;
    public static String needsValue;
    public static String takesNoValue;
    public static String givenTwice;
    public static String unknownCommand;
    public static String noCommand;
    public static String notAnOptionOf;
    public static String takesNoArgument;
    public static String needsOne;
    public static String needsOneNot;
    public static String portNotNumber;
    public static String timeoutNotNumber;
    public static String modeInvalid;
    public static String seeHelp;
    public static String noSecret;
    public static String optionHub;
    public static String notWithHub;
    public static String hubNeedsUser;
    public static String noHubPassword;
    public static String statusHub;
    public static String profileOrHost;
    public static String hostNeedsUser;
    public static String certificateNeedsTls;
    public static String needsHost;
    public static String noSuchProfile;
    public static String noProfileChosen;
    public static String noneStored;
    public static String storedNames;
    public static String noPhoneToRing;
    public static String statusProfile;
    public static String statusAsterisk;
    public static String statusChannels;
    public static String liveChannels;
    public static String calls;
    public static String channelsUnknown;
    public static String myPhone;
    public static String myPhoneNotSet;
    public static String outcomeOf;
    public static String parked;
    public static String parkTimeout;
    public static String transferred;
    public static String transferFailed;
    public static String transferTimeout;
    public static String consulting;
    public static String consultHowToEnd;
    public static String consultTypeEither;
    public static String transferReturned;
    public static String queueActionInvalid;
    public static String reasonOnlyWithPause;
    public static String queueShown;
    public static String memberLoggedOut;
    public static String memberPaused;
    public static String memberPausedBecause;
    public static String recordActionInvalid;
    public static String recorded;
    public static String recordedMuted;
    public static String notRecorded;
    public static String channelsHeading;
    public static String colleaguesHeading;
    public static String parkedHeading;
    public static String spyingOn;
    public static String whileInUse;
    public static String cannotList;
    public static String interrupted;
    public static String unexpectedError;
    public static String noAnswerInTime;
    public static String noAnswerWithin;
    public static String cannotConnect;
    public static String connectionLost;
    public static String servicesDidNotStart;
    public static String awaitChannels;
    public static String awaitColleagues;
    public static String awaitParked;
    public static String awaitQueues;
    public static String awaitLogin;
    public static String awaitOutcome;
    public static String awaitPark;
    public static String awaitTransfer;
    public static String awaitConsultation;
    public static String awaitRecording;
    public static String awaitQueueAction;
    public static String awaitVersion;
    public static String commandRetrieve;
    public static String onHold;

    static {
        NLS.initializeMessages("OSGI-INF.l10n.bundle", Messages.class);
    }

    private Messages() {
    }

    /** The form for {@code n} of {@code forms}, "one|other" or "one|few|many" as in the agent UI's messages. */
    static String plural(String forms, long n) {
        return bind(Plural.form(forms, n), n);
    }
}
