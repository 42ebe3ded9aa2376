package org.amicus.cti.ui.parts;

import org.amicus.cti.ui.actions.MyCallAction;

/** Names under which widgets carry their identity ({@code widget.getData(KEY)}), for tests and automation. */
public final class WidgetIds {

    public static final String KEY = "org.amicus.widget";
    public static final String CHANNELS_TABLE = "channels.table";
    public static final String CHANNELS_SUMMARY = "channels.summary";
    public static final String CHANNELS_FILTER = "channels.filter";
    public static final String CHANNELS_ONLY_RINGING = "channels.onlyRinging";
    public static final String CHANNELS_NOTICE = "channels.notice";
    public static final String CHANNELS_PRESENTATION = "channels.presentation";
    public static final String CHANNELS_CALLS = "channels.calls";
    public static final String CHANNELS_TOOLBAR = "channels.toolbar";
    public static final String COLLEAGUES_TABLE = "colleagues.table";
    public static final String COLLEAGUES_SUMMARY = "colleagues.summary";
    public static final String COLLEAGUES_CALL = "colleagues.call";
    public static final String COLLEAGUES_PICK_UP = "colleagues.pickUp";
    public static final String COLLEAGUES_NOTICE = "colleagues.notice";
    public static final String QUEUES_SUMMARY = "queues.summary";
    public static final String QUEUES_TABLE = "queues.table";
    public static final String QUEUES_CALLERS = "queues.callers";
    public static final String QUEUES_MEMBERS = "queues.members";
    public static final String QUEUES_NOTICE = "queues.notice";
    public static final String QUEUES_LOG_IN = "queues.logIn";
    public static final String QUEUES_LOG_OUT = "queues.logOut";
    public static final String QUEUES_PAUSE = "queues.pause";
    public static final String QUEUES_UNPAUSE = "queues.unpause";
    public static final String QUEUES_PAUSE_MEMBER = "queues.pauseMember";
    public static final String QUEUES_UNPAUSE_MEMBER = "queues.unpauseMember";
    public static final String QUEUES_LOG_OUT_MEMBER = "queues.logOutMember";
    public static final String MY_CALL_SUMMARY = "myCall.summary";
    public static final String MY_CALL_TABLE = "myCall.table";
    public static final String MY_CALL_NOTICE = "myCall.notice";
    public static final String REASON_PROMPT = "reason";
    public static final String REASON_CHOICE = "reason.choice";
    public static final String REASON_OK = "reason.ok";
    public static final String NOTIFICATION = "notification";
    public static final String NOTIFICATION_TEXT = "notification.text";
    public static final String CONNECTION_STATUS = "connection.status";
    public static final String CONNECTION_TOGGLE = "connection.toggle";
    public static final String CONNECTION_SETTINGS = "connection.settings";
    public static final String PROMPT = "prompt";
    public static final String PROMPT_TEXT = "prompt.text";
    public static final String PROMPT_OK = "prompt.ok";
    public static final String SETTINGS = "settings";
    public static final String SETTINGS_DIRECT = "settings.direct";
    public static final String SETTINGS_THROUGH_HUB = "settings.throughHub";
    public static final String SETTINGS_HUB_SERVERS = "settings.hubServers";
    public static final String SETTINGS_HUB_USER = "settings.hubUser";
    public static final String SETTINGS_HUB_PASSWORD = "settings.hubPassword";
    public static final String SETTINGS_HUB_CERTIFICATE = "settings.hubCertificate";
    public static final String SETTINGS_PROFILE = "settings.profile";
    public static final String SETTINGS_HOST = "settings.host";
    public static final String SETTINGS_PORT = "settings.port";
    public static final String SETTINGS_TLS = "settings.tls";
    public static final String SETTINGS_USER = "settings.user";
    public static final String SETTINGS_SECRET = "settings.secret";
    public static final String SETTINGS_CERTIFICATE = "settings.certificate";
    public static final String SETTINGS_DEVICE = "settings.device";
    public static final String SETTINGS_AUTO_ANSWER = "settings.autoAnswer";
    public static final String SETTINGS_CONTEXT = "settings.context";
    public static final String SETTINGS_CALLER_ID = "settings.callerId";
    public static final String SETTINGS_RING_SECONDS = "settings.ringSeconds";
    public static final String SETTINGS_THEME = "settings.theme";
    public static final String SETTINGS_SAVE = "settings.save";

    private WidgetIds() {
    }

    /** The My call part's button for the action, e.g. {@code myCall.hangUp}. */
    public static String myCall(MyCallAction action) {
        return "myCall." + action.parameterValue;
    }
}
