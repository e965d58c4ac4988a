package org.certdesk.api;

/** Where long operations report their steps; the console maps it to a Job's progress monitor and log. */
public interface ProgressSink {
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void step(String message) {
        }
    };

    void step(String message);

    default boolean isCanceled() {
        return false;
    }
}
