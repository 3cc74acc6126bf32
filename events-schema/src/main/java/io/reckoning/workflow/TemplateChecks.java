package io.reckoning.workflow;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Templates must name something a run will have when the step is scheduled: a declared input
 * ({@code {{ inputs.<name>... }}}) or the output of a step upstream of this one, directly or through its needs
 * ({@code {{ steps.<id>.output... }}}). Templates are read where command-service resolves them: in
 * {@code output}, {@code instructions}, {@code duration}, {@code until}, {@code prompt} and {@code system}, at any
 * depth.
 */
final class TemplateChecks {

    /** The same syntax command-service resolves. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([^{}]+?)\\s*}}");

    private final WorkflowDefinition definition;
    private final Map<String, StepDefinition> byId;
    private final Map<String, Set<String>> upstream = new HashMap<>();
    private final List<Violation> violations;

    private TemplateChecks(WorkflowDefinition definition, Map<String, StepDefinition> byId,
                           List<Violation> violations) {
        this.definition = definition;
        this.byId = byId;
        this.violations = violations;
    }

    /** Whether a text holds a template, so its final form is known only when the step is scheduled. */
    static boolean hasTemplate(String text) {
        return TEMPLATE.matcher(text).find();
    }

    static void check(WorkflowDefinition definition, Map<String, StepDefinition> byId, List<Violation> violations) {
        TemplateChecks checks = new TemplateChecks(definition, byId, violations);
        for (int i = 0; i < definition.steps().size(); i++) {
            StepDefinition step = definition.steps().get(i);
            if (step != null) {
                String at = Pointers.step(i);
                checks.walk(step, step.output(), at + "/output");
                checks.walk(step, step.instructions(), at + "/instructions");
                checks.walk(step, step.duration(), at + "/duration");
                checks.walk(step, step.until(), at + "/until");
                checks.walk(step, step.prompt(), at + "/prompt");
                checks.walk(step, step.system(), at + "/system");
            }
        }
    }

    /** Visits every string in a JSON value (map keys are never resolved, so they are not read). */
    private void walk(StepDefinition step, Object value, String at) {
        if (value instanceof String text) {
            Matcher matcher = TEMPLATE.matcher(text);
            while (matcher.find()) {
                String problem = problem(step, matcher.group(1).split("\\.", -1));
                if (problem != null) {
                    violations.add(new Violation(at, "Template '" + matcher.group() + "' in " + name(step) + " "
                            + problem));
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(step, item, at + "/" + Pointers.escape(String.valueOf(key))));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(step, list.get(i), at + "/" + i);
            }
        }
    }

    /** Why the expression cannot be resolved for this step, as the end of a sentence; null when it can. */
    private String problem(StepDefinition step, String[] path) {
        if (path.length >= 2 && path[0].equals("inputs")) {
            return definition.inputs().containsKey(path[1]) ? null
                    : "refers to input '" + path[1] + "', which the workflow does not declare"
                    + (definition.inputs().isEmpty() ? "." : " (it declares " + definition.inputs().keySet() + ").");
        }
        if (path.length >= 3 && path[0].equals("steps") && path[2].equals("output")) {
            String source = path[1];
            if (source.equals(step.id())) {
                return "refers to the step's own output; a step can read only the outputs of the steps it needs.";
            }
            if (!byId.containsKey(source)) {
                return "refers to step '" + source + "', which is not a step of this workflow.";
            }
            if (!upstreamOf(step).contains(source)) {
                return "refers to the output of step '" + source + "', which is not upstream of it: add '" + source
                        + "' to its needs, directly or through a step it needs.";
            }
            return null;
        }
        return "must read {{ inputs.<name> }} or {{ steps.<id>.output }}, optionally followed by a path such as "
                + "{{ steps.<id>.output.url }}.";
    }

    /** The steps a step needs, directly or transitively; cycles and unknown needs are reported elsewhere. */
    private Set<String> upstreamOf(StepDefinition step) {
        if (step.id() == null || byId.get(step.id()) != step) {
            return collectUpstream(step); // a step without a (unique) id: not worth remembering
        }
        return upstream.computeIfAbsent(step.id(), id -> collectUpstream(step));
    }

    private Set<String> collectUpstream(StepDefinition step) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pushNeeds(step, pending);
        while (!pending.isEmpty()) {
            String need = pending.pop();
            if (byId.containsKey(need) && found.add(need)) {
                pushNeeds(byId.get(need), pending);
            }
        }
        return found;
    }

    private static void pushNeeds(StepDefinition step, Deque<String> pending) {
        step.needs().stream().filter(need -> need != null).forEach(pending::push);
    }

    private static String name(StepDefinition step) {
        return step.id() == null ? "this step" : "step '" + step.id() + "'";
    }
}
