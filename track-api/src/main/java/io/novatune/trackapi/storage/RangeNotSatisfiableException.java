package io.novatune.trackapi.storage;

import io.novatune.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** 416: the range asked for starts past the object's end. */
public class RangeNotSatisfiableException extends ErrorResponseException {

    public RangeNotSatisfiableException(String range) {
        super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, Problems.of(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range-not-satisfiable", "Range not satisfiable", "The range " + range + " lies outside the file."), null);
    }
}
