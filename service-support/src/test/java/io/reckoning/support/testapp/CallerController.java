package io.reckoning.support.testapp;

import io.reckoning.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers who the request was authenticated as, for the tests of authentication. */
@RestController
class CallerController {

    @GetMapping("/api/caller")
    Caller caller() {
        return Caller.current("anonymous");
    }
}
