package care.tandem.ui;

import care.tandem.ui.common.DialogService;

import java.util.ArrayList;
import java.util.List;

/** Records what would have been shown to the user; confirmations get a set answer. */
public final class FakeDialogs implements DialogService {
    public final List<Throwable> problems = new ArrayList<>();
    public boolean answer = true;

    @Override
    public void showProblem(Throwable failure) {
        problems.add(failure);
    }

    @Override
    public boolean confirm(String titleKey, String messageKey, Object... args) {
        return answer;
    }
}
