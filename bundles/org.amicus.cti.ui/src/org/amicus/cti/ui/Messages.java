package org.amicus.cti.ui;

import java.text.MessageFormat;
import java.util.Locale;

/**
 * The words of the agent UI in the workstation's language, from {@code OSGI-INF/l10n/bundle*.properties}; inject with
 * {@code @Inject @Translation Messages messages}. A field holds the text of the key of its name: a pattern with
 * {@code {0}}-style arguments for {@link #format}, forms separated by {@code |} for {@link #plural} and
 * {@link #list}.
 */
public class Messages {

    public String ctiMissing;
    public String amiMissing;
    public String notConnected;
    public String setMyPhoneFirst;
    public String refused;
    public String failedWith;
    public String actionCall;
    public String actionCallPurpose;
    public String actionPickUp;
    public String actionPickUpPurpose;
    public String actionPlayRecording;
    public String actionPlayRecordingPurpose;
    public String actionListen;
    public String actionListenPurpose;
    public String actionWhisper;
    public String actionWhisperPurpose;
    public String actionBarge;
    public String actionBargePurpose;
    public String actionHangUp;
    public String actionHangUpPurpose;
    public String keysModifiers;
    public String withKeys;
    public String noSessionLive;
    public String hasHungUp;
    public String selectRingingChannel;
    public String selectChannel;
    public String isMyOwnPhone;
    public String noLongerRinging;
    public String notRinging;
    public String notInCallYet;
    public String notRingingDoubleClick;
    public String callTitle;
    public String callQuestion;
    public String playRecordingTitle;
    public String playRecordingQuestion;
    public String callTo;
    public String pickUpOf;
    public String playbackOf;
    public String listeningTo;
    public String whisperingTo;
    public String bargingInto;
    public String sessionEnded;
    public String cannotEndSession;
    public String ringingMyPhone;
    public String contributionFailed;
    public String outcomeAnswered;
    public String outcomeNoAnswer;
    public String outcomeBusy;
    public String outcomeCongested;
    public String outcomeFailed;
    public String outcomeConnectionLost;
    public String outcomeTimeout;
    public String outcomeActionFailed;
    public String outcomeCause;
    public String outcomeWithDetail;
    public String channelsColumns;
    public String channelsFilter;
    public String channelsOnlyRinging;
    public String sortBy;
    public String channelsMissing;
    public String channelsAsLastKnown;
    public String noLiveChannels;
    public String channelsSummary;
    public String channelsShown;
    public String liveChannels;
    public String calls;
    public String spyingOn;
    public String colleaguesColumns;
    public String colleagueCall;
    public String colleaguePickUp;
    public String colleagueCallPurpose;
    public String colleaguePickUpPurpose;
    public String selectColleague;
    public String colleaguesMissing;
    public String colleaguesAsLastKnown;
    public String noHints;
    public String colleagues;
    public String colleaguesByState;
    public String stateCount;
    public String whileInUse;
    public String queueColumns;
    public String callerColumns;
    public String memberColumns;
    public String availableOf;
    public String serviceLevel;
    public String memberAvailable;
    public String memberRinging;
    public String memberInCall;
    public String memberPaused;
    public String memberUnavailable;
    public String memberLoggedOut;
    public String pausedToo;
    public String pausedBecause;
    public String pausedWithReason;
    public String queueTitleMe;
    public String queueTitleMember;
    public String queueLogIn;
    public String queueLogInPurpose;
    public String queueLogOut;
    public String queueLogOutPurpose;
    public String queuePause;
    public String queuePausePurpose;
    public String queueUnpause;
    public String queueUnpausePurpose;
    public String memberPausePurpose;
    public String memberUnpausePurpose;
    public String memberLogOutPurpose;
    public String whatLogIn;
    public String whatLogOut;
    public String whatPause;
    public String whatEndOfPause;
    public String whyPauseEverywhere;
    public String whyPauseIn;
    public String queueActionDone;
    public String memberInQueue;
    public String queuesMissing;
    public String queuesAsLastKnown;
    public String queuesSummary;
    public String queues;
    public String callers;
    public String setPhoneToLogIn;
    public String inNoQueue;
    public String inQueues;
    public String queueWithState;
    public String withProblem;
    public String pauseTitle;
    public String connectionSettings;
    public String connect;
    public String disconnect;
    public String ok;
    public String cancel;
    public String settingsTitle;
    public String settingsPbx;
    public String settingsProfile;
    public String settingsHost;
    public String settingsPort;
    public String settingsTls;
    public String settingsUser;
    public String settingsSecret;
    public String settingsCertificate;
    public String settingsCertificateHint;
    public String settingsMyPhone;
    public String settingsDevice;
    public String settingsDeviceHint;
    public String settingsAutoAnswer;
    public String settingsAutoAnswerChoices;
    public String settingsDialContext;
    public String settingsCallerId;
    public String settingsCallerIdHint;
    public String settingsRingSeconds;
    public String settingsSave;
    public String settingsDefaultProfile;
    public String settingsSecretUnchanged;
    public String settingsNoSlash;
    public String settingsEnterSecret;
    public String settingsSecretOneLine;
    public String settingsWholeNumber;
    public String settingsPortName;
    public String settingsRingTimeName;
    public String settingsCannotSave;

    /** The pattern with its arguments, numbers formatted for the workstation's locale. */
    public static String format(String pattern, Object... arguments) {
        return new MessageFormat(pattern, Locale.getDefault(Locale.Category.FORMAT)).format(arguments);
    }

    /**
     * The form for {@code n} of {@code forms}, "one|other" (English, German) or "one|few|many" (Russian and other
     * Slavic languages), with {@code n} as its argument: "1 call", "2 calls"; "1 вызов", "2 вызова", "5 вызовов".
     */
    public static String plural(String forms, long n) {
        String[] form = forms.split("\\|");
        int index = switch (form.length) {
            case 1 -> 0;
            case 2 -> n == 1 ? 0 : 1;
            default -> n % 10 == 1 && n % 100 != 11 ? 0
                    : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;
        };
        return format(form[index], n);
    }

    /** The forms of a list such as column names, in their order. */
    public static String[] list(String forms) {
        return forms.split("\\|");
    }
}
