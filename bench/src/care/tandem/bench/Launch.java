package care.tandem.bench;

/** Starts {@link MinimalWindow} from a plain class path, as Tandem's Main starts its window. */
public final class Launch {
    private Launch() {
    }

    public static void main(String[] args) {
        MinimalWindow.main(args);
    }
}
