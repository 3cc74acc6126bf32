package io.reckoning.command.preflight;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConsumedTopicsTest {

    private static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger looks = new AtomicInteger();

    @Test
    void shouldAnswerFromTheLastLookWhileItIsFreshAndLookAgainOnceItIsStale() {
        ConsumedTopics topics = new ConsumedTopics(() -> {
            looks.incrementAndGet();
            return Set.of("reckoning.step-tasks.transform");
        }, FRESH_FOR, now::get);

        assertThat(topics.contains("reckoning.step-tasks.transform")).isTrue();
        now.addAndGet(FRESH_FOR.toNanos());
        assertThat(topics.contains("reckoning.step-tasks.transform")).isTrue();
        assertThat(looks).hasValue(1);

        now.addAndGet(1);
        assertThat(topics.contains("reckoning.step-tasks.transform")).isTrue();
        assertThat(looks).hasValue(2);
    }

    @Test
    void shouldLookAgainForATopicTheFreshLookDidNotHaveSinceAnExecutorMayHaveJoined() {
        List<Set<String>> answers = new ArrayList<>(List.of(Set.of(), Set.of("reckoning.step-tasks.llm")));
        ConsumedTopics topics = new ConsumedTopics(() -> {
            looks.incrementAndGet();
            return answers.remove(0);
        }, FRESH_FOR, now::get);

        assertThat(topics.contains("reckoning.step-tasks.llm")).isFalse();
        now.addAndGet(1);
        assertThat(topics.contains("reckoning.step-tasks.llm")).isTrue();
        assertThat(looks).hasValue(2);
    }

    @Test
    void shouldLetQuestionsThatArriveDuringALookTakeItsAnswerInsteadOfEachLookingInTurn() throws Exception {
        int questions = 8;
        ExecutorService askers = Executors.newFixedThreadPool(questions);
        List<Thread> waiting = new CopyOnWriteArrayList<>();
        ConsumedTopics topics = new ConsumedTopics(() -> {
            // the first look ends only once every other question has been asked and waits for it
            if (looks.incrementAndGet() == 1) {
                await().until(() -> waiting.stream().filter(t -> t.getState() == Thread.State.BLOCKED).count()
                        == questions - 1);
            }
            return Set.of("reckoning.step-tasks.transform");
        }, FRESH_FOR, System::nanoTime);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < questions; i++) {
                answers.add(askers.submit(() -> {
                    waiting.add(Thread.currentThread());
                    return topics.contains("reckoning.step-tasks.transform");
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(looks).hasValue(1);
        } finally {
            askers.shutdownNow();
        }
    }
}
