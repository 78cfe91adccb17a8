package dev.weft.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** A worker found no work and waited (parked, or waited in the selector) for this long. */
@Name("dev.weft.WorkerPark")
@Label("Worker Park")
@Category({"weft", "Workers"})
@Description("A weft worker found no task to run and waited for one")
@Enabled(false)
@StackTrace(false)
@Threshold("0 ms")
final class WorkerParkEvent extends jdk.jfr.Event {}
