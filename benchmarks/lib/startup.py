"""The start-up group's measurements, called by benchmarks/run/startup (which documents them).

Arguments: TMP_DIR JAVA25 JAVA17 JAVAC AGENT_JAR RUNTIME_JAR BENCH_JAR RUNS MACHINE OUT_JSON DATE
BASELINE_AGENT_JAR (empty: none). Progress and raw numbers go to stdout (the runner keeps them as
the .txt next to OUT_JSON).
"""
import json, os, resource, statistics, subprocess, sys, time

tmp, java25, java17, javac, agent, runtime, jar, runs, machine, out, date, baseline = sys.argv[1:]
runs = int(runs)
src, classes = os.path.join(tmp, "src"), os.path.join(tmp, "classes")
PLAIN, WEFT = 1900, 100
NOW = "java.time.Instant n = java.time.Instant.now(); long us = n.getEpochSecond() * 1_000_000L + n.getNano() / 1000;"

def write(rel, text):
    p = os.path.join(src, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, "w").write(text)

write("hello/Hello.java", f"""package hello;
public final class Hello {{
    public static void main(String[] args) {{
        {{ {NOW} System.out.println("T_MAIN " + us); }}
        System.out.println("hello, world");
        {{ {NOW} System.out.println("T_DONE " + us); }}
    }}
}}
""")
for i in range(PLAIN):
    write(f"gen/P{i:04d}.java", f"""package gen;
/** A class without weft references: the agent's scan must pass it through. */
public final class P{i:04d} {{
    private static final int[] TABLE = new int[16];
    static {{ for (int k = 0; k < TABLE.length; k++) TABLE[k] = k * {i % 7 + 1} + {i}; }}
    private P{i:04d}() {{}}
    static int a(int x) {{ return x + {i}; }}
    static int b(int x) {{ return a(x) * 3 - 1; }}
    static String name() {{ return "P{i:04d}"; }}
    public static int work(int x) {{
        int s = b(x);
        for (int v : TABLE) s = s * 31 + v;
        return s ^ name().length();
    }}
}}
""")
for i in range(WEFT):
    write(f"gen/W{i:04d}.java", f"""package gen;
import static dev.weft.Async.await;
import dev.weft.Future;
/** A class with an async method: the agent weaves it at load time. */
public final class W{i:04d} {{
    private W{i:04d}() {{}}
    public static Future<Integer> run(int x) {{
        int a = await(Future.ready(x));
        long b = await(Future.ready(a + {i}));
        return Future.ready((int) (a + b));
    }}
    public static int touch(int x) {{ return x * 3 + {i}; }}
}}
""")
calls = "\n".join(f"        s += P{i:04d}.work(1);" for i in range(PLAIN))
calls += "\n" + "\n".join(f"        s += W{i:04d}.touch(1);" for i in range(WEFT))
write("gen/Main.java", f"""package gen;
/** Loads and uses every generated class; with "verify", runs the async methods (needs the agent). */
public final class Main {{
    public static void main(String[] args) {{
        {{ {NOW} System.out.println("T_MAIN " + us); }}
        int s = 0;
{calls}
        if (args.length > 0) Verify.run();
        {{ {NOW} System.out.println("T_DONE " + us + " " + s); }}
    }}
}}
""")
checks = "\n".join(f"        n += W{i:04d}.run(5).poll(cx).value() == 10 + {i} ? 1 : 0;" for i in range(WEFT))
write("gen/Verify.java", f"""package gen;
final class Verify {{
    static void run() {{
        dev.weft.Context cx = dev.weft.Context.of(() -> {{ }});
        int n = 0;
{checks}
        System.out.println("VERIFIED " + n);
    }}
}}
""")
files = [os.path.join(dp, f) for dp, _, fs in os.walk(src) for f in fs]
t = time.time()
subprocess.run([javac, "--release", "17", "-nowarn", "-d", classes, "-cp", runtime] + files, check=True)
print(f"generated and compiled {len(files)} classes in {time.time() - t:.1f} s", flush=True)

# the control: an agent whose premain does nothing
empty_src = os.path.join(tmp, "empty", "src", "emptyagent")
os.makedirs(empty_src)
open(os.path.join(empty_src, "EmptyAgent.java"), "w").write(
    "package emptyagent;\npublic final class EmptyAgent {\n"
    "    public static void premain(String args, java.lang.instrument.Instrumentation inst) {}\n}\n")
empty_classes = os.path.join(tmp, "empty", "classes")
subprocess.run([javac, "--release", "17", "-d", empty_classes, os.path.join(empty_src, "EmptyAgent.java")], check=True)
manifest = os.path.join(tmp, "empty", "MANIFEST.MF")
open(manifest, "w").write("Premain-Class: emptyagent.EmptyAgent\n")
empty_agent = os.path.join(tmp, "empty", "empty-agent.jar")
subprocess.run([os.path.join(os.path.dirname(javac), "jar"), "cfm", empty_agent, manifest, "-C", empty_classes, "."], check=True)
AGENTS = {"none": [], "weft": [f"-javaagent:{agent}"], "noverify": [f"-javaagent:{agent}=noverify"],
          # no Flight Recorder listener: what the weave events' registration costs (on JDK 17)
          "nojfr": [f"-javaagent:{agent}=nojfr"],
          "empty": [f"-javaagent:{empty_agent}"],
          # the woven-class cache, filled by the warm-up run: later starts define the cached bytes
          "cache": [f"-javaagent:{agent}=cache={os.path.join(tmp, 'weft-cache')}"]}
