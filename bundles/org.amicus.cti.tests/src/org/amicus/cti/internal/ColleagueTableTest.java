package org.amicus.cti.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.amicus.cti.ColleagueState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code ExtensionStatus} bit mask as a state: what the PBX sends, not only the single bits. */
class ColleagueTableTest {

    @ParameterizedTest
    @CsvSource({ "0, IDLE", "1, IN_USE", "2, BUSY", "3, BUSY", "4, UNAVAILABLE", "8, RINGING", "9, RINGING",
            "16, ON_HOLD", "17, ON_HOLD", "-1, UNKNOWN" })
    void aBitMaskIsTheStateOfItsStrongestBit(int status, ColleagueState state) {
        assertEquals(state, ColleagueTable.stateOf(status, false));
    }

    @ParameterizedTest
    @CsvSource({ "0", "1", "8" })
    void doNotDisturbOutweighsTheDevice(int status) {
        assertEquals(ColleagueState.DND, ColleagueTable.stateOf(status, true));
    }
}
