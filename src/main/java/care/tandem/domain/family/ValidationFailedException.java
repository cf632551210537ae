package care.tandem.domain.family;

import care.tandem.domain.problem.Problem;
import care.tandem.domain.problem.ProblemException;

import java.util.List;

/** A save refused because the record has errors; carries them so the form can show each beside its field. */
public final class ValidationFailedException extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationProblem> problems;

    public ValidationFailedException(List<ValidationProblem> problems) {
        super(Problem.VALIDATION_FAILED, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<ValidationProblem> problems() {
        return problems;
    }
}
