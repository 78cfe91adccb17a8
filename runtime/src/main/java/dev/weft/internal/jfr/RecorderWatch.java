package dev.weft.internal.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Learns when Flight Recorder comes up, without bringing it up: {@code addListener} loads a few
 * classes (about 2 ms), where the first event class would load JFR whole. Only reached when the
 * {@code jdk.jfr} module is present.
 */
final class RecorderWatch implements FlightRecorderListener {

    private RecorderWatch() {}

    static void register() {
        FlightRecorder.addListener(new RecorderWatch());
    }

    /** Called at once when JFR is already initialized, else by the thread that initializes it. */
    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        WeftEvents.recorderUp = true;
    }
}
