package org.amicus.ami;

import java.util.List;
import java.util.Optional;

/**
 * The AMI servers a person has set up, by name, and which of them to connect to when Amicus starts. Kept in Eclipse
 * preferences, shared by the workstation and the command line; secrets live apart, in {@link AmiSecrets}.
 * Available as an OSGi service.
 */
public interface AmiProfiles {

    /** Every stored profile, sorted by name. */
    List<AmiProfile> all();

    /** The profile named so, if stored. */
    Optional<AmiProfile> find(String name);

    /** The profile to connect to at start, if one is chosen and still stored. */
    Optional<AmiProfile> current();

    /** Stores the profile under its name, replacing one of the same name; fails with an {@link AmiException}. */
    void save(AmiProfile profile);

    /** Chooses the stored profile named so as the one to connect to at start. */
    void makeCurrent(String name);

    /** Forgets the profile named so (not its secret: see {@link AmiSecrets#delete}). */
    void delete(String name);
}
