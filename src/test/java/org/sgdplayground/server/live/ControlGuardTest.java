package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sgdplayground.server.live.ControlGuard.Admission;

class ControlGuardTest {
    private static final long T0 = 5_000_000_000L, MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void a_second_reads_its_allowance_then_tells_the_client_once_and_ignores_the_rest() {
        ControlGuard guard = new ControlGuard(3, 100, T0);
        List<Admission> admissions = new ArrayList<>();
        for (int k = 0; k < 6; k++) admissions.add(guard.admit(T0 + k * MS));
        assertEquals(List.of(Admission.READ, Admission.READ, Admission.READ, Admission.REFUSE_AND_TELL,
            Admission.IGNORE, Admission.IGNORE), admissions);
    }

    @Test
    void a_new_allowance_starts_a_second_after_the_window_opened() {
        ControlGuard guard = new ControlGuard(1, 100, T0);
        assertEquals(Admission.READ, guard.admit(T0 + 300 * MS)); // opens the window
        assertEquals(Admission.REFUSE_AND_TELL, guard.admit(T0 + 800 * MS));
        assertEquals(Admission.IGNORE, guard.admit(T0 + 1300 * MS - 1));
        assertEquals(Admission.READ, guard.admit(T0 + 1300 * MS));
    }

    @Test
    void windows_open_and_renew_whatever_the_clocks_origin() {
        // nanoTime's origin is arbitrary and may be negative: windows must not wait for the clock to pass zero
        ControlGuard guard = new ControlGuard(1, 100, -T0);
        assertEquals(Admission.READ, guard.admit(-T0));
        assertEquals(Admission.READ, guard.admit(-T0 + 1000 * MS));
    }

    @Test
    void size_is_counted_in_utf8_bytes_as_on_the_wire_not_in_chars() {
        ControlGuard guard = new ControlGuard(1, 12, T0);
        assertTrue(guard.fits("a".repeat(12)));
        assertFalse(guard.fits("a".repeat(13)));
        assertTrue(guard.fits("é".repeat(6)), "12 bytes");
        assertFalse(guard.fits("é".repeat(7)), "7 chars, 14 bytes");
        assertTrue(guard.fits("€".repeat(4)), "12 bytes");
        assertFalse(guard.fits("€".repeat(5)), "5 chars, 15 bytes");
        assertTrue(guard.fits("😀".repeat(3)), "6 chars, 12 bytes");
        assertFalse(guard.fits("😀".repeat(3) + "a"), "13 bytes");
    }

    @Test
    void what_the_client_is_told_names_each_limit() {
        ControlGuard guard = new ControlGuard(50, 16_384, T0);
        assertEquals("too many messages: at most 50 a second; the rest of this second's messages are ignored", guard.tooMany());
        assertEquals("a message may be at most 16384 bytes", guard.tooBig());
    }
}
