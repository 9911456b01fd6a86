package io.firstpin.platform.web;

import io.firstpin.platform.Problems;

/**
 * An API request body that checks its values beyond bean validation: kinds, dates and places that must parse, rules
 * across fields. Checked together with bean validation and unreadable values, so one answer lists every problem.
 */
public interface CheckedRequest {

    void check(Problems problems);
}
