package dev.weft.agent.jfr;

import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Loads the weave events when Flight Recorder comes up, without bringing it up ({@code
 * addListener} costs a few classes). Only reached when the {@code jdk.jfr} module is present.
 */
final class RecorderWatch implements FlightRecorderListener {

    private RecorderWatch() {}

    static void register() {
        FlightRecorder.addListener(new RecorderWatch());
    }

    /** Called at once when JFR is already initialized, else by the thread that initializes it. */
    @Override
    public void recorderInitialized(FlightRecorder recorder) {
        Emit.preload();
        WeaveEvents.loaded = true;
    }
}
