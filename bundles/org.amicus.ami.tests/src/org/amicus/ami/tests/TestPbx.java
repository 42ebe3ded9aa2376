package org.amicus.ami.tests;

import org.amicus.ami.AmiProfile;

/** The test PBX that releng/test-pbx/start runs; its users and extensions are listed in its README. */
final class TestPbx {

    static final String HOST = System.getProperty("amicus.test.ami.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("amicus.test.ami.port", 5038);
    static final String CONTEXT = "amicus";
    static final String SECRET = "amicus-secret";
    static final String RESTRICTED_SECRET = "restricted-secret";

    static AmiProfile fullRights() {
        return new AmiProfile("Test PBX", HOST, PORT, false, "amicus");
    }

    static AmiProfile restricted() {
        return new AmiProfile("Test PBX (restricted)", HOST, PORT, false, "amicus-restricted");
    }

    private TestPbx() {
    }
}
