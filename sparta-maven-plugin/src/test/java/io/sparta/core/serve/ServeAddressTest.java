package io.sparta.core.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparta.core.common.SpartaUserException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServeAddressTest {

    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, 80800})
    void aPortOutsideTcpsRangeIsNamedWithTheRange(int port) {
        SpartaUserException e =
                assertThrows(SpartaUserException.class, () -> LocalApiServer.address("127.0.0.1", port));
        assertEquals(
                "<port> (-Dsparta.port) is " + port + "; a TCP port is 0 to 65535, 0 for a free one (8080 by default)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-host.invalid", "8.8.8.8", " "})
    void aHostThatIsNoAddressOfThisMachineIsNamed(String host) {
        SpartaUserException e = assertThrows(SpartaUserException.class, () -> LocalApiServer.address(host, 8080));
        assertEquals(
                "<host> (-Dsparta.host) \"" + host + "\" does not resolve to an address of this machine; use"
                        + " 127.0.0.1 (the default), or 0.0.0.0 to listen on every interface",
                e.getMessage());
    }

    @Test
    void everyInterfaceIsAnAddressOfThisMachine() throws Exception {
        assertTrue(LocalApiServer.address("0.0.0.0", 0).getAddress().isAnyLocalAddress());
    }

    @Test
    void theEdgesOfTheRangeAreAccepted() throws Exception {
        assertEquals(0, LocalApiServer.address("127.0.0.1", 0).getPort());
        assertEquals(65535, LocalApiServer.address("localhost", 65535).getPort());
    }

    @Test
    void aTakenPortIsNamedWithWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            SpartaUserException e = assertThrows(
                    SpartaUserException.class, () -> LocalApiServer.listen("127.0.0.1", taken.getLocalPort()));
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    "<port> (-Dsparta.port) " + taken.getLocalPort() + " on 127.0.0.1 is" + " taken ("),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("stop what listens there, or choose another port, 0 for a free one"));
        }
    }
}
