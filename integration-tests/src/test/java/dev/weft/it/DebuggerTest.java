package dev.weft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.IntegerValue;
import com.sun.jdi.Location;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.StringReference;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.EventRequestManager;
import com.sun.jdi.request.StepRequest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A debugger works in woven code (issue 16, point 6): JDI launches {@link DebugTarget} in a child
 * JVM (the test JVM's own java, so JDK 17 or 25 as the run is, with the agent and JDWP), stops on
 * the line after an await that really suspended, on a worker thread, reads locals by name and
 * the receiver, steps line by line up to a second await, and gets past that await to the next
 * source line.
 *
 * <p>What a debugger sees in woven code: the method's body is a static synthetic method of the
 * same class (same source file and lines, locals in the LocalVariableTable under their own names),
 * so {@code StackFrame.thisObject()} is null and the receiver is the local {@code $this}. A local
 * that is dead at an await is not saved, so after the await it is out of scope (as javac's
 * ranges would otherwise claim a value the resumed frame does not have). JDI's
 * "step over" on an await that suspends completes where the body returns {@code SUSPENDED} to
 * the runtime, since the rest of the method runs later, possibly on another worker; getting to
 * the next line means a breakpoint there (what IDEs do for Kotlin's suspend functions).
 */
class DebuggerTest {

    private static final String FILE = "dev/weft/it/DebugTarget.java";
    private static final String TARGET = DebugTarget.class.getName();

    private static int line(String marker) {
        return SourceLines.lineOf(FILE, "// DEBUG " + marker);
    }

    @Test
    void stopsAfterASuspendedAwaitReadsLocalsAndGetsPastTheNextAwait() throws Exception {
        VirtualMachine vm = launch();
        try {
            EventRequestManager erm = vm.eventRequestManager();
            ClassPrepareRequest prepare = erm.createClassPrepareRequest();
            prepare.addClassFilter(TARGET);
            prepare.enable();
            vm.resume();
            ClassPrepareEvent prepared = next(vm, ClassPrepareEvent.class);
            ReferenceType type = prepared.referenceType();

            // 1. a breakpoint on the line after the first await, which suspends on a timer
            breakAt(erm, type, line("after-first"));
            vm.resume();
            BreakpointEvent hit = next(vm, BreakpointEvent.class);
            ThreadReference worker = hit.thread();
            assertTrue(
                    worker.name().startsWith("weft-debug-"),
                    "on a worker thread: " + worker.name());
            assertEquals(line("after-first"), hit.location().lineNumber());
            assertEquals("DebugTarget.java", hit.location().sourceName());
            StackFrame frame = worker.frame(0);
            // resumed by the runtime: the task's poll is below, main is not (it is parked in
            // blockOn)
            assertTrue(
                    frames(worker).stream()
                            .anyMatch(f -> f.startsWith("dev.weft.internal.task.Task.run")),
                    frames(worker).toString());

            // 2. locals by name, and the receiver; base is dead after the await (not saved), so it
            //    is out of scope there rather than showing a stale value
            assertNull(frame.visibleVariableByName("base"), "base is not saved across the await");
            assertEquals(42, ((IntegerValue) local(frame, "local")).value());
            assertEquals("L21", ((StringReference) local(frame, "label")).value());
            assertNull(frame.thisObject(), "the body is static: the receiver is the local $this");
            ObjectReference self = (ObjectReference) local(frame, "$this");
            assertEquals(TARGET, self.referenceType().name());
            assertEquals(
                    "target",
                    ((StringReference) self.getValue(self.referenceType().fieldByName("name")))
                            .value());
            assertEquals(
                    0,
                    ((IntegerValue) self.getValue(self.referenceType().fieldByName("calls")))
                            .value());

            // 3. step over, line by line, to the second await
            assertEquals(line("second-line"), step(vm, worker).lineNumber());
            Location atAwait = step(vm, worker);
            assertEquals(line("second-await"), atAwait.lineNumber());
            assertEquals(45, ((IntegerValue) local(worker.frame(0), "second")).value());

            // 4. "step over" the await: it suspends, so the step ends where the body returns to the
            //    runtime, not on the next line; a breakpoint there is how to get past it
            Location stepped = step(vm, worker);
            assertFalse(
                    stepped.method().equals(atAwait.method())
                            && stepped.lineNumber() == line("after-second"),
                    "stepping over a suspending await cannot reach the next line on this thread: "
                            + stepped);
            breakAt(erm, type, line("after-second"));
            vm.resume();
            BreakpointEvent past = next(vm, BreakpointEvent.class);
            assertEquals(line("after-second"), past.location().lineNumber());
            assertTrue(past.thread().name().startsWith("weft-debug-"), past.thread().name());
            StackFrame after = past.thread().frame(0);
            assertEquals(45, ((IntegerValue) local(after, "second")).value());
            assertNull(
                    after.visibleVariableByName("local"), "local is dead after the second await");
            assertEquals("L21", ((StringReference) local(after, "label")).value());
            ObjectReference again = (ObjectReference) local(after, "$this");
            assertEquals(self, again, "the same receiver");
            assertEquals(
                    42,
                    ((IntegerValue) again.getValue(again.referenceType().fieldByName("calls")))
                            .value());
            erm.deleteAllBreakpoints();
            vm.resume();
            next(vm, VMDeathEvent.class);
        } finally {
            try {
                vm.dispose();
            } catch (RuntimeException alreadyGone) {
                // the child exited
            }
            vm.process().destroyForcibly();
        }
        assertTrue(output.toString().contains("result 96"), output.toString());
    }

    /** Child stdout and stderr. */
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** The child JVM, started suspended: the test JVM's java, the agent, this module's class path. */
    private VirtualMachine launch() throws Exception {
        LaunchingConnector launcher = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> args = launcher.defaultArguments();
        args.get("home").setValue(System.getProperty("java.home"));
        String agent = System.getProperty("weft.agent.jar");
        assertNotNull(agent, "surefire passes weft.agent.jar");
        args.get("options")
                .setValue(
                        "\"-javaagent:"
                                + agent
                                + "\" -cp \""
                                + System.getProperty("java.class.path")
                                + "\"");
        args.get("main").setValue(TARGET);
        VirtualMachine vm = launcher.launch(args);
        drain(vm.process().getInputStream());
        drain(vm.process().getErrorStream());
        return vm;
    }

    private void drain(InputStream in) {
        Thread t =
                new Thread(
                        () -> {
                            byte[] buf = new byte[4096];
                            try {
                                for (int n; (n = in.read(buf)) > 0; ) {
                                    synchronized (output) {
                                        output.write(buf, 0, n);
                                    }
                                }
                            } catch (java.io.IOException closed) {
                                // the child exited
                            }
                        });
        t.setDaemon(true);
        t.start();
    }

    private static void breakAt(EventRequestManager erm, ReferenceType type, int line)
            throws Exception {
        List<Location> where = type.locationsOfLine(line);
        assertFalse(where.isEmpty(), "no code at line " + line);
        for (Location l : where) { // the woven body, and its direct entry when the method has one
            BreakpointRequest b = erm.createBreakpointRequest(l);
            b.setSuspendPolicy(EventRequest.SUSPEND_ALL);
            b.enable();
        }
    }

    /** One "step over" on {@code thread}: where it stopped. */
    private static Location step(VirtualMachine vm, ThreadReference thread) throws Exception {
        EventRequestManager erm = vm.eventRequestManager();
        StepRequest s = erm.createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        s.addCountFilter(1);
        s.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        s.enable();
        vm.resume();
        StepEvent e = next(vm, StepEvent.class);
        erm.deleteEventRequest(s);
        return e.location();
    }

    private static Value local(StackFrame frame, String name) throws Exception {
        com.sun.jdi.LocalVariable v = frame.visibleVariableByName(name);
        assertNotNull(
                v,
                "no visible local '"
                        + name
                        + "' at "
                        + frame.location()
                        + "; visible: "
                        + frame.visibleVariables());
        return frame.getValue(v);
    }

    private static List<String> frames(ThreadReference t) throws Exception {
        List<String> out = new ArrayList<>();
        for (StackFrame f : t.frames()) {
            out.add(f.location().declaringType().name() + "." + f.location().method().name());
        }
        return out;
    }

    /**
     * The next event of {@code type}, resuming past the others; a hang guard, not a timing
     * assertion: a debuggee stuck for a minute fails the test instead of the build.
     */
    private static <E extends Event> E next(VirtualMachine vm, Class<E> type) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            EventSet set = vm.eventQueue().remove(1_000);
            if (set == null) {
                continue;
            }
            for (Event e : set) {
                if (type.isInstance(e)) {
                    return type.cast(e);
                }
                if (e instanceof VMDisconnectEvent || e instanceof VMDeathEvent) {
                    throw new AssertionError(
                            "the child ended while waiting for "
                                    + type.getSimpleName()
                                    + (e instanceof LocatableEvent ? "" : ""));
                }
            }
            set.resume();
        }
        throw new AssertionError("no " + type.getSimpleName() + " within a minute");
    }
}
