package io.reckoning.events;

/** A file produced or consumed by a step, referenced by content hash; the bytes live outside the engine. */
public record Artifact(String name, String uri, String sha256, long sizeBytes, String mediaType) {
}
