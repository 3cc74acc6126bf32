package io.reckoning.query.api;

import io.reckoning.query.inbox.AttestationInbox;
import io.reckoning.query.inbox.PendingAttestation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The operator inbox: the steps waiting for attestation, oldest first. */
@RestController
class AttestationQueryController {

    record PendingAttestations(List<PendingAttestation> items) {
    }

    private final AttestationInbox inbox;

    AttestationQueryController(AttestationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/attestations/pending")
    PendingAttestations pending(@RequestParam(required = false) String workflow) {
        return new PendingAttestations(inbox.pending(workflow == null || workflow.isBlank() ? null : workflow,
                Instant.now()));
    }
}
