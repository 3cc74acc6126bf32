package io.reckoning.query.api;

import io.reckoning.query.replay.ProjectionReplays;
import io.reckoning.query.replay.ProjectionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Projection administration: every projection's progress, and rebuilding one from position zero. */
@RestController
class ProjectionAdminController {

    record ProjectionList(List<ProjectionStatus> items) {
    }

    private final ProjectionReplays replays;

    ProjectionAdminController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/api/admin/projections")
    ProjectionList list() {
        return new ProjectionList(replays.statuses());
    }

    @GetMapping("/api/admin/projections/{name}")
    ProjectionStatus get(@PathVariable String name) {
        return replays.status(name);
    }

    /** 202 with the status link; the replay runs in the background and swaps its tables in when caught up. */
    @PostMapping("/api/admin/projections/{name}/replay")
    ResponseEntity<ProjectionStatus> replay(@PathVariable String name) {
        ProjectionStatus status = replays.replay(name);
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name)).body(status);
    }
}
