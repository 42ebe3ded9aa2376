package org.amicus.ami;

import java.util.Optional;

/**
 * Keeps the AMI secret of each {@link AmiProfile}, encrypted in Eclipse secure storage: never in plain preferences,
 * never in a log line. Available as an OSGi service.
 */
public interface AmiSecrets {

    /** Stores the profile's secret, replacing any earlier one; fails with an {@link AmiException}. */
    void save(AmiProfile profile, String secret);

    /** The profile's secret, if one is stored. */
    Optional<String> find(AmiProfile profile);

    /** Forgets the profile's secret, if any. */
    void delete(AmiProfile profile);
}
