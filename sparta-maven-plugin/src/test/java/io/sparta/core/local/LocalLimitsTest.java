package io.sparta.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.sparta.core.common.SpartaUserException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalLimitsTest {

    @ParameterizedTest
    @CsvSource({"'', 1", "1, 1", "2.5, 2.5", "0.1, 0.1", "100, 100", "' 3 ', 3"})
    void aScaleFromATenthToAHundredIsTaken(String value, double scale) throws Exception {
        assertEquals(scale, LocalLimits.timeoutScale(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.05", "101", "-1", "two", "NaN", "Infinity"})
    void anyOtherScaleIsNamedWithTheRangeAndAnExample(String value) {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> LocalLimits.timeoutScale(value));
        assertEquals(
                "<timeoutScale> (-Dsparta.timeoutScale) \"" + value + "\" is not a number from 0.1 to 100; 2 gives"
                        + " every local function twice its timeout, for example mvn sparta:serve"
                        + " -Dsparta.timeoutScale=2",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"30000, 1, 30000", "30000, 0.01, 300", "10000, 2.5, 25000", "1, 0.1, 1"})
    void aScaledDurationIsRoundedAndNeverZero(long millis, double scale, long scaled) {
        assertEquals(scaled, LocalLimits.scaled(millis, scale));
    }
}