if baseline:
    AGENTS["baseline"] = [f"-javaagent:{baseline}"]

cp = classes + os.pathsep + runtime
v = subprocess.run([java25, f"-javaagent:{agent}", "-cp", cp, "gen.Main", "verify"], capture_output=True, text=True)
if f"VERIFIED {WEFT}" not in v.stdout:
    sys.exit(f"the woven classes did not run as expected:\n{v.stdout}\n{v.stderr}")
print(f"verified: the {WEFT} await classes were woven and ran (stderr: {len(v.stderr)} chars)", flush=True)

def one(java, program, mode):
    cmd = [java] + AGENTS[mode] + ["-cp", cp,
           "hello.Hello" if program == "hello" else "gen.Main"]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.time_ns() // 1000
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.time_ns() // 1000 - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{cmd} failed:\n{p.stdout}\n{p.stderr}")
    got = {l.split()[0]: int(l.split()[1]) for l in p.stdout.splitlines() if l.startswith("T_")}
    return {"to_main_ms": (got["T_MAIN"] - t0) / 1000, "to_done_ms": (got["T_DONE"] - t0) / 1000,
            "wall_ms": wall / 1000,
            "cpu_ms": round((r1.ru_utime + r1.ru_stime - r0.ru_utime - r0.ru_stime) * 1000, 1)}

jdks = [("25", java25)] + ([("17", java17)] if os.access(java17, os.X_OK) else [])
versions = {}
rows = []
for name, java in jdks:
    versions[name] = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    for program in ("hello", "gen"):
        for a in AGENTS:
            one(java, program, a)  # warm the page cache and CDS archive mapping
    for i in range(runs):
        for program in ("hello", "gen"):
            for a in AGENTS:
                r = one(java, program, a)
                r.update({"jdk": name, "program": program, "agent": a, "run": i})
                rows.append(r)
                print(json.dumps(r), flush=True)

# classes loaded (in total, and from the agent's jar) and the weaver's per-phase times
class_loads = {}
for name, java in jdks:
    for a in [m for m in AGENTS if m != "none"] + ["none"]:
        jarpath = AGENTS[a][0].split(":", 1)[1].split("=")[0] if AGENTS[a] else None
        log = os.path.join(tmp, f"classload-{name}-{a}.txt")
        p = subprocess.run([java, f"-Xlog:class+load:file={log}"] + AGENTS[a] + ["-cp", cp, "gen.Main"],
                           capture_output=True, text=True)
        lines = open(log).read().splitlines()
        loaded = [l for l in lines if "class,load" in l]
        mine = [l for l in loaded if jarpath and os.path.basename(jarpath) in l and "source: file:" in l]
        class_loads.setdefault(name, {})[a] = {"total": len(loaded), "from_agent_jar": len(mine)}
        print(f"jdk {name} {a}: {len(loaded)} classes loaded, {len(mine)} from the agent jar", flush=True)
        if a in ("weft", "noverify", "nojfr", "baseline", "cache"):
            p = subprocess.run([java, "-Dweft.agent.stats=true"] + AGENTS[a] + ["-cp", cp, "gen.Main"],
                               capture_output=True, text=True)
            stats = [l for l in p.stderr.splitlines() if l.startswith("[weft]")]
            print(f"jdk {name} {a} -Dweft.agent.stats=true:\n" + ("\n".join(stats) or "  (no stats in this agent)"), flush=True)

scancost = {}
scancost_baseline = {}
for name, java in jdks:
    for which, agent_jar, into in (("weft", agent, scancost), ("baseline", baseline, scancost_baseline)):
        if not agent_jar:
            continue
        p = subprocess.run([java, "-cp", jar + os.pathsep + agent_jar, "dev.weft.bench.startup.ScanCost",
                            classes, runtime, "30"], capture_output=True, text=True)
        line = [l for l in p.stdout.splitlines() if l.startswith("SCANCOST ")]
        if not line:
            sys.exit(f"ScanCost ({which}) failed on {name}:\n{p.stdout}\n{p.stderr}")
        into[name] = json.loads(line[0].split(" ", 1)[1])
        print(f"jdk {name} ({which}): {line[0]}", flush=True)

with open("/proc/loadavg") as f:
    load = " ".join(f.read().split()[:3])
json.dump({"date": date, "machine": machine, "jdks": versions, "runs_per_variant": runs,
           "plain_classes": PLAIN, "weft_classes": WEFT, "load_after": load, "rows": rows,
           "scancost": scancost, "scancost_baseline": scancost_baseline, "class_loads": class_loads,
           "baseline_agent": baseline or None}, open(out, "w"), indent=1)
print(f"wrote {out}")
