package care.tandem.service;

/**
 * How a long export, sync or backup reports its progress and learns that the person pressed Cancel. Called on the
 * worker thread; a window hands the figures to the FX thread itself.
 */
public interface ExportProgress {
    /** Nothing to report, never cancelled (command line runs that print their own summary, tests). */
    ExportProgress NONE = new ExportProgress() {
        @Override
        public void step(String what, long done, long total) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * @param what  a bundle key naming the current stage (never patient data)
     * @param done  units finished in this stage
     * @param total units in this stage, or -1 when unknown
     */
    void step(String what, long done, long total);

    /** Whether to stop: the work then ends without leaving anything half-written. */
    boolean cancelled();
}
