package org.amicus.ami.internal;

import java.util.Map;

import org.amicus.ami.AmiException;
import org.amicus.ami.AmiPermissionException;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.response.ManagerResponse;

/** Turns the PBX's "Response: Error" into the exception a caller can act on. */
final class Refusals {

    /** The manager.conf permissions Asterisk checks for the actions Amicus sends. */
    private static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry("coreshowchannels", "system or reporting"),
            Map.entry("hangup", "system or call"),
            Map.entry("status", "system, call or reporting"),
            Map.entry("originate", "originate"),
            Map.entry("command", "command"),
            Map.entry("queueadd", "agent"),
            Map.entry("queueremove", "agent"),
            Map.entry("queuepause", "agent"),
            Map.entry("mixmonitor", "system"),
            Map.entry("stopmixmonitor", "system or call"),
            Map.entry("mixmonitormute", "system or call"));

    private Refusals() {
    }

    static AmiException of(ManagerAction action, ManagerResponse error) {
        String message = error.getMessage() == null ? "refused" : error.getMessage();
        if (message.equalsIgnoreCase("Permission denied")) {
            return new AmiPermissionException(action.getAction(),
                    PERMISSIONS.getOrDefault(action.getAction().toLowerCase(), "matching"), message);
        }
        if (message.startsWith("Originate Access Forbidden")) {
            // Originating an application that can run shell commands (System, Exec, ...) needs more.
            return new AmiPermissionException(action.getAction(), "system", message);
        }
        return new AmiException("The PBX refused " + action.getAction() + ": " + message);
    }
}
