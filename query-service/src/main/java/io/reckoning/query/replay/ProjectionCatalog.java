package io.reckoning.query.replay;

import io.reckoning.query.readmodel.Projection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read models of this service by processing group, and the tracking processors they run on. A replay is always
 * of a whole processor: the read models sharing one (run-summary and step-run on run-view) move together, as they
 * do live.
 */
final class ProjectionCatalog {

    /** A tracking processor and the read models it feeds. */
    record Processor(String name, List<String> groups, List<Projection> projections) {

        /** The name the replay processor's token goes by in the token table. */
        String replayName() {
            return name + ".replay";
        }

        List<String> tables() {
            return projections.stream().flatMap(projection -> projection.tables().stream()).toList();
        }
    }

    private final Map<String, Processor> byGroup = new LinkedHashMap<>();

    ProjectionCatalog(List<Projection> projections, EventProcessingConfiguration processing) {
        Map<String, List<Projection>> byProcessor = new LinkedHashMap<>();
        Map<String, List<String>> groupsByProcessor = new LinkedHashMap<>();
        Map<String, String> processorOfGroup = new LinkedHashMap<>();
        for (Projection projection : projections) {
            ProcessingGroup group = AnnotationUtils.findAnnotation(projection.getClass(), ProcessingGroup.class);
            if (group == null) {
                throw new IllegalStateException(projection.getClass().getName() + " has no @ProcessingGroup.");
            }
            String processor = processing.eventProcessorByProcessingGroup(group.value()).map(EventProcessor::getName)
                    .orElseThrow(() -> new IllegalStateException("No processor runs group " + group.value() + "."));
            byProcessor.computeIfAbsent(processor, name -> new ArrayList<>()).add(projection);
            groupsByProcessor.computeIfAbsent(processor, name -> new ArrayList<>()).add(group.value());
            processorOfGroup.put(group.value(), processor);
        }
        processorOfGroup.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> byGroup.put(
                entry.getKey(), new Processor(entry.getValue(), List.copyOf(groupsByProcessor.get(entry.getValue())),
                        List.copyOf(byProcessor.get(entry.getValue())))));
    }

    /** The processing groups, by name. */
    List<String> groups() {
        return List.copyOf(byGroup.keySet());
    }

    /** The processors, each once. */
    List<Processor> processors() {
        return byGroup.values().stream().distinct().toList();
    }

    Optional<Processor> processorOf(String group) {
        return Optional.ofNullable(byGroup.get(group));
    }
}
