package io.novatune.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details with the platform's types. */
public final class Problems {

    private Problems() {
    }

    /** Without an instance: Spring sets the request's path when it renders one returned from a handler. */
    public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail of(HttpStatus status, String type, String title, String detail, String path) {
        ProblemDetail problem = of(status, type, title, detail);
        problem.setInstance(URI.create(path));
        return problem;
    }
}
