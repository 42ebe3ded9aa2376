package org.amicus.cti.ui.parts;

/** Names under which widgets carry their identity ({@code widget.getData(KEY)}), for tests and automation. */
public final class WidgetIds {

    public static final String KEY = "org.amicus.widget";
    public static final String CHANNELS_TABLE = "channels.table";
    public static final String CHANNELS_SUMMARY = "channels.summary";
    public static final String CHANNELS_FILTER = "channels.filter";
    public static final String CHANNELS_ONLY_RINGING = "channels.onlyRinging";
    public static final String CHANNELS_NOTICE = "channels.notice";
    public static final String CONNECTION_STATUS = "connection.status";

    private WidgetIds() {
    }
}
