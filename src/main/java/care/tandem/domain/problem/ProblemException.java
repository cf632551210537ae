package care.tandem.domain.problem;

import java.util.List;

/**
 * A failure with a {@link Problem} a person can act on. The exception message holds only the
 * problem name and safe arguments (paths, counts), never patient data, so it may be logged.
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;
    private final List<Object> args;

    public ProblemException(Problem problem, Object... args) {
        this(problem, null, args);
    }

    public ProblemException(Problem problem, Throwable cause, Object... args) {
        super(problem.name() + (args.length == 0 ? "" : " " + List.of(args)), cause);
        this.problem = problem;
        this.args = List.of(args);
    }

    public Problem problem() {
        return problem;
    }

    /** Arguments for the message pattern ({0}, {1}, ...). */
    public List<Object> args() {
        return args;
    }
}
