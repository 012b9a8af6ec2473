package org.sgdplayground.server.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sgdplayground.experiment.Experiment;
import org.sgdplayground.experiment.ExperimentCodec;
import org.sgdplayground.experiment.QueryStrings;

class TapeLibraryTest {
    /** A small run; each seed is a different experiment of the same size. */
    private static Experiment run(int seed) {
        return ExperimentCodec.decode(QueryStrings.parse("preset=fastai-sgd&n=10&steps=10&seed=" + seed));
    }

    private static final long ONE_TAPE = FrameTape.estimatedBytes(run(0));

    @Test
    void sessions_of_one_experiment_share_one_tape() {
        TapeLibrary library = new TapeLibrary(LiveLimits.MAX_SHARED_TAPE_BYTES);
        FrameTape first = library.tape(run(1));
        assertSame(first, library.tape(run(1)), "an equal experiment, decoded again, gets the same tape");
        assertNotSame(first, library.tape(run(2)));
        assertEquals(2, library.size());
    }

    @Test
    void a_run_bigger_than_a_sixteenth_of_the_budget_gets_a_private_tape_each_time_and_is_not_kept() {
        TapeLibrary library = new TapeLibrary(16 * ONE_TAPE - 16);
        FrameTape first = library.tape(run(1));
        assertNotSame(first, library.tape(run(1)));
        assertEquals(0, library.size());
    }

    @Test
    void past_the_budget_the_least_recently_used_tape_is_forgotten() {
        TapeLibrary library = new TapeLibrary(16 * ONE_TAPE); // sixteen tapes fit
        List<FrameTape> tapes = new ArrayList<>();
        for (int seed = 0; seed < 16; seed++) tapes.add(library.tape(run(seed)));
        library.tape(run(0)); // seed 0 is now the most recently used; seed 1 the least
        library.tape(run(16));
        assertEquals(16, library.size());
        assertSame(tapes.get(0), library.tape(run(0)), "kept: used recently");
        assertSame(tapes.get(2), library.tape(run(2)), "kept: the budget needed one place");
        assertNotSame(tapes.get(1), library.tape(run(1)), "forgotten: asking again builds it anew");
    }

    @Test
    void a_forgotten_tape_still_plays_for_the_sessions_holding_it() {
        TapeLibrary library = new TapeLibrary(16 * ONE_TAPE);
        FrameTape held = library.tape(run(100));
        for (int seed = 0; seed < 16; seed++) library.tape(run(seed)); // pushes seed 100 out
        FrameTape rebuilt = library.tape(run(100));
        assertNotSame(held, rebuilt);
        for (int i = 0; i <= 11; i++) assertArrayEquals(rebuilt.message(i), held.message(i), "message " + i);
    }

    @Test
    void a_tape_asked_for_by_many_threads_at_once_is_built_once() throws Exception {
        TapeLibrary library = new TapeLibrary(LiveLimits.MAX_SHARED_TAPE_BYTES);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FrameTape>> asked = new ArrayList<>();
            for (int k = 0; k < threads; k++) asked.add(pool.submit(() -> { go.await(); return library.tape(run(7)); }));
            go.countDown();
            FrameTape first = asked.get(0).get();
            for (Future<FrameTape> f : asked) assertSame(first, f.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
