package org.amicus.ami;

/** The AMI user lacks a permission the action needs; the message names the action and the permission. */
public class AmiPermissionException extends AmiException {

    private static final long serialVersionUID = 1L;
    private final String action;
    private final String permission;

    public AmiPermissionException(String action, String permission, String pbxMessage) {
        super("The AMI user may not run " + action + " (" + pbxMessage + "): it needs the '" + permission
                + "' permission in the PBX's manager.conf");
        this.action = action;
        this.permission = permission;
    }

    /** The AMI action that was refused, e.g. "CoreShowChannels". */
    public String action() {
        return action;
    }

    /** The manager.conf permission that would allow it, e.g. "reporting" (alternatives joined by " or "). */
    public String permission() {
        return permission;
    }
}
