/**
 * weft's JUnit 5 (Jupiter) extension. {@link dev.weft.junit.WeftExtension} gives each test that
 * asks for an {@code AsyncRuntime} parameter a fresh runtime, configured by
 * {@link dev.weft.junit.WeftTest}, and closes it after the test.
 *
 * <p>Invariants: one runtime per test method (the test, its {@code @BeforeEach} and
 * {@code @AfterEach} methods share it); it is closed after the extension's afterEach, whatever
 * the outcome; a task that is neither complete nor cancelled at that point fails the test with
 * the task and the line that spawned it. Spawn sites are recorded only for these runtimes
 * (through the runtime's internal {@code LiveTasks}), so other runtimes pay nothing.
 */
package dev.weft.junit;
