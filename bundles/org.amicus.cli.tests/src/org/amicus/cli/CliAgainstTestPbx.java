package org.amicus.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.amicus.testing.AgainstTestPbx;
import org.amicus.testing.TestPbx;
import org.junit.jupiter.api.BeforeEach;

/** A test of the command line against the test PBX: the command line's service, run logged in to that PBX. */
abstract class CliAgainstTestPbx extends AgainstTestPbx {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    Cli cli;

    @BeforeEach
    void findCli() throws Exception {
        cli = services.get(Cli.class);
    }

    /** Runs the words against the test PBX as {@code user}, its secret in the environment as a user would give it. */
    CliRun runAs(String user, String secret, String... words) throws Exception {
        List<String> args = new ArrayList<>(List.of(words));
        args.addAll(List.of("--host", TestPbx.HOST, "--port", String.valueOf(TestPbx.PORT), "--user", user));
        return new CliRun(cli, Map.of(Login.SECRET_VARIABLE, secret), args);
    }
}
