package io.reckoning.events;

import io.reckoning.workflow.WorkflowDefinition;

/** A new version of a workflow definition was registered; versions never change afterwards. */
public record WorkflowRegistered(String name, int version, String digest, WorkflowDefinition definition) {
}
