package org.amicus.ami.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.amicus.ami.AmiProfile;
import org.amicus.ami.AmiProfiles;
import org.amicus.testing.Services;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Server profiles are stored by name, and one of them is chosen for the start. */
class ProfilesTest {

    private final String prefix = "Test " + UUID.randomUUID() + " ";
    private AmiProfiles profiles;

    @BeforeEach
    void findService() throws InterruptedException {
        profiles = new Services(ProfilesTest.class).get(AmiProfiles.class);
    }

    @AfterEach
    void forgetTestProfiles() {
        profiles.all().stream().map(AmiProfile::name).filter(name -> name.startsWith(prefix)).forEach(profiles::delete);
    }

    @Test
    void storesProfilesByNameAndReplacesOnSave() {
        AmiProfile office = new AmiProfile(prefix + "office", "pbx.office", 5039, true, "agent", "/etc/pbx.crt");
        AmiProfile branch = new AmiProfile(prefix + "branch", "pbx.branch", 5038, false, "agent");
        profiles.save(office);
        profiles.save(branch);

        assertEquals(Optional.of(office), profiles.find(office.name()));
        assertEquals(List.of(branch, office),
                profiles.all().stream().filter(p -> p.name().startsWith(prefix)).toList(), "sorted by name");

        AmiProfile moved = new AmiProfile(office.name(), "pbx2.office", 5039, true, "agent");
        profiles.save(moved);
        assertEquals(Optional.of(moved), profiles.find(office.name()), "replaced, certificate dropped");
    }

    @Test
    void theCurrentProfileGoesWithItsDeletion() {
        AmiProfile office = new AmiProfile(prefix + "office", "pbx.office", 5038, false, "agent");
        profiles.save(office);
        profiles.makeCurrent(office.name());
        assertEquals(Optional.of(office), profiles.current());

        profiles.delete(office.name());
        assertEquals(Optional.empty(), profiles.find(office.name()));
        assertEquals(Optional.empty(), profiles.current());
    }

    @Test
    void refusesUnknownAndUnstorableNames() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> profiles.makeCurrent(prefix + "nowhere"));
        assertTrue(unknown.getMessage().contains("No AMI profile is named"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> profiles.save(new AmiProfile(prefix + "a/b", "pbx", 5038, false, "agent")));
        assertEquals(Optional.empty(), profiles.find("a/b/c"));
    }
}
