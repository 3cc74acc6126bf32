package io.reckoning.benchmarks.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The workflows the benchmark runs, each registered under a name of its own. Every run gets one input, {@code n},
 * which the first step copies, so that each run's data differs.
 */
enum Workload {

    /** transform → external (attested as soon as it waits) → transform. */
    W3(3, Set.of("b"), """
            {"name": "bench-w3", "inputs": {"n": {"type": "string", "required": true}}, "steps": [
              {"id": "a", "type": "transform", "output": {"n": "{{ inputs.n }}"}},
              {"id": "b", "type": "external", "needs": ["a"], "instructions": "Check {{ steps.a.output.n }}."},
              {"id": "c", "type": "transform", "needs": ["b"],
               "output": {"verdict": "{{ steps.b.output.verdict }}", "n": "{{ steps.a.output.n }}"}}]}
            """),
    /** Ten transforms in a row. */
    W10(10, Set.of(), chain(10)),
    /** One transform, eight in parallel after it, one that needs all eight. */
    FANOUT(10, Set.of(), fanOut(8)),
    /** An llm step on the engine's provider (the fake one unless the engine is configured otherwise), then a transform. */
    LLM(2, Set.of(), """
            {"name": "bench-llm", "inputs": {"n": {"type": "string", "required": true}}, "steps": [
              {"id": "ask", "type": "llm", "prompt": "Summarize item {{ inputs.n }} in one sentence."},
              {"id": "report", "type": "transform", "needs": ["ask"], "output": {"text": "{{ steps.ask.output.text }}"}}]}
            """);

    private final int steps;
    private final Set<String> attested;
    private final String definition;

    Workload(int steps, Set<String> attested, String definition) {
        this.steps = steps;
        this.attested = attested;
        this.definition = definition;
    }

    static Workload parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT).replace("-", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown workload " + name + "; one of W3, W10, fanout, llm.", e);
        }
    }

    String workflowName() {
        return "bench-" + name().toLowerCase(Locale.ROOT);
    }

    /** Steps each run executes, for steps/s. */
    int steps() {
        return steps;
    }

    /** The external steps the benchmark attests as soon as they wait. */
    boolean attests(String stepId) {
        return attested.contains(stepId);
    }

    String definition() {
        return definition;
    }

    private static String chain(int length) {
        List<String> steps = new ArrayList<>();
        steps.add("{\"id\": \"s1\", \"type\": \"transform\", \"output\": {\"n\": \"{{ inputs.n }}\"}}");
        for (int i = 2; i <= length; i++) {
            steps.add("{\"id\": \"s%d\", \"type\": \"transform\", \"needs\": [\"s%d\"], \"output\": {\"n\": \"{{ steps.s%d.output.n }}\"}}"
                    .formatted(i, i - 1, i - 1));
        }
        return workflow("bench-w10", steps);
    }

    private static String fanOut(int width) {
        List<String> steps = new ArrayList<>();
        steps.add("{\"id\": \"split\", \"type\": \"transform\", \"output\": {\"n\": \"{{ inputs.n }}\"}}");
        List<String> branches = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            steps.add("{\"id\": \"p%d\", \"type\": \"transform\", \"needs\": [\"split\"], \"output\": {\"n\": \"{{ steps.split.output.n }}\", \"branch\": \"%d\"}}"
                    .formatted(i, i));
            branches.add("\"p" + i + "\"");
        }
        steps.add("{\"id\": \"join\", \"type\": \"transform\", \"needs\": [" + String.join(", ", branches)
                + "], \"output\": {\"n\": \"{{ steps.p1.output.n }}\"}}");
        return workflow("bench-fanout", steps);
    }

    private static String workflow(String name, List<String> steps) {
        return "{\"name\": \"" + name + "\", \"inputs\": {\"n\": {\"type\": \"string\", \"required\": true}}, \"steps\": [\n  "
                + String.join(",\n  ", steps) + "]}";
    }
}
