package care.tandem.testing;

import care.tandem.ui.common.DialogService;

import java.util.ArrayList;
import java.util.List;

/** Records what would have been shown, and answers yes/no questions as the test says. */
public final class FakeDialogs implements DialogService {
    public final List<Throwable> problems = new ArrayList<>();
    public final List<String> questions = new ArrayList<>();
    public volatile boolean answer = true;

    @Override
    public void showProblem(Throwable failure) {
        problems.add(failure);
    }

    @Override
    public boolean confirm(String titleKey, String messageKey, Object... args) {
        questions.add(messageKey);
        return answer;
    }
}
